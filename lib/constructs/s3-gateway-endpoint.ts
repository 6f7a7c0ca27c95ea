import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Construct } from 'constructs';
import { s3GatewayResourceName } from '../naming/resource-names';
import { s3GatewayServiceName } from '../naming/service-names';
import type { EcrPrivateLinkProps } from './ecr-private-link-props';
import { tagsNamed } from './tags';

/**
 * The stack's props the endpoint is made from (the same in a stack and in a spoke: `<prefix>-s3` on the
 * private route tables, so a stack that becomes a spoke keeps it), and the endpoint's policy.
 */
export interface S3GatewayEndpointProps extends Pick<
  EcrPrivateLinkProps,
  'region' | 'namePrefix' | 'vpcId' | 'privateRouteTableIds' | 's3GatewayIpAddressType' | 'tags' | 'nameTags'
> {
  /** Endpoint policy JSON. @default - AWS's default policy, which allows everything */
  readonly policy?: string;
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
    const name = s3GatewayResourceName(props.namePrefix);
    this.resource = new VpcEndpoint(this, 'Resource', {
      serviceName: s3GatewayServiceName(props.region),
      vpcEndpointType: 'Gateway',
      vpcId: props.vpcId,
      routeTableIds: [...props.privateRouteTableIds],
      policy: props.policy,
      // dualstack makes AWS add the route to S3's IPv6 prefix list too. No `dns_options` is ever set here:
      // provider 5.100.0 would send an interface-only DNS option for any S3 endpoint.
      ipAddressType: props.s3GatewayIpAddressType,
      tags: tagsNamed(props.tags, name, props.nameTags),
    });
    this.resource.overrideLogicalId(name);
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
