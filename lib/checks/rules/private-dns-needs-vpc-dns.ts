import { CheckRule } from '../check-rule';
import { vpcEndpoints } from '../stack-resources';

/** Private DNS only resolves in a VPC with DNS support and DNS hostnames on; synth cannot see the VPC. */
export const privateDnsNeedsVpcDns: CheckRule = {
  id: 'PrivateDnsNeedsVpcDns',
  level: 'warning',
  check: (resources) => {
    const withPrivateDns = vpcEndpoints(resources, 'Interface').filter((e) => e.args.private_dns_enabled === true);
    const vpcs = [...new Set(withPrivateDns.map((e) => String(e.args.vpc_id)))];
    return vpcs.map((vpc) => ({
      construct: withPrivateDns.find((e) => e.args.vpc_id === vpc)!.construct,
      message: `private DNS on the interface endpoints needs enableDnsSupport and enableDnsHostnames on VPC ${vpc}`,
    }));
  },
};
