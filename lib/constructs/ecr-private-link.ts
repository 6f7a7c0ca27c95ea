import { Construct } from 'constructs';
import { InterfaceService } from '../naming/interface-service';
import {
  endpointSecurityGroupResourceName,
  interfaceEndpointResourceName,
  s3GatewayResourceName,
} from '../naming/resource-names';
import { ecrPrivateLinkProblems } from '../validation/ecr-private-link-problems';
import { throwIfProblems } from '../validation/problem';
import { EndpointSecurityGroup } from './endpoint-security-group';
import { InterfaceEndpoint } from './interface-endpoint';
import { S3GatewayEndpoint } from './s3-gateway-endpoint';

export interface EcrPrivateLinkProps {
  /** Region of the VPC, e.g. `ap-northeast-1`; endpoint service names are built from it. */
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
  /** Interface endpoints to create; must include `ecr.dkr`. @default InterfaceService.ECR_DEFAULTS (ecr.api, ecr.dkr) */
  readonly interfaceServices?: readonly InterfaceService[];
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
    const services = props.interfaceServices ?? InterfaceService.ECR_DEFAULTS;
    throwIfProblems(
      this.node.path,
      ecrPrivateLinkProblems({ ...props, interfaceServices: services.map((s) => s.shortName) }),
    );

    this.securityGroup = new EndpointSecurityGroup(this, 'SecurityGroup', {
      vpcId: props.vpcId,
      name: endpointSecurityGroupResourceName(props.namePrefix),
      description: props.securityGroupDescription,
      allowedCidrBlocks: props.allowedCidrBlocks,
      tags: props.tags,
    });

    this.interfaceEndpoints = services.map(
      (service) =>
        new InterfaceEndpoint(this, service.shortName, {
          service,
          region: props.region,
          vpcId: props.vpcId,
          subnetIds: props.privateSubnetIds,
          securityGroupIds: [this.securityGroup.securityGroupId],
          resourceName: interfaceEndpointResourceName(props.namePrefix, service.shortName),
          tags: props.tags,
        }),
    );

    this.s3Gateway = new S3GatewayEndpoint(this, 'S3Gateway', {
      region: props.region,
      vpcId: props.vpcId,
      routeTableIds: props.privateRouteTableIds,
      resourceName: s3GatewayResourceName(props.namePrefix),
      tags: props.tags,
    });
  }
}
