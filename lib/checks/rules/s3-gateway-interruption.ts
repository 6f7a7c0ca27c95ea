import { CheckRule, listArgument } from '../check-rule';
import { isService, vpcEndpoints } from '../stack-resources';

/**
 * The ECR user guide's caution: adding the S3 gateway briefly cuts existing S3 connections. Synth cannot
 * tell a new gateway from one created years ago, so a stack whose gateway exists acknowledges this rule
 * (config `acknowledge`); an adopted (imported) gateway is not created and does not warn.
 */
export const s3GatewayInterruption: CheckRule = {
  id: 'S3GatewayInterruption',
  level: 'warning',
  check: (resources) =>
    vpcEndpoints(resources, 'Gateway')
      .filter((endpoint) => isService(endpoint, 's3') && !endpoint.imported)
      .map((endpoint) => ({
        construct: endpoint.construct,
        message: `creating aws_vpc_endpoint.${endpoint.name} briefly interrupts existing S3 connections from its route tables (${listArgument(endpoint.args.route_table_ids).join(', ')}); add it outside busy hours, or acknowledge this once the gateway exists ("acknowledge": {"S3GatewayInterruption": "<why>"})`,
      })),
};
