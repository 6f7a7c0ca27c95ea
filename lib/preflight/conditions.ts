/**
 * Plan-time conditions as Terraform expressions (pure strings): each takes the addresses of the data
 * sources it reads and gives the condition and the message a user sees when it fails. Messages name the
 * resource ID and say what to change.
 */

/** A Terraform precondition or check assertion: `condition` is a `${...}` expression. */
export interface TerraformCondition {
  readonly condition: string;
  readonly errorMessage: string;
}

/** A data source the conditions read, with the ID it looks up. */
export interface LookedUp {
  /** Terraform address, e.g. `data.aws_subnet.sample-preflight-subnet-0a1b...`. */
  readonly address: string;
  /** The AWS ID from the config, e.g. `subnet-0a1b...`. */
  readonly id: string;
}

const list = (items: readonly string[]): string => `[${items.join(', ')}]`;
const quoted = (value: string): string => JSON.stringify(value);

/** The VPC has both DNS attributes that private DNS on interface endpoints needs. */
export function vpcDnsCondition(vpc: LookedUp): TerraformCondition {
  return {
    condition: `\${${vpc.address}.enable_dns_support && ${vpc.address}.enable_dns_hostnames}`,
    errorMessage:
      `VPC ${vpc.id} needs enableDnsSupport and enableDnsHostnames for private DNS on the interface endpoints ` +
      `(now ${'${'}${vpc.address}.enable_dns_support} and ${'${'}${vpc.address}.enable_dns_hostnames}); turn both on, e.g. ` +
      `aws ec2 modify-vpc-attribute --vpc-id ${vpc.id} --enable-dns-hostnames '{"Value":true}'.`,
  };
}

/** A subnet of `privateSubnetIds` belongs to `vpcId`. */
export function subnetInVpcCondition(subnet: LookedUp, vpcId: string): TerraformCondition {
  return {
    condition: `\${${subnet.address}.vpc_id == ${quoted(vpcId)}}`,
    errorMessage: `Subnet ${subnet.id} (privateSubnetIds) is in VPC ${'${'}${subnet.address}.vpc_id}, not in vpcId ${vpcId}; list private subnets of ${vpcId}.`,
  };
}

/** No two subnets share an Availability Zone: an interface endpoint takes one subnet per AZ. */
export function distinctAzsCondition(subnets: readonly LookedUp[]): TerraformCondition {
  const azs = list(subnets.map((s) => `${s.address}.availability_zone`));
  return {
    condition: `\${length(distinct(${azs})) == ${subnets.length}}`,
    errorMessage:
      `privateSubnetIds ${subnets.map((s) => s.id).join(', ')} are in the Availability Zones ${'${'}join(", ", ${azs})}; ` +
      'an interface endpoint takes one subnet per AZ, so keep one subnet of each AZ.',
  };
}

/** The subnet's Availability Zone is one the endpoint service is offered in. */
export function serviceOfferedCondition(service: LookedUp, subnet: LookedUp): TerraformCondition {
  return {
    condition: `\${contains(${service.address}.availability_zones, ${subnet.address}.availability_zone)}`,
    errorMessage:
      `Subnet ${subnet.id} is in ${'${'}${subnet.address}.availability_zone}, where ${service.id} is not offered ` +
      `(offered in ${'${'}join(", ", ${service.address}.availability_zones)}); use a subnet in an offered AZ.`,
  };
}

/** A route table of `privateRouteTableIds` belongs to `vpcId`. */
export function routeTableInVpcCondition(routeTable: LookedUp, vpcId: string): TerraformCondition {
  return {
    condition: `\${${routeTable.address}.vpc_id == ${quoted(vpcId)}}`,
    errorMessage: `Route table ${routeTable.id} (privateRouteTableIds) is in VPC ${'${'}${routeTable.address}.vpc_id}, not in vpcId ${vpcId}; list the route tables of ${vpcId}'s private subnets.`,
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
  const all = list(cidrs.map(quoted));
  return {
    condition: `\${alltrue([for c in ${all} : ${inside('c')}])}`,
    errorMessage:
      `allowedCidrBlocks ${'${'}join(", ", [for c in ${all} : c if !${inside('c')}])} lie outside VPC ${vpc.id}'s ` +
      `CIDR blocks (${'${'}join(", ", ${vpcCidrs})}). Fine for peered or on-premises clients; otherwise a typo.`,
  };
}
