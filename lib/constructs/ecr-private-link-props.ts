/** The props of EcrPrivateLink (types only, so that validation and the construct can both import them). */
import type { DnsRecordIpType, IpAddressType } from '../addressing/ip-address-types';
import type { InterfaceService } from '../naming/interface-service';
import type { S3GatewayPreset } from '../policies/s3-gateway-presets';
import type { Workload } from '../workload-profiles';
import type { HubOptions } from './hub-props';

/** The keys of `adopt` besides the interface services' short names: the resources every stack has. */
export const FIXED_ADOPT_KEYS = ['securityGroup', 's3'] as const;

/** Existing resources to take over with Terraform `import` blocks, by what they are in this stack. */
export interface AdoptIds {
  /** The endpoints' security group (`sg-...`). */
  readonly securityGroup?: string;
  /** The S3 gateway endpoint (`vpce-...`). */
  readonly s3?: string;
  /** Interface endpoints by service short name, e.g. `"ecr.api": "vpce-..."`. */
  readonly [service: string]: string | undefined;
}

/** The fixed address(es) of an interface endpoint's network interface in one subnet. */
export interface EndpointAddress {
  /** IPv4 address, with `ipAddressType` `ipv4` or `dualstack`. @default - AWS picks one */
  readonly ipv4?: string;
  /** IPv6 address in canonical form, with `ipAddressType` `ipv6` or `dualstack`. @default - AWS picks one */
  readonly ipv6?: string;
}

/** Fixed addresses by interface service short name, then by subnet ID, e.g. `{"ecr.api": {"subnet-...": {"ipv4": "10.0.1.10"}}}`. */
export type EndpointAddresses = Readonly<Record<string, Readonly<Record<string, EndpointAddress>>>>;

/** One service's fixed addresses, by subnet ID; own keys only (a service may be called `constructor`). */
export function endpointAddressesOf(addresses: EndpointAddresses | undefined, shortName: string): EndpointAddresses[string] | undefined {
  return addresses && Object.hasOwn(addresses, shortName) ? addresses[shortName] : undefined;
}

/**
 * What a stack's ECR PrivateLink is made of. Shapes (ID formats, non-empty lists) are the config schema's
 * to check (lib/config/config-schema.ts); the construct checks what only it can judge (see
 * ecrPrivateLinkProblems).
 */
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
  /** With leastPrivilegePolicies: AWS-owned buckets the S3 gateway also lets through, e.g. `amazon-linux-2023`. @default - none */
  readonly s3GatewayPresets?: readonly S3GatewayPreset[];
  /**
   * IP address type of the interface endpoints' network interfaces: `dualstack` needs subnets with IPv4 and
   * IPv6 ranges, `ipv6` IPv6-only subnets, and each service must accept it in the region. @default - AWS's, ipv4
   */
  readonly ipAddressType?: IpAddressType;
  /** DNS records the interface endpoints' private DNS publishes; must suit `ipAddressType`. @default - AWS's for the ipAddressType */
  readonly dnsRecordIpType?: DnsRecordIpType;
  /** With ipAddressType dualstack or ipv6: IPv6 networks of the clients allowed to reach the endpoints on 443/tcp. @default - none */
  readonly allowedIpv6CidrBlocks?: readonly string[];
  /** IP address type of the S3 gateway endpoint (`dualstack` adds AWS's IPv6 prefix-list route). @default - AWS's, ipv4 */
  readonly s3GatewayIpAddressType?: IpAddressType;
  /**
   * Fixed addresses of interface endpoints' network interfaces, by service short name and subnet; a service
   * listed needs an address in every subnet of privateSubnetIds. @default - AWS picks them
   */
  readonly endpointAddresses?: EndpointAddresses;
  /** Tag every resource `Name` = its resource name (`<prefix>-ecr-api`, ...), as the console shows it. @default false */
  readonly nameTags?: boolean;
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
  /**
   * Makes this a hub: interface endpoints without private DNS, a Route 53 private hosted zone per service
   * pointing at them, associated with the VPC and the spokes' VPCs, whose networks may reach the endpoints.
   * @default - not a hub: the endpoints have private DNS
   */
  readonly hub?: HubOptions;
}
