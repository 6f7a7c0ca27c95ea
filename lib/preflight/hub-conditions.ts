/**
 * Plan-time conditions of hubs and spokes, as Terraform expressions (pure strings, like conditions.ts):
 * each takes the addresses of the data sources it reads and gives the condition and the message a user
 * sees when it fails.
 */
import { interpolated, joined, LookedUp, LookedUpEach, TerraformCondition, vpcDnsCondition } from './conditions';

/**
 * The hub's zone stands in for the private DNS name AWS publishes for the service (`private_dns_name` of
 * `aws_vpc_endpoint_service`), e.g. `*.dkr.ecr.<region>.amazonaws.com`: a zone of another name would
 * leave clients resolving the public endpoint.
 */
export function zoneMatchesPrivateDnsNameCondition(service: LookedUp, privateDnsName: string): TerraformCondition {
  const published = `${service.address}.private_dns_name`;
  return {
    condition: interpolated(`${published} == ${JSON.stringify(privateDnsName)}`),
    errorMessage:
      `The hub's private hosted zone for ${service.id} stands in for ${privateDnsName}, but AWS publishes ` +
      `${interpolated(`${published} == null ? "no private DNS name" : ${published}`)} for it; ` +
      'leave the service out of the hub (interfaceServices) and report it, so that its zone name can be corrected.',
  };
}

/** The spoke VPC has both DNS attributes, without which it does not resolve through private hosted zones. */
export function spokeVpcDnsCondition(vpc: LookedUp, hubName: string): TerraformCondition {
  return vpcDnsCondition(vpc, `to resolve through hub ${hubName}'s private hosted zones`, 'Spoke VPC');
}

/**
 * None of the spoke VPC's endpoints (by ID, as `aws_vpc_endpoint` objects) is an interface endpoint with
 * private DNS for one of the hub's services: Route 53 refuses to associate a second zone of the same name
 * with a VPC (ConflictingDomainExists), so the hub's apply would fail for this spoke.
 */
export function noConflictingPrivateDnsCondition(
  endpoints: LookedUpEach,
  vpcId: string,
  hubName: string,
  hubServiceNames: readonly string[],
): TerraformCondition {
  const services = `[${hubServiceNames.map((name) => JSON.stringify(name)).join(', ')}]`;
  const conflicting = (e: string) => `${e}.private_dns_enabled && contains(${services}, ${e}.service_name)`;
  const found = `[for id, e in ${endpoints} : "\${id} (\${e.service_name})" if ${conflicting('e')}]`;
  return {
    condition: interpolated(`!anytrue([for e in ${endpoints} : ${conflicting('e')}])`),
    errorMessage:
      `Spoke VPC ${vpcId} has its own interface endpoints with private DNS for services of hub ${hubName}: ${joined(found)}; ` +
      "Route 53 refuses to associate the hub's zone of the same name with the VPC (ConflictingDomainExists). " +
      'Delete them (or turn their private DNS off), then deploy the hub.',
  };
}
