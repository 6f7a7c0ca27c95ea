import { CheckRule } from '../check-rule';
import { isService, vpcEndpoints } from '../stack-resources';

/** ECR endpoints without an S3 gateway endpoint: manifests download, layers then hang (the article's trap). */
export const s3GatewayForEcr: CheckRule = {
  id: 'S3GatewayForEcr',
  level: 'error',
  check: (resources) => {
    const ecr = vpcEndpoints(resources, 'Interface').filter((e) => isService(e, 'ecr.dkr') || isService(e, 'ecr.api'));
    const hasS3Gateway = vpcEndpoints(resources, 'Gateway').some((e) => isService(e, 's3'));
    return ecr.length === 0 || hasS3Gateway
      ? []
      : ecr.map((endpoint) => ({
          construct: endpoint.construct,
          message: `aws_vpc_endpoint.${endpoint.name} has no S3 gateway endpoint beside it: ECR serves image layers from S3, so pulls would fail`,
        }));
  },
};
