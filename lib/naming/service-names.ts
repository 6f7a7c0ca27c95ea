/**
 * Endpoint service names, the `service_name` of `aws_vpc_endpoint`. Kept in one pure module because the
 * rules differ by partition (China prefixes ECR interface services with `cn.`; the S3 gateway stays
 * `com.amazonaws.<region>.s3` everywhere): see reference/aws-facts in the README.
 */

/** `com.amazonaws.<region>.<service>` for an interface endpoint service in the commercial partition. */
export function interfaceEndpointServiceName(region: string, shortName: string): string {
  return `com.amazonaws.${region}.${shortName}`;
}

/** The S3 *gateway* endpoint service of a region: `com.amazonaws.<region>.s3`. */
export function s3GatewayServiceName(region: string): string {
  return `com.amazonaws.${region}.s3`;
}
