import { CheckRule, Finding, listArgument } from '../check-rule';
import { SynthesizedResource } from '../stack-resources';

const WORLD = ['0.0.0.0/0', '::/0'];

/** Networks a resource lets in, for the three ways the provider writes ingress rules. */
function ingressSources(resource: SynthesizedResource): string[] {
  const { type, args } = resource;
  if (type === 'aws_security_group') {
    return listArgument(args.ingress).flatMap((rule) => {
      const { cidr_blocks: v4, ipv6_cidr_blocks: v6 } = (rule ?? {}) as Record<string, unknown>;
      return [...listArgument(v4), ...listArgument(v6)].map(String);
    });
  }
  if (type === 'aws_vpc_security_group_ingress_rule') {
    return [args.cidr_ipv4, args.cidr_ipv6].filter(Boolean);
  }
  if (type === 'aws_security_group_rule' && args.type === 'ingress') {
    return [...listArgument(args.cidr_blocks), ...listArgument(args.ipv6_cidr_blocks)].map(String);
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
        : [
            {
              construct: resource.construct,
              message: `${resource.type}.${resource.name} lets ${open.join(' and ')} in; allow only the clients' networks or security groups`,
            },
          ];
    }),
};
