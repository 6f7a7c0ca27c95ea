import { CheckRule, Finding } from '../check-rule';
import { SynthesizedResource } from '../stack-resources';

const WORLD = ['0.0.0.0/0', '::/0'];

/** Networks a resource lets in, for the three ways the provider writes ingress rules. */
function ingressSources(resource: SynthesizedResource): string[] {
  const { type, args } = resource;
  if (type === 'aws_security_group') {
    return (args.ingress ?? []).flatMap((rule: Record<string, string[] | null>) => [...(rule.cidr_blocks ?? []), ...(rule.ipv6_cidr_blocks ?? [])]);
  }
  if (type === 'aws_vpc_security_group_ingress_rule') {
    return [args.cidr_ipv4, args.cidr_ipv6].filter(Boolean);
  }
  if (type === 'aws_security_group_rule' && args.type === 'ingress') {
    return [...(args.cidr_blocks ?? []), ...(args.ipv6_cidr_blocks ?? [])];
  }
  return [];
}

/** No security group rule in the stack lets the whole internet in. */
export const noWorldOpenIngress: CheckRule = {
  id: 'NoWorldOpenIngress',
  level: 'error',
  check: (resources) =>
    resources.flatMap((resource): Finding[] => {
      const open = ingressSources(resource).filter((cidr) => WORLD.includes(cidr));
      return open.length === 0
        ? []
        : [{ construct: resource.construct, message: `${resource.type}.${resource.name} lets ${open.join(' and ')} in; allow only the clients' networks or security groups` }];
    }),
};
