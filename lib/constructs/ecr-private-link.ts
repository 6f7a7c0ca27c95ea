import { Annotations, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { endpointSecurityGroupResourceName, interfaceEndpointResourceName } from '../naming/resource-names';
import { ecrPrivateLinkProblems } from '../validation/ecr-private-link-problems';
import { throwIfProblems } from '../validation/problem';
import { selectInterfaceServices } from '../workload-profiles';
import { ClientEgressRules } from './client-egress-rules';
import { EcrPrivateLinkProps, endpointAddressesOf, FIXED_ADOPT_KEYS } from './ecr-private-link-props';
import { EndpointSecurityGroup } from './endpoint-security-group';
import { HubPrivateDns } from './hub-private-dns';
import { HubSpokes } from './hub-spokes';
import { InterfaceEndpoint } from './interface-endpoint';
import { LeastPrivilegePolicies } from './least-privilege-policies';
import { Preflight } from './preflight';
import { S3GatewayEndpoint } from './s3-gateway-endpoint';
import { tagsNamed } from './tags';

export type { AdoptIds, EcrPrivateLinkProps, EndpointAddress, EndpointAddresses } from './ecr-private-link-props';

/**
 * A private path from private subnets to Amazon ECR: interface endpoints for `ecr.api` and `ecr.dkr`
 * (and any further services) with private DNS, their security group opening 443 to the clients, and the
 * S3 gateway endpoint on the private route tables for the image layers. Resource addresses follow the
 * source article's Terraform, so its state moves under this construct without changes. With `hub`, the
 * endpoints serve other VPCs too, through private hosted zones (HubPrivateDns) instead of private DNS.
 */
export class EcrPrivateLink extends Construct {
  /** The endpoints' security group. */
  public readonly securityGroup: EndpointSecurityGroup;
  /** The interface endpoints, in the order of `interfaceServices`. */
  public readonly interfaceEndpoints: readonly InterfaceEndpoint[];
  /** The S3 gateway endpoint. */
  public readonly s3Gateway: S3GatewayEndpoint;
  /** The resources `adopt` can name, by adopt key: `securityGroup`, `s3`, and each service's short name. */
  public readonly adoptable: ReadonlyMap<string, TerraformResource>;
  /** A hub's private hosted zones, or undefined when this is not a hub. */
  public readonly hubPrivateDns?: HubPrivateDns;

  public constructor(scope: Construct, id: string, props: EcrPrivateLinkProps) {
    super(scope, id);
    throwIfProblems(this.node.path, ecrPrivateLinkProblems(props));
    if (props.workload && props.interfaceServices) {
      Annotations.of(this).addWarning(
        `interfaceServices replaces the "${props.workload}" workload's endpoints; list extra ones in additionalInterfaceServices to add to them instead`,
      );
    }

    const policies = props.leastPrivilegePolicies ? new LeastPrivilegePolicies(this, 'Policies', props) : undefined;
    const tags = (name: string) => tagsNamed(props.tags, name, props.nameTags);
    const hubSpokes = props.hub
      ? new HubSpokes(this, 'HubSpokes', { region: props.region, namePrefix: props.namePrefix, spokes: props.hub.spokes ?? [] })
      : undefined;

    const securityGroupName = endpointSecurityGroupResourceName(props.namePrefix);
    this.securityGroup = new EndpointSecurityGroup(this, 'SecurityGroup', {
      ...props,
      name: securityGroupName,
      description: props.securityGroupDescription,
      spokeCidrBlocks: hubSpokes?.cidrBlocks,
      tags: tags(securityGroupName),
    });

    const securityGroupId = this.securityGroup.securityGroupId;
    this.interfaceEndpoints = selectInterfaceServices(props).map((service) => {
      const resourceName = interfaceEndpointResourceName(props.namePrefix, service.shortName);
      return new InterfaceEndpoint(this, constructId(service.shortName), {
        ...props,
        service,
        subnetIds: props.privateSubnetIds,
        securityGroupIds: [securityGroupId],
        resourceName,
        policy: service.isEcr ? policies?.ecrEndpointPolicy : undefined,
        addresses: endpointAddressesOf(props.endpointAddresses, service.shortName),
        tags: tags(resourceName),
        privateDnsEnabled: hubSpokes ? false : undefined,
      });
    });

    this.s3Gateway = new S3GatewayEndpoint(this, 'S3Gateway', { ...props, policy: policies?.s3GatewayPolicy });

    const [securityGroupKey, s3Key] = FIXED_ADOPT_KEYS;
    this.adoptable = new Map<string, TerraformResource>([
      [securityGroupKey, this.securityGroup.resource],
      [s3Key, this.s3Gateway.resource],
      ...this.interfaceEndpoints.map((endpoint): [string, TerraformResource] => [endpoint.service.shortName, endpoint.resource]),
    ]);
    // Import blocks for the listed existing resources (validated: every key names a resource here).
    for (const [key, id] of Object.entries(props.adopt ?? {})) {
      if (id) {
        this.adoptable.get(key)?.importFrom(id);
      }
    }

    const preflight =
      props.preflight === false
        ? undefined
        : new Preflight(this, 'Preflight', {
            ...props,
            securityGroup: this.securityGroup.resource,
            interfaceEndpoints: this.interfaceEndpoints,
            s3Gateway: this.s3Gateway.resource,
          });

    if (hubSpokes) {
      this.hubPrivateDns = new HubPrivateDns(this, 'HubPrivateDns', {
        ...props,
        endpoints: this.interfaceEndpoints,
        spokes: hubSpokes,
        serviceLookups: preflight?.services,
      });
    }

    if (props.clientSecurityGroupIds?.length) {
      new ClientEgressRules(this, 'ClientEgress', {
        ...props,
        clientSecurityGroupIds: props.clientSecurityGroupIds,
        endpoints: [
          { suffix: 'to-endpoints', description: 'HTTPS to endpoints (ECR PrivateLink)', referencedSecurityGroupId: securityGroupId },
        ],
        s3PrefixListId: this.s3Gateway.prefixListId,
      });
    }
  }
}

/**
 * A service's construct ID: its short name, unless that names an Object.prototype member (a service
 * called "constructor"), which the constructs library would take for an existing child.
 */
function constructId(shortName: string): string {
  return shortName in Object.prototype ? `${shortName}-endpoint` : shortName;
}
