import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { InterfaceService } from '../naming/interface-service';
import {
  endpointSecurityGroupResourceName,
  interfaceEndpointResourceName,
  s3GatewayResourceName,
} from '../naming/resource-names';
import { interfaceEndpointServiceName } from '../naming/service-names';
import { ecrPrivateLinkProblems } from '../validation/ecr-private-link-problems';
import { throwIfProblems } from '../validation/problem';
import { selectInterfaceServices, Workload } from '../workload-profiles';
import { ClientEgressRules } from './client-egress-rules';
import { EndpointSecurityGroup } from './endpoint-security-group';
import { InterfaceEndpoint } from './interface-endpoint';
import { LeastPrivilegePolicies } from './least-privilege-policies';
import { Preflight } from './preflight';
import { S3GatewayEndpoint } from './s3-gateway-endpoint';

/** Existing resources to take over with Terraform `import` blocks, by what they are in this stack. */
export interface AdoptIds {
  /** The endpoints' security group (`sg-...`). */
  readonly securityGroup?: string;
  /** The S3 gateway endpoint (`vpce-...`). */
  readonly s3?: string;
  /** Interface endpoints by service short name, e.g. `"ecr.api": "vpce-..."`. */
  readonly [service: string]: string | undefined;
}

export interface EcrPrivateLinkProps {
  /** Region of the VPC, e.g. `ap-northeast-1`; service names and ARNs follow its partition. */
  readonly region: string;
  /**
   * Start of every Terraform resource name and of the security group's name: `<prefix>-ecr-api`,
   * `<prefix>-ecr-dkr`, `<prefix>-s3`, `<prefix>-ecr-privatelink`. Changing it re-creates everything.
   */
  readonly namePrefix: string;
  /** VPC of the private subnets (`vpc-...`); needs DNS support and DNS hostnames for private DNS. */
  readonly vpcId: string;
  /** Private subnets that get the interface endpoints' network interfaces, one per Availability Zone. */
  readonly privateSubnetIds: readonly string[];
  /** Route tables of the private subnets; the S3 gateway endpoint adds its route to each. */
  readonly privateRouteTableIds: readonly string[];
  /** Networks of the clients (nodes, tasks) allowed to reach the endpoints on 443/tcp. */
  readonly allowedCidrBlocks: readonly string[];
  /** The workload whose documented interface endpoints to create. @default 'ecr-only' (ecr.api, ecr.dkr) */
  readonly workload?: Workload;
  /** Interface endpoints to create instead of the workload's; must include `ecr.dkr`. @default - the workload's */
  readonly interfaceServices?: readonly InterfaceService[];
  /** Interface endpoints to create besides the workload's (or `interfaceServices`). @default - none */
  readonly additionalInterfaceServices?: readonly InterfaceService[];
  /** Narrow the S3 gateway to ECR's layer bucket and the ECR endpoints to the allowed accounts. @default false */
  readonly leastPrivilegePolicies?: boolean;
  /** With leastPrivilegePolicies: more bucket ARNs the S3 gateway lets through. @default - none */
  readonly extraS3BucketArns?: readonly string[];
  /** With leastPrivilegePolicies: accounts whose principals may use the ECR endpoints. @default - the deploying account */
  readonly allowedAccountIds?: readonly string[];
  /** Clients' security groups: egress on 443 to the endpoints and S3 only, and ingress to the endpoints. @default - none */
  readonly clientSecurityGroupIds?: readonly string[];
  /**
   * Look the VPC, subnets, route tables and endpoint services up at plan time and fail the plan, with a
   * message saying what to change, when an apply would fail. Needs AWS read access when planning. @default true
   */
  readonly preflight?: boolean;
  /** Existing resources (made by hand or by another project) to import instead of create. @default - none */
  readonly adopt?: AdoptIds;
  /** Description of the endpoints' security group; changing it replaces the group. @default DEFAULT_SECURITY_GROUP_DESCRIPTION */
  readonly securityGroupDescription?: string;
  /** Tags for every resource. @default - no tags */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A private path from private subnets to Amazon ECR: interface endpoints for `ecr.api` and `ecr.dkr`
 * (and any further services) with private DNS, their security group opening 443 to the clients, and the
 * S3 gateway endpoint on the private route tables for the image layers. Resource addresses follow the
 * source article's Terraform, so its state moves under this construct without changes.
 */
export class EcrPrivateLink extends Construct {
  /** The endpoints' security group. */
  public readonly securityGroup: EndpointSecurityGroup;
  /** The interface endpoints, in the order of `interfaceServices`. */
  public readonly interfaceEndpoints: readonly InterfaceEndpoint[];
  /** The S3 gateway endpoint. */
  public readonly s3Gateway: S3GatewayEndpoint;

  public constructor(scope: Construct, id: string, props: EcrPrivateLinkProps) {
    super(scope, id);
    const shortNames = (services?: readonly InterfaceService[]) => services?.map((s) => s.shortName);
    const inputs = {
      ...props,
      interfaceServices: shortNames(props.interfaceServices),
      additionalInterfaceServices: shortNames(props.additionalInterfaceServices),
    };
    throwIfProblems(this.node.path, ecrPrivateLinkProblems(inputs));
    if (props.workload && props.interfaceServices) {
      Annotations.of(this).addWarning(
        `interfaceServices replaces the "${props.workload}" workload's endpoints; list extra ones in additionalInterfaceServices to add to them instead`,
      );
    }

    const policies = props.leastPrivilegePolicies
      ? new LeastPrivilegePolicies(this, 'Policies', props)
      : undefined;
    const services = selectInterfaceServices(inputs).map(InterfaceService.of);
    const serviceName = (service: InterfaceService) => interfaceEndpointServiceName(props.region, service.shortName);
    const preflight =
      props.preflight === false
        ? undefined
        : new Preflight(this, 'Preflight', { ...props, interfaceServiceNames: services.map(serviceName) });

    this.securityGroup = new EndpointSecurityGroup(this, 'SecurityGroup', {
      vpcId: props.vpcId,
      name: endpointSecurityGroupResourceName(props.namePrefix),
      description: props.securityGroupDescription,
      allowedCidrBlocks: props.allowedCidrBlocks,
      clientSecurityGroupIds: props.clientSecurityGroupIds,
      preconditions: preflight?.sharedPreconditions,
      tags: props.tags,
    });

    const securityGroupId = this.securityGroup.securityGroupId;
    this.interfaceEndpoints = services.map(
      (service) =>
        new InterfaceEndpoint(this, service.shortName, {
          service,
          region: props.region,
          vpcId: props.vpcId,
          subnetIds: props.privateSubnetIds,
          securityGroupIds: [securityGroupId],
          resourceName: interfaceEndpointResourceName(props.namePrefix, service.shortName),
          policy: service.isEcr ? policies?.ecrEndpointPolicy : undefined,
          preconditions: preflight?.interfaceEndpointPreconditions(serviceName(service)),
          tags: props.tags,
        }),
    );

    this.s3Gateway = new S3GatewayEndpoint(this, 'S3Gateway', {
      region: props.region,
      vpcId: props.vpcId,
      routeTableIds: props.privateRouteTableIds,
      resourceName: s3GatewayResourceName(props.namePrefix),
      policy: policies?.s3GatewayPolicy,
      preconditions: preflight?.s3GatewayPreconditions,
      tags: props.tags,
    });

    this.adopt(props.adopt ?? {});

    if (props.clientSecurityGroupIds?.length) {
      new ClientEgressRules(this, 'ClientEgress', {
        clientSecurityGroupIds: props.clientSecurityGroupIds,
        endpointSecurityGroupId: securityGroupId,
        s3PrefixListId: this.s3Gateway.resource.prefixListId,
        namePrefix: props.namePrefix,
        tags: props.tags,
      });
    }
  }

  /** Import blocks for the listed existing resources (validated: every key names a resource here). */
  private adopt(ids: AdoptIds): void {
    const { securityGroup, s3, ...interfaceEndpoints } = ids;
    if (securityGroup) {
      this.securityGroup.resource.importFrom(securityGroup);
    }
    if (s3) {
      this.s3Gateway.resource.importFrom(s3);
    }
    for (const endpoint of this.interfaceEndpoints) {
      const id = interfaceEndpoints[endpoint.service.shortName];
      if (id) {
        endpoint.resource.importFrom(id);
      }
    }
  }
}
