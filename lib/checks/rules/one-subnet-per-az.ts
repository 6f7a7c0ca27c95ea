import { CheckRule, listArgument } from '../check-rule';
import { vpcEndpoints } from '../stack-resources';

/** Subnet AZs are unknown at synth time, and a service is not offered in every AZ. */
export const oneSubnetPerAz: CheckRule = {
  id: 'OneSubnetPerAz',
  level: 'warning',
  check: (resources) => {
    const endpoints = vpcEndpoints(resources, 'Interface');
    if (endpoints.length === 0) {
      return [];
    }
    const subnets = [...new Set(endpoints.flatMap((e) => listArgument(e.args.subnet_ids)))];
    return [
      {
        construct: endpoints[0].construct,
        message: `interface endpoints take one subnet per Availability Zone, in AZs their service is offered in; check that ${subnets.join(', ')} are in distinct AZs (aws_vpc_endpoint_service lists each service's AZs)`,
      },
    ];
  },
};
