import type { HubOptions } from '../constructs/hub-props';
import { Problem } from './problem';
import * as rules from './rules';

/**
 * What is wrong with a hub's spokes that only the construct can judge: the hub's own VPC or one VPC
 * twice among them (Route 53 would refuse the second association), client networks with host bits, a
 * role of another partition. Fields are named relative to the props, e.g. `hub.spokes[1].vpcId`.
 */
export function hubProblems(props: { readonly region: string; readonly vpcId: string; readonly hub?: HubOptions }): Problem[] {
  const seen = new Set<string>();
  return (props.hub?.spokes ?? []).flatMap((spoke, i): Problem[] => {
    const field = `hub.spokes[${i}]`;
    const problems: Problem[] = [];
    if (spoke.vpcId === props.vpcId) {
      problems.push({
        field: `${field}.vpcId`,
        value: spoke.vpcId,
        message: "is the hub's own VPC; its zones are associated with it already",
      });
    } else if (seen.has(spoke.vpcId)) {
      problems.push({ field: `${field}.vpcId`, value: spoke.vpcId, message: 'is listed twice' });
    }
    seen.add(spoke.vpcId);
    (spoke.cidrBlocks ?? []).forEach((cidr, j) => {
      const message = rules.cidrWithoutHostBits(cidr);
      if (message) {
        problems.push({ field: `${field}.cidrBlocks[${j}]`, value: cidr, message });
      }
    });
    const roleProblem = spoke.associationRoleArn && rules.inPartitionOf(props.region)(spoke.associationRoleArn);
    if (roleProblem) {
      problems.push({ field: `${field}.associationRoleArn`, value: spoke.associationRoleArn, message: roleProblem });
    }
    return problems;
  });
}
