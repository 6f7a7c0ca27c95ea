import { CheckRule } from '../check-rule';
import { isService, vpcEndpoints } from '../stack-resources';

/** The ECR user guide's caution: adding the S3 gateway briefly cuts existing S3 connections. */
export const s3GatewayInterruption: CheckRule = {
  id: 'S3GatewayInterruption',
  level: 'warning',
  check: (resources) =>
    vpcEndpoints(resources, 'Gateway')
      .filter((endpoint) => isService(endpoint, 's3'))
      .map((endpoint) => ({
        construct: endpoint.construct,
        message: `creating aws_vpc_endpoint.${endpoint.name} briefly interrupts existing S3 connections from its route tables (${(endpoint.args.route_table_ids ?? []).join(', ')}); add it outside busy hours, or move to a new VPC where that matters`,
      })),
};
