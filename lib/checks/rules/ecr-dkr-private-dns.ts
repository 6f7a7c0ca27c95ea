import { CheckRule } from '../check-rule';
import { isService, vpcEndpoints } from '../stack-resources';

/** `ecr.dkr` must have private DNS: Docker clients reach the registry by its public hostname. */
export const ecrDkrPrivateDns: CheckRule = {
  id: 'EcrDkrPrivateDns',
  level: 'error',
  check: (resources) =>
    vpcEndpoints(resources, 'Interface')
      .filter((endpoint) => isService(endpoint, 'ecr.dkr') && endpoint.args.private_dns_enabled !== true)
      .map((endpoint) => ({
        construct: endpoint.construct,
        message: `aws_vpc_endpoint.${endpoint.name} (ecr.dkr) needs private_dns_enabled = true: image pulls use the registry's public hostname, and the provider sends false when it is unset`,
      })),
};
