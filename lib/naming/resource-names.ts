/**
 * Terraform resource names (the second part of a resource address). They are the state-compatibility
 * contract with the source Terraform configuration: `aws_vpc_endpoint.sample-ecr-api` and friends. A
 * change here renames resources, and Terraform then destroys and re-creates them.
 */

/** `<prefix>-<service with dots as dashes>`, e.g. `sample-ecr-api` for `ecr.api`. */
export function interfaceEndpointResourceName(namePrefix: string, shortName: string): string {
  return `${namePrefix}-${shortName.replace(/\./g, '-')}`;
}

/** `<prefix>-s3`, the S3 gateway endpoint. */
export function s3GatewayResourceName(namePrefix: string): string {
  return `${namePrefix}-s3`;
}

/** `<prefix>-ecr-privatelink`, the endpoints' security group (also its AWS `name`). */
export function endpointSecurityGroupResourceName(namePrefix: string): string {
  return `${namePrefix}-ecr-privatelink`;
}

/** `<service with dots as underscores>`, the stem of a Terraform output name, e.g. `ecr_api`. */
export function outputStem(shortName: string): string {
  return shortName.replace(/[.-]/g, '_');
}
