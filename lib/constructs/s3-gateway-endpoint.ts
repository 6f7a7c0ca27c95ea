import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Construct } from 'constructs';
import type { IpAddressType } from '../addressing/ip-address-types';
import { s3GatewayServiceName } from '../naming/service-names';
import type { EcrPrivateLinkProps } from './ecr-private-link-props';
import { nonEmpty } from './tags';

/** The construct's region (the endpoint service name follows it), VPC and tags; and the endpoint's own. */
export interface S3GatewayEndpointProps extends Pick<EcrPrivateLinkProps, 'region' | 'vpcId' | 'tags'> {
  /** Route tables of the private subnets; each gets a route to S3 through the endpoint. */
  readonly routeTableIds: readonly string[];
  /** Terraform resource name, the address state is kept under. */
  readonly resourceName: string;
  /** Endpoint policy JSON. @default - AWS's default policy, which allows everything */
  readonly policy?: string;
  /**
   * IP address type; `dualstack` makes AWS add the route to S3's IPv6 prefix list too. No `dns_options` is
   * ever set here: provider 5.100.0 would send an interface-only DNS option for any S3 endpoint.
   * @default - AWS's, ipv4 (the argument is not sent)
   */
  readonly ipAddressType?: IpAddressType;
}

/**
 * The S3 gateway endpoint ECR image layers are downloaded through. Route tables are associated inline
 * (`route_table_ids`) as in the original configuration: moving them to association resources would
 * remove and re-add the routes on existing deployments.
 */
export class S3GatewayEndpoint extends Construct {
  /** The `aws_vpc_endpoint` resource. */
  public readonly resource: VpcEndpoint;

  public constructor(scope: Construct, id: string, props: S3GatewayEndpointProps) {
    super(scope, id);
    this.resource = new VpcEndpoint(this, 'Resource', {
      serviceName: s3GatewayServiceName(props.region),
      vpcEndpointType: 'Gateway',
      vpcId: props.vpcId,
      routeTableIds: [...props.routeTableIds],
      policy: props.policy,
      ipAddressType: props.ipAddressType,
      tags: nonEmpty(props.tags),
    });
    this.resource.overrideLogicalId(props.resourceName);
  }

  /** ID of the endpoint (`vpce-...`). */
  public get endpointId(): string {
    return this.resource.id;
  }

  /** The prefix list of S3's addresses in the region, for clients' egress rules. */
  public get prefixListId(): string {
    return this.resource.prefixListId;
  }
}
