import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Construct } from 'constructs';
import type { DnsRecordIpType, IpAddressType } from '../addressing/ip-address-types';
import { InterfaceService } from '../naming/interface-service';
import type { EndpointAddress } from './ecr-private-link-props';
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
  /** IP address type of its network interfaces. @default - AWS's, ipv4 (the argument is not sent) */
  readonly ipAddressType?: IpAddressType;
  /** DNS records its private DNS publishes. @default - AWS's for the IP address type (no `dns_options` block) */
  readonly dnsRecordIpType?: DnsRecordIpType;
  /** Fixed addresses of its network interfaces, by subnet ID. @default - AWS picks them */
  readonly addresses?: Readonly<Record<string, EndpointAddress>>;
  /** Tags for the endpoint. @default - no tags */
  readonly tags?: Readonly<Record<string, string>>;
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
