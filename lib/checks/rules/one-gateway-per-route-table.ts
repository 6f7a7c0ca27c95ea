import { CheckRule, Finding, listArgument } from '../check-rule';
import { vpcEndpoints } from '../stack-resources';

/** AWS allows one gateway endpoint per service on a route table; a second fails at apply time. */
export const oneGatewayPerRouteTable: CheckRule = {
  id: 'OneGatewayPerRouteTable',
  level: 'error',
  check: (resources) => {
    const owners = new Map<string, string>();
    const findings: Finding[] = [];
    for (const endpoint of vpcEndpoints(resources, 'Gateway')) {
      for (const table of listArgument(endpoint.args.route_table_ids)) {
        const key = `${endpoint.args.service_name} ${table}`;
        const owner = owners.get(key);
        if (owner) {
          findings.push({
            construct: endpoint.construct,
            message: `aws_vpc_endpoint.${endpoint.name} and aws_vpc_endpoint.${owner} both put ${endpoint.args.service_name} on route table ${table}; a route table takes one gateway endpoint per service`,
          });
        }
        owners.set(key, endpoint.name);
      }
    }
    return findings;
  },
};
