import { interfaceServicePrefix } from './partition';

/**
 * Endpoint service names, the `service_name` of `aws_vpc_endpoint`. Interface services take their
 * partition's prefix (ECR in China is `cn.com.amazonaws.<region>.ecr.dkr`); the S3 *gateway* is
 * `com.amazonaws.<region>.s3` in every partition, because `cn.com.amazonaws.<region>.s3` is the S3
 * *interface* service, which cannot serve ECR image layers.
 */

/** `<prefix>.<region>.<service>`, e.g. `com.amazonaws.ap-northeast-1.ecr.api`. */
export function interfaceEndpointServiceName(region: string, shortName: string): string {
  return `${interfaceServicePrefix(region, shortName)}.${region}.${shortName}`;
}

/** The S3 gateway endpoint service of a region: `com.amazonaws.<region>.s3`, in every partition. */
export function s3GatewayServiceName(region: string): string {
  return `com.amazonaws.${region}.s3`;
}
