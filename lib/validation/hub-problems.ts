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
    const vpcMessage =
      spoke.vpcId === props.vpcId
        ? "is the hub's own VPC; its zones are associated with it already"
        : seen.has(spoke.vpcId)
          ? 'is listed twice'
          : undefined;
    seen.add(spoke.vpcId);
    return [
      ...(vpcMessage ? [{ field: `${field}.vpcId`, value: spoke.vpcId, message: vpcMessage }] : []),
      ...spokeValueProblems(spoke, props.region, field),
    ];
  });
}

/** A spoke's client networks with host bits, and its association role if it is of another partition than `region`'s. */
export function spokeValueProblems(
  spoke: Pick<HubSpoke, 'cidrBlocks' | 'associationRoleArn'>,
  region: string,
  field: string,
  cidrField = `${field}.cidrBlocks`,
): Problem[] {
  return [
    ...rules.ruleProblems(cidrField, spoke.cidrBlocks, rules.cidrWithoutHostBits),
    ...rules.ruleProblems(`${field}.associationRoleArn`, spoke.associationRoleArn, rules.inPartitionOf(region)),
  ];
}
