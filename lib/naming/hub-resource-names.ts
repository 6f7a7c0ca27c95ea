/**
 * Terraform names of a hub's and a spoke's resources (the second part of their addresses, and provider
 * aliases). Like resource-names.ts, they are what state is kept under: changing one re-creates the resource.
 */

const dashed = (shortName: string): string => shortName.replace(/\./g, '-');

/** `<prefix>-<service>-zone`, the service's private hosted zone, e.g. `hub-ecr-dkr-zone`. */
export function privateZoneResourceName(namePrefix: string, shortName: string): string {
  return `${namePrefix}-${dashed(shortName)}-zone`;
}

/** `<prefix>-<service>-apex` and `<prefix>-<service>-wildcard`, the alias records to the endpoint. */
export function aliasRecordResourceName(namePrefix: string, shortName: string, which: 'apex' | 'wildcard'): string {
  return `${namePrefix}-${dashed(shortName)}-${which}`;
}

/** `<prefix>-<service>-<vpc>`, the zone's association with a spoke VPC. */
export function zoneAssociationResourceName(namePrefix: string, shortName: string, vpcId: string): string {
  return `${namePrefix}-${dashed(shortName)}-${vpcId}`;
}

/** `<prefix>-<service>-<vpc>-authorization`, the hub account's consent for a spoke VPC of another account. */
export function associationAuthorizationResourceName(namePrefix: string, shortName: string, vpcId: string): string {
  return `${zoneAssociationResourceName(namePrefix, shortName, vpcId)}-authorization`;
}

/** `<prefix>-spoke-<vpc>`, the lookup of a spoke VPC's CIDR blocks when the config gives none. */
export function spokeVpcLookupName(namePrefix: string, vpcId: string): string {
  return `${namePrefix}-spoke-${vpcId}`;
}

/**
 * The alias of the AWS provider that acts in a spoke's account: `spoke-<account>-<role name>`, from the
 * role's ARN (characters an alias cannot hold become `-`).
 */
export function spokeProviderAlias(associationRoleArn: string): string {
  const [, , , , account, resource] = associationRoleArn.split(':');
  // role/<path>/<name>: the name is the last part.
  const roleName = resource.split('/').pop() ?? '';
  return `spoke-${account}-${roleName.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
