import type { HubOptions, HubSpoke } from '../constructs/hub-props';
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
    return [...problems, ...spokeValueProblems(spoke, props.region, field)];
  });
}

/** A spoke's client networks with host bits, and its association role if it is of another partition than `region`'s. */
export function spokeValueProblems(
  spoke: Pick<HubSpoke, 'cidrBlocks' | 'associationRoleArn'>,
  region: string,
  field: string,
  cidrField = `${field}.cidrBlocks`,
): Problem[] {
  const roleProblem = spoke.associationRoleArn && rules.inPartitionOf(region)(spoke.associationRoleArn);
  return [
    ...(spoke.cidrBlocks ?? []).flatMap((cidr, j) => {
      const message = rules.cidrWithoutHostBits(cidr);
      return message ? [{ field: `${cidrField}[${j}]`, value: cidr, message }] : [];
    }),
    ...(roleProblem ? [{ field: `${field}.associationRoleArn`, value: spoke.associationRoleArn, message: roleProblem }] : []),
  ];
}
