import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Construct } from 'constructs';
import { InterfaceService } from '../naming/interface-service';
import type { EcrPrivateLinkProps, EndpointAddress } from './ecr-private-link-props';
import { nonEmpty } from './tags';

/** The construct's region (the endpoint service name follows it), VPC, IP address and DNS record types, tags; and the endpoint's own. */
export interface InterfaceEndpointProps extends Pick<
  EcrPrivateLinkProps,
  'region' | 'vpcId' | 'ipAddressType' | 'dnsRecordIpType' | 'tags'
> {
  /** The AWS service to reach, e.g. `InterfaceService.ECR_DKR`. */
  readonly service: InterfaceService;
  /** Subnets for the endpoint's network interfaces, at most one per Availability Zone. */
  readonly subnetIds: readonly string[];
  /** Security groups of the endpoint's network interfaces. */
  readonly securityGroupIds: readonly string[];
  /** Terraform resource name, the address state is kept under. */
  readonly resourceName: string;
  /** Endpoint policy JSON. @default - AWS's default policy, which allows everything */
  readonly policy?: string;
  /** Fixed addresses of its network interfaces, by subnet ID. @default - AWS picks them */
  readonly addresses?: Readonly<Record<string, EndpointAddress>>;
  /** Private DNS, the service's own hostname resolving to the endpoint in its VPC; a hub turns it off. @default true */
  readonly privateDnsEnabled?: boolean;
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
  /** The endpoint service name, e.g. `com.amazonaws.ap-northeast-1.ecr.dkr`. */
  public readonly serviceName: string;

  public constructor(scope: Construct, id: string, props: InterfaceEndpointProps) {
    super(scope, id);
    this.service = props.service;
    this.serviceName = props.service.endpointServiceName(props.region);
    this.resource = new VpcEndpoint(this, 'Resource', {
      serviceName: this.serviceName,
      vpcEndpointType: 'Interface',
      vpcId: props.vpcId,
      subnetIds: [...props.subnetIds],
      securityGroupIds: [...props.securityGroupIds],
      privateDnsEnabled: props.privateDnsEnabled ?? true,
      policy: props.policy,
      ipAddressType: props.ipAddressType,
      dnsOptions: props.dnsRecordIpType ? { dnsRecordIpType: props.dnsRecordIpType } : undefined,
      subnetConfiguration: props.addresses
        ? Object.entries(props.addresses).map(([subnetId, address]) => ({ subnetId, ipv4: address.ipv4, ipv6: address.ipv6 }))
        : undefined,
      tags: nonEmpty(props.tags),
    });
    this.resource.overrideLogicalId(props.resourceName);
  }

  /** ID of the endpoint (`vpce-...`). */
  public get endpointId(): string {
    return this.resource.id;
  }

  /** The endpoint's DNS names and hosted zones. */
  public get dnsEntries(): VpcEndpoint['dnsEntry'] {
    return this.resource.dnsEntry;
  }

  /**
   * Its network interfaces' addresses by subnet ID, `{ "subnet-...": { ipv4 = "10.0.0.10", ipv6 = "" } }`,
   * known after apply: the provider reads them from the interfaces into `subnet_configuration`.
   */
  public get addressesBySubnet(): string {
    const address = `${this.resource.terraformResourceType}.${this.resource.friendlyUniqueId}`;
    return `\${{ for c in ${address}.subnet_configuration : c.subnet_id => { ipv4 = c.ipv4, ipv6 = c.ipv6 } }}`;
  }
}
