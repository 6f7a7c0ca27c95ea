/**
 * Plan-time conditions as Terraform expressions (pure strings): each takes the addresses of the data
 * sources it reads and gives the condition and the message a user sees when it fails. Messages name the
 * resource IDs at fault and say what to change.
 *
 * Lists of things (subnets, route tables) are read from one data source with `for_each` over their IDs,
 * whose address is a map from ID to object: one condition covers all of them, and its message names only
 * those at fault, so a stack's size does not grow with the length of its lists.
 */

import { IP_VERSION_LABELS, IP_VERSIONS, IpAddressType } from '../addressing/ip-address-types';

/** A Terraform precondition or check assertion: `condition` is a `${...}` expression. */
export interface TerraformCondition {
  readonly condition: string;
  readonly errorMessage: string;
}

/** A data source the conditions read, with the ID it looks up. */
export interface LookedUp {
  /** Terraform address, e.g. `data.aws_vpc.sample-preflight-vpc`. */
  readonly address: string;
  /** The AWS ID or name from the config, e.g. `vpc-0a1b...`. */
  readonly id: string;
}

/** Address of a `for_each` data source: a map from each looked-up ID to its object. */
export type LookedUpEach = string;

const quoted = (value: string): string => JSON.stringify(value);
const CIDR_ATTRIBUTES = { ipv4: 'cidr_block', ipv6: 'ipv6_cidr_block' } as const;
export const interpolated = (expression: string): string => `\${${expression}}`;
/** HCL: the items of `listExpression` joined with ", ", as a piece of a message. */
export const joined = (listExpression: string): string => interpolated(`join(", ", ${listExpression})`);

/** The VPC has both DNS attributes, which private DNS on interface endpoints needs (or what `purpose` says). */
export function vpcDnsCondition(vpc: LookedUp, purpose = 'for private DNS on the interface endpoints', what = 'VPC'): TerraformCondition {
  return {
    condition: interpolated(`${vpc.address}.enable_dns_support && ${vpc.address}.enable_dns_hostnames`),
    errorMessage:
      `${what} ${vpc.id} needs enableDnsSupport and enableDnsHostnames ${purpose} ` +
      `(now ${interpolated(`${vpc.address}.enable_dns_support`)} and ${interpolated(`${vpc.address}.enable_dns_hostnames`)}); turn both on, e.g. ` +
      `aws ec2 modify-vpc-attribute --vpc-id ${vpc.id} --enable-dns-hostnames '{"Value":true}'.`,
  };
}

/** Each object of `each` (subnets or route tables, by ID) has `vpc_id` equal to `vpcId`. */
function allInVpc(each: LookedUpEach, vpcId: string, field: string, what: string, advice: string): TerraformCondition {
  const outside = `[for id, x in ${each} : "\${id} is in \${x.vpc_id}" if x.vpc_id != ${quoted(vpcId)}]`;
  return {
    condition: interpolated(`alltrue([for x in ${each} : x.vpc_id == ${quoted(vpcId)}])`),
    errorMessage: `${field} must be ${what} of vpcId ${vpcId}, but ${joined(outside)}; ${advice}.`,
  };
}

/** Every subnet of `privateSubnetIds` belongs to `vpcId`. */
export function subnetsInVpcCondition(subnets: LookedUpEach, vpcId: string): TerraformCondition {
  return allInVpc(subnets, vpcId, 'privateSubnetIds', 'subnets', `list private subnets of ${vpcId}`);
}

/** Every route table of `privateRouteTableIds` belongs to `vpcId`. */
export function routeTablesInVpcCondition(routeTables: LookedUpEach, vpcId: string): TerraformCondition {
  return allInVpc(routeTables, vpcId, 'privateRouteTableIds', 'route tables', `list the route tables of ${vpcId}'s private subnets`);
}

/** No two subnets share an Availability Zone: an interface endpoint takes one subnet per AZ. */
export function distinctAzsCondition(subnets: LookedUpEach): TerraformCondition {
  const sharing = `[for id, s in ${subnets} : "\${id} in \${s.availability_zone}" if length([for t in ${subnets} : t if t.availability_zone == s.availability_zone]) > 1]`;
  return {
    condition: interpolated(`length(distinct([for s in ${subnets} : s.availability_zone])) == length(${subnets})`),
    errorMessage:
      `privateSubnetIds share Availability Zones (${joined(sharing)}); ` +
      'an interface endpoint takes one subnet per AZ, so keep one subnet of each AZ.',
  };
}

/** Every subnet's Availability Zone is one the endpoint service is offered in. */
export function serviceOfferedCondition(service: LookedUp, subnets: LookedUpEach): TerraformCondition {
  const offered = `contains(${service.address}.availability_zones, s.availability_zone)`;
  const notOffered = `[for id, s in ${subnets} : "\${id} (\${s.availability_zone})" if !${offered}]`;
  return {
    condition: interpolated(`alltrue([for s in ${subnets} : ${offered}])`),
    errorMessage:
      `${service.id} is not offered in the Availability Zone of ${joined(notOffered)} ` +
      `(offered in ${joined(`${service.address}.availability_zones`)}); use subnets in offered AZs.`,
  };
}

/** HCL: whether CIDR `inner` lies within CIDR `outer` (both expressions giving canonical IPv4 CIDRs). */
export function cidrWithinExpression(inner: string, outer: string): string {
  const innerBits = `tonumber(split("/", ${inner})[1])`;
  const outerBits = `tonumber(split("/", ${outer})[1])`;
  // inner's address with outer's prefix length, normalised by cidrsubnet, is outer itself.
  return `(${innerBits} >= ${outerBits} && cidrsubnet(format("%s/%s", split("/", ${inner})[0], ${outerBits}), 0, 0) == ${outer})`;
}

/** Soft check: the allowed client networks lie inside the VPC's CIDR blocks (peered ranges may not). */
export function cidrsInVpcAssertion(vpc: LookedUp, cidrs: readonly string[]): TerraformCondition {
  const vpcCidrs = `${vpc.address}.cidr_block_associations[*].cidr_block`;
  const inside = (c: string) => `anytrue([for v in ${vpcCidrs} : ${cidrWithinExpression(c, 'v')}])`;
  const all = `[${cidrs.map(quoted).join(', ')}]`;
  return {
    condition: interpolated(`alltrue([for c in ${all} : ${inside('c')}])`),
    errorMessage:
      `allowedCidrBlocks ${joined(`[for c in ${all} : c if !${inside('c')}]`)} lie outside VPC ${vpc.id}'s ` +
      `CIDR blocks (${joined(vpcCidrs)}). Fine for peered or on-premises clients; otherwise a typo.`,
  };
}

/** What an endpoint of `ipAddressType` needs its service to accept: IPv4, IPv6, or both. */
export function ipAddressTypeSupportedCondition(
  service: LookedUp,
  region: string,
  field: string,
  ipAddressType: IpAddressType,
): TerraformCondition {
  const versions = `[${IP_VERSIONS[ipAddressType].map(quoted).join(', ')}]`;
  const supported = `${service.address}.supported_ip_address_types`;
  return {
    condition: interpolated(`alltrue([for v in ${versions} : contains(${supported}, v)])`),
    errorMessage:
      `${service.id} does not support ${ipAddressType} endpoints in ${region} (it supports ${joined(`sort(${supported})`)}); ` +
      `set "${field}" to a type it supports there.`,
  };
}

/**
 * The subnets have the CIDR blocks `ipAddressType` needs (AWS: `dualstack` an IPv4 and an IPv6 range in
 * every subnet, `ipv6` IPv6-only subnets).
 */
export function subnetsSuitIpAddressTypeCondition(subnets: LookedUpEach, region: string, ipAddressType: IpAddressType): TerraformCondition {
  if (ipAddressType === 'ipv6') {
    return {
      condition: interpolated(`alltrue([for s in ${subnets} : s.ipv6_native])`),
      errorMessage:
        `"ipAddressType": "ipv6" needs IPv6-only subnets, but in ${region} ` +
        `${joined(`[for id, s in ${subnets} : "\${id} is not (it has \${s.cidr_block == "" ? "no IPv4 block" : s.cidr_block})" if !s.ipv6_native]`)}; ` +
        'use "ipAddressType": "dualstack" for subnets with both.',
    };
  }
  const lacking = (attribute: string, version: string): string =>
    `[for id, s in ${subnets} : "\${id} has no ${version} CIDR block" if s.${attribute} == ""]`;
  return {
    condition: interpolated(
      `alltrue([for s in ${subnets} : ${IP_VERSIONS[ipAddressType].map((v) => `s.${CIDR_ATTRIBUTES[v]} != ""`).join(' && ')}])`,
    ),
    errorMessage:
      `"ipAddressType": "${ipAddressType}" needs ${IP_VERSIONS[ipAddressType].map((v) => `an ${IP_VERSION_LABELS[v]}`).join(' and ')} CIDR block on every subnet of privateSubnetIds, but in ${region} ` +
      `${joined(`concat(${IP_VERSIONS[ipAddressType].map((v) => lacking(CIDR_ATTRIBUTES[v], IP_VERSION_LABELS[v])).join(', ')})`)}; ` +
      'associate one with each subnet (aws ec2 associate-subnet-cidr-block), or choose another "ipAddressType".',
  };
}

/** One fixed address of an endpoint's network interface, as the conditions read it. */
export interface FixedAddress {
  readonly subnetId: string;
  readonly version: 'ipv4' | 'ipv6';
  readonly address: string;
}

/**
 * Every fixed address of an endpoint lies inside its subnet's CIDR block of its IP version and is not
 * one AWS reserves there (the first four and the last).
 */
export function endpointAddressesCondition(
  service: LookedUp,
  subnets: LookedUpEach,
  addresses: readonly FixedAddress[],
): TerraformCondition {
  const given = addresses.map((a) => `{ subnet = ${quoted(a.subnetId)}, version = ${quoted(a.version)}, address = ${quoted(a.address)} }`);
  // Each address with its subnet's CIDR block of that version ("" when the subnet has none).
  const list = `[for a in [${given.join(', ')}] : merge(a, { cidr = a.version == "ipv4" ? ${subnets}[a.subnet].cidr_block : ${subnets}[a.subnet].ipv6_cidr_block })]`;
  const single = 'cidrhost(format("%s/%d", a.address, a.version == "ipv4" ? 32 : 128), 0)';
  const inside = 'cidrsubnet(format("%s/%s", a.address, split("/", a.cidr)[1]), 0, 0) == a.cidr';
  const reserved = `contains([for i in [0, 1, 2, 3, -1] : cidrhost(a.cidr, i)], ${single})`;
  // try: cidrhost and split refuse the "" of a subnet without a block of that version.
  const ok = `try(${inside} && !${reserved}, false)`;
  const reason = `a.cidr == "" ? "(its subnet has no \${a.version} CIDR block)" : try(${inside}, false) ? "is reserved by AWS in \${a.cidr}" : "lies outside \${a.cidr}"`;
  return {
    condition: interpolated(`alltrue([for a in ${list} : ${ok}])`),
    errorMessage:
      `endpointAddresses of ${service.id} must be free addresses of their subnets, but ` +
      `${joined(`[for a in ${list} : "\${a.address} in \${a.subnet} \${${reason}}" if !${ok}]`)}; ` +
      'AWS reserves the first four and the last address of every subnet CIDR block.',
  };
}
