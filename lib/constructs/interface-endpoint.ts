import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Construct } from 'constructs';
import { InterfaceService } from '../naming/interface-service';
import { interfaceEndpointServiceName } from '../naming/service-names';
import { TerraformCondition } from '../preflight/conditions';
import { withPreconditions } from './lifecycle';
import { nonEmpty } from './tags';

export interface InterfaceEndpointProps {
  /** The AWS service to reach, e.g. `InterfaceService.ECR_DKR`. */
  readonly service: InterfaceService;
  /** Region of the VPC; the endpoint service name is built from it. */
  readonly region: string;
  /** VPC to place the endpoint in. */
  readonly vpcId: string;
  /** Subnets for the endpoint's network interfaces, at most one per Availability Zone. */
  readonly subnetIds: readonly string[];
  /** Security groups of the endpoint's network interfaces. */
  readonly securityGroupIds: readonly string[];
  /** Terraform resource name, the address state is kept under. */
  readonly resourceName: string;
  /** Endpoint policy JSON. @default - AWS's default policy, which allows everything */
  readonly policy?: string;
  /** Plan-time checks (see Preflight). @default - none */
  readonly preconditions?: readonly TerraformCondition[];
  /** Tags for the endpoint. @default - no tags */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An interface VPC endpoint (PrivateLink) with private DNS, so that clients use the service's ordinary
 * hostname. Private DNS is set explicitly: AWS defaults it to true, but the provider sends false when unset.
 */
export class InterfaceEndpoint extends Construct {
  /** The `aws_vpc_endpoint` resource. */
  public readonly resource: VpcEndpoint;
  /** The service this endpoint reaches. */
  public readonly service: InterfaceService;

  public constructor(scope: Construct, id: string, props: InterfaceEndpointProps) {
    super(scope, id);
    this.service = props.service;
    this.resource = new VpcEndpoint(this, 'Resource', {
      serviceName: interfaceEndpointServiceName(props.region, props.service.shortName),
      vpcEndpointType: 'Interface',
      vpcId: props.vpcId,
      subnetIds: [...props.subnetIds],
      securityGroupIds: [...props.securityGroupIds],
      privateDnsEnabled: true,
      policy: props.policy,
      tags: nonEmpty(props.tags),
      lifecycle: withPreconditions(this, props.preconditions),
    });
    this.resource.overrideLogicalId(props.resourceName);
  }
}
