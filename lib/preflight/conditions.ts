/**
 * Plan-time conditions as Terraform expressions (pure strings): each takes the addresses of the data
 * sources it reads and gives the condition and the message a user sees when it fails. Messages name the
 * resource IDs at fault and say what to change.
 *
 * Lists of things (subnets, route tables) are read from one data source with `for_each` over their IDs,
 * whose address is a map from ID to object: one condition covers all of them, and its message names only
 * those at fault, so a stack's size does not grow with the length of its lists.
 */

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
const interpolated = (expression: string): string => `\${${expression}}`;
/** HCL: the items of `listExpression` joined with ", ", as a piece of a message. */
const joined = (listExpression: string): string => interpolated(`join(", ", ${listExpression})`);

/** The VPC has both DNS attributes that private DNS on interface endpoints needs. */
export function vpcDnsCondition(vpc: LookedUp): TerraformCondition {
  return {
    condition: interpolated(`${vpc.address}.enable_dns_support && ${vpc.address}.enable_dns_hostnames`),
    errorMessage:
      `VPC ${vpc.id} needs enableDnsSupport and enableDnsHostnames for private DNS on the interface endpoints ` +
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
