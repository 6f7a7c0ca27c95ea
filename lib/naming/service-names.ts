/**
 * The S3 gateway endpoint service of a region: `com.amazonaws.<region>.s3`, in every partition, because
 * `cn.com.amazonaws.<region>.s3` is the S3 *interface* service, which cannot serve ECR image layers.
 * (Interface services own their names: InterfaceService.endpointServiceName.)
 */
export function s3GatewayServiceName(region: string): string {
  return `com.amazonaws.${region}.s3`;
}
