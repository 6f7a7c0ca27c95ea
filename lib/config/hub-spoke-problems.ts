import { closestName } from '../validation/closest-name';
import { Problem } from '../validation/problem';
import { spokeValueProblems } from '../validation/hub-problems';
import { selectNamedInterfaceServices } from '../workload-profiles';
import { StackConfig } from './app-config';

/**
 * What only the whole config shows of hubs and spokes: a spoke naming no hub (an unknown stack, another
 * spoke, a stack without "hub") or a hub in another region, a role of another account than the one
 * named, and one VPC given a service's private DNS name twice (as the spoke of two hubs, or as a spoke
 * besides its own endpoints), which Route 53 refuses (ConflictingDomainExists). What a single hub's
 * construct would also find (its own VPC or one VPC twice among its spokes, networks with host bits)
 * is checked here too, so that it is named by the field of the config that holds it.
 */
export function hubSpokeProblems(stacks: readonly StackConfig[]): Problem[] {
  return [...spokeOfProblems(stacks), ...spokeFieldProblems(stacks), ...doubleZoneProblems(stacks), ...policyProblems(stacks)];
}

/**
 * A least-privilege hub lets only `allowedAccountIds` (default: the deploying account) call ECR through
 * its endpoints, so spokes of other accounts must be listed there, or their pulls are refused.
 */
function policyProblems(stacks: readonly StackConfig[]): Problem[] {
  const entries = spokeEntries(stacks);
  return stacks.flatMap((stack, i): Problem[] => {
    if (!stack.hub || !stack.leastPrivilegePolicies) {
      return [];
    }
    const missing = entries
      .filter(({ hub }) => hub === i)
      .map(({ spoke }) => spoke.accountId ?? spoke.associationRoleArn?.split(':')[4])
      .filter((account): account is string => account !== undefined && !(stack.allowedAccountIds ?? []).includes(account));
    return missing.length === 0
      ? []
      : [
          {
            field: `stacks[${i}].allowedAccountIds`,
            value: stack.allowedAccountIds,
            message: `lacks the accounts of the hub's spokes (${[...new Set(missing)].join(', ')}): the ECR endpoints' policy would refuse their principals; list them, and the hub's own account`,
          },
        ];
  });
}

function spokeOfProblems(stacks: readonly StackConfig[]): Problem[] {
  const names = stacks.map((stack) => stack.name);
  return stacks.flatMap((stack, i): Problem[] => {
    if (stack.spokeOf === undefined) {
      return [];
    }
    const problem = (message: string): Problem[] => [{ field: `stacks[${i}].spokeOf`, value: stack.spokeOf, message }];
    const j = names.indexOf(stack.spokeOf);
    const hub = stacks[j];
    if (!hub) {
      const hint = closestName(stack.spokeOf, names);
      return problem(
        `names no stack of this config (${hint ? `did you mean "${hint}"?` : `stacks: ${names.map((n) => `"${n}"`).join(', ')}`})`,
      );
    }
    if (j === i) {
      return problem('names this stack itself; name the hub stack whose endpoints it uses');
    }
    if (hub.spokeOf !== undefined) {
      return problem(`names another spoke (a spoke of "${hub.spokeOf}"); name a hub`);
    }
    if (!hub.hub) {
      return problem(`names a stack without "hub"; add "hub": {} to stacks[${j}] to make it one`);
    }
    return hub.region === stack.region
      ? []
      : [
          {
            field: `stacks[${i}].region`,
            value: stack.region,
            message: `is not the region of its hub "${hub.name}" (${hub.region}): the hub's zones name its own region's endpoints`,
          },
        ];
  });
}

/** Each spoke as the config describes it (a stack with "spokeOf", or an entry of a hub's "spokes"), and its hub's index. */
function spokeEntries(stacks: readonly StackConfig[]) {
  return stacks.flatMap((stack, i) => [
    ...(stack.spokeOf === undefined
      ? []
      : [
          {
            hub: stacks.findIndex((s) => s.name === stack.spokeOf && s.hub),
            spoke: { ...stack, field: `stacks[${i}]`, cidrBlocks: stack.allowedCidrBlocks, cidrField: `stacks[${i}].allowedCidrBlocks` },
          },
        ]),
    ...(stack.hub?.spokes ?? []).map((spoke, k) => ({
      hub: i,
      spoke: { ...spoke, field: `stacks[${i}].hub.spokes[${k}]`, cidrField: undefined, region: stack.region },
    })),
  ]);
}

function spokeFieldProblems(stacks: readonly StackConfig[]): Problem[] {
  const seen = new Map<string, string>();
  return spokeEntries(stacks).flatMap(({ hub, spoke }): Problem[] => {
    const problems: Problem[] = [];
    const roleAccount = spoke.associationRoleArn?.split(':')[4];
    if (spoke.associationRoleArn && spoke.accountId && roleAccount !== spoke.accountId) {
      problems.push({
        field: `${spoke.field}.associationRoleArn`,
        value: spoke.associationRoleArn,
        message: `is a role of account ${roleAccount}, but accountId is ${spoke.accountId}; the role must be in the spoke VPC's account`,
      });
    }
    problems.push(...spokeValueProblems(spoke, spoke.region, spoke.field, spoke.cidrField));
    if (hub >= 0) {
      const key = `${hub} ${spoke.vpcId}`;
      if (stacks[hub].vpcId === spoke.vpcId && stacks[hub].region === spoke.region) {
        problems.push({ field: `${spoke.field}.vpcId`, value: spoke.vpcId, message: `is the VPC of its hub "${stacks[hub].name}" itself` });
      } else if (seen.has(key)) {
        problems.push({
          field: `${spoke.field}.vpcId`,
          value: spoke.vpcId,
          message: `is a spoke of hub "${stacks[hub].name}" already (${seen.get(key)})`,
        });
      }
      seen.set(key, spoke.field);
    }
    return problems;
  });
}

function doubleZoneProblems(stacks: readonly StackConfig[]): Problem[] {
  const servicesOf = (stack: StackConfig): string[] => selectNamedInterfaceServices(stack).map((service) => service.shortName);
  // Who gives each VPC the private DNS names of which services.
  const sources = [
    ...stacks.flatMap((stack, i) =>
      stack.spokeOf === undefined
        ? [
            {
              field: `stacks[${i}].vpcId`,
              region: stack.region,
              vpcId: stack.vpcId,
              services: servicesOf(stack),
              from: stack.hub ? `hub "${stack.name}"` : `stacks[${i}] ("${stack.name}")'s own endpoints with private DNS`,
              hub: stack.hub ? i : undefined,
            },
          ]
        : [],
    ),
    ...spokeEntries(stacks).flatMap(({ hub, spoke }) =>
      hub < 0
        ? []
        : [
            {
              field: `${spoke.field}.vpcId`,
              region: spoke.region,
              vpcId: spoke.vpcId,
              services: servicesOf(stacks[hub]),
              from: `hub "${stacks[hub].name}"`,
              hub,
            },
          ],
    ),
  ];
  return sources.flatMap((source, n): Problem[] => {
    const earlier = sources
      .slice(0, n)
      .find(
        (other) =>
          other.vpcId === source.vpcId &&
          other.region === source.region &&
          (other.hub !== undefined || source.hub !== undefined) &&
          other.hub !== source.hub &&
          other.services.some((service) => source.services.includes(service)),
      );
    if (!earlier) {
      return [];
    }
    const shared = source.services.filter((service) => earlier.services.includes(service));
    return [
      {
        field: source.field,
        value: source.vpcId,
        message:
          `would get the private DNS names of ${shared.join(', ')} twice, from ${earlier.from} and from ${source.from}; ` +
          'Route 53 refuses a second zone of one name in a VPC (ConflictingDomainExists): make the VPC a spoke of one hub only, without endpoints of its own for those services',
      },
    ];
  });
}
