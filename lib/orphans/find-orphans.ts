import { endpointCondition } from './endpoint-states';
import { StateObject } from './state-resources';

/** `securityGroup`, `s3`, or an interface service's short name such as `ecr.api`: a key of `adopt`. */
export type AdoptKey = string;

/** What one stack manages in AWS, and where: the places an orphan of it can be. */
export interface StackResources {
  /** The stack's VPC (`vpc-...`). */
  readonly vpcId: string;
  /** The endpoints' security group, found by its name in the VPC. */
  readonly securityGroup: { readonly address: string; readonly name: string };
  /** The S3 gateway endpoint, found by its service name on any of the stack's route tables. */
  readonly s3Gateway: { readonly address: string; readonly serviceName: string; readonly routeTableIds: readonly string[] };
  /** The interface endpoints, in the stack's order, found by service name in the VPC. */
  readonly interfaceEndpoints: readonly { readonly shortName: string; readonly address: string; readonly serviceName: string }[];
}

/** A VPC endpoint as DescribeVpcEndpoints reports it (the fields the check reads). */
export interface AwsVpcEndpoint {
  readonly id: string;
  /** `Interface`, `Gateway`, `GatewayLoadBalancer`, ... (any case). */
  readonly type: string;
  readonly serviceName: string;
  /** `available`, `pending`, `deleted`, ... (any case; see endpoint-states.ts). */
  readonly state: string;
  readonly vpcId: string;
  readonly subnetIds: readonly string[];
  readonly routeTableIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  /** ISO 8601. @default - unknown */
  readonly creationTime?: string;
}

/** A security group as DescribeSecurityGroups reports it (the fields the check reads). */
export interface AwsSecurityGroup {
  readonly id: string;
  readonly name: string;
  readonly vpcId: string;
}

export interface OrphanCheckInput {
  readonly stack: StackResources;
  /** Every managed resource object of the stack's state (`terraform state pull`). */
  readonly state: readonly StateObject[];
  /** VPC endpoints AWS reports; those that are not the stack's kind, VPC or route tables are left out here. */
  readonly endpoints: readonly AwsVpcEndpoint[];
  /** Security groups AWS reports; only the one with the stack's name in its VPC counts. */
  readonly securityGroups: readonly AwsSecurityGroup[];
  /** The stack's `adopt` in the config as it is now. @default - none */
  readonly adopt?: Readonly<Record<string, string | undefined>>;
}

/** One resource of the stack's kind that AWS has and the state lacks. */
export interface Finding {
  /** The `adopt` key of the place it would take in the stack. */
  readonly key: AdoptKey;
  /** The stack's resource address for that place. */
  readonly address: string;
  readonly id: string;
  /** The endpoint's state (security groups have none). */
  readonly awsState?: string;
  /** Where it is: subnets, route tables, security groups, creation time. */
  readonly details: readonly string[];
  /**
   * - `adopt`: an orphan; the `adopt` entry takes it over.
   * - `duplicate`: an orphan for a place already taken (by the state, or by another orphan adopted here);
   *   it cannot be adopted too, only deleted.
   * - `goingAway`, `dead`: not an orphan (see endpoint-states.ts); listed so that nothing is hidden.
   */
  readonly verdict: 'adopt' | 'duplicate' | 'goingAway' | 'dead';
  /** For a duplicate: the ID that holds the place, and whether that is the state's (or this advice's). */
  readonly heldBy?: { readonly id: string; readonly inState: boolean; readonly seenInAws: boolean };
  /** For `adopt`: the config's `adopt` already names this ID under this key. */
  readonly alreadyInAdopt?: boolean;
}

export interface OrphanCheck {
  /** Every finding, by place in the stack's order (security group, interface endpoints, S3), then by preference. */
  readonly findings: readonly Finding[];
  /** Orphans: findings to adopt or to delete. Zero means the state holds everything of the stack AWS has. */
  readonly orphanCount: number;
  /** The whole `adopt` object to put in the config: the entries there now, with the advised ones set. */
  readonly adopt: Readonly<Record<AdoptKey, string>>;
}

interface Candidate {
  readonly id: string;
  readonly awsState?: string;
  readonly creationTime?: string;
  readonly details: readonly string[];
}

/**
 * Compares what AWS has for a stack with what its state holds. A resource of the state (by ID, at any
 * address) is never an orphan. Of several live candidates for one place, the one to adopt is the one the
 * config's `adopt` already names, else an available one before one still pending, else the oldest; the
 * others are duplicates. Nothing here calls AWS or Terraform.
 */
export function checkOrphans(input: OrphanCheckInput): OrphanCheck {
  const { stack } = input;
  const idsInState = new Set(input.state.map((resource) => resource.id));
  const adopt = input.adopt ?? {};
  // One place's findings: its candidates outside the state, against the state's ID there (`seen`: what AWS still has).
  const at = (key: AdoptKey, address: string, candidates: readonly Candidate[], seen: readonly { id: string }[]): Finding[] => {
    const stateId = input.state.find((resource) => resource.address === address)?.id;
    const holder = stateId ? { id: stateId, inState: true, seenInAws: seen.some((c) => c.id === stateId) } : undefined;
    return judgePlace(
      { key, address },
      candidates.filter((c) => !idsInState.has(c.id)),
      holder,
      ownValue(adopt, key),
    );
  };
  const endpointsOfType = (type: string) => input.endpoints.filter((e) => e.vpcId === stack.vpcId && e.type.toLowerCase() === type);
  const groups = input.securityGroups.filter((group) => group.vpcId === stack.vpcId && group.name === stack.securityGroup.name);
  const gateways = endpointsOfType('gateway').filter(
    (e) => e.serviceName === stack.s3Gateway.serviceName && e.routeTableIds.some((table) => stack.s3Gateway.routeTableIds.includes(table)),
  );
  const findings = [
    ...at(
      'securityGroup',
      stack.securityGroup.address,
      groups.map((group) => ({ id: group.id, details: [`name ${group.name}`] })),
      groups,
    ),
    ...stack.interfaceEndpoints.flatMap((endpoint) => {
      const matching = endpointsOfType('interface').filter((e) => e.serviceName === endpoint.serviceName);
      return at(endpoint.shortName, endpoint.address, matching.map(endpointCandidate), liveOnly(matching));
    }),
    ...at('s3', stack.s3Gateway.address, gateways.map(endpointCandidate), liveOnly(gateways)),
  ];
  const advised = Object.fromEntries(findings.filter((f) => f.verdict === 'adopt').map((f) => [f.key, f.id]));
  return {
    findings,
    orphanCount: findings.filter((f) => f.verdict === 'adopt' || f.verdict === 'duplicate').length,
    adopt: orderedAdopt(stack, { ...adopt, ...advised }),
  };
}

function judgePlace(
  place: Pick<Finding, 'key' | 'address'>,
  orphans: readonly Candidate[],
  stateHolder: Finding['heldBy'],
  adoptedId: string | undefined,
): Finding[] {
  const ranked = [...orphans].sort((a, b) => preference(a, adoptedId) - preference(b, adoptedId) || compareAge(a, b));
  let holder = stateHolder;
  return ranked.map((candidate): Finding => {
    const base = { key: place.key, address: place.address, id: candidate.id, awsState: candidate.awsState, details: candidate.details };
    const condition = candidate.awsState === undefined ? 'live' : endpointCondition(candidate.awsState);
    if (condition !== 'live') {
      return { ...base, verdict: condition };
    }
    if (holder) {
      return { ...base, verdict: 'duplicate', heldBy: holder };
    }
    holder = { id: candidate.id, inState: false, seenInAws: true };
    return { ...base, verdict: 'adopt', alreadyInAdopt: adoptedId === candidate.id };
  });
}

/** Lower is preferred: the ID already in `adopt`, then available, then any other live state, then the rest. */
function preference(candidate: Candidate, adoptedId: string | undefined): number {
  if (candidate.id === adoptedId) {
    return 0;
  }
  if (candidate.awsState === undefined || candidate.awsState.toLowerCase() === 'available') {
    return 1;
  }
  return endpointCondition(candidate.awsState) === 'live' ? 2 : 3;
}

/** Oldest first (unknown times last), then by ID, so the choice is stable. */
function compareAge(a: Candidate, b: Candidate): number {
  const time = (c: Candidate) => (c.creationTime ? Date.parse(c.creationTime) : Number.POSITIVE_INFINITY);
  return time(a) - time(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function endpointCandidate(endpoint: AwsVpcEndpoint): Candidate {
  const list = (label: string, values: readonly string[]) => (values.length > 0 ? [`${label} ${values.join(', ')}`] : []);
  return {
    id: endpoint.id,
    awsState: endpoint.state,
    creationTime: endpoint.creationTime,
    details: [
      ...(endpoint.creationTime ? [`created ${endpoint.creationTime}`] : []),
      ...list('subnets', endpoint.subnetIds),
      ...list('route tables', endpoint.routeTableIds),
      ...list('security groups', endpoint.securityGroupIds),
    ],
  };
}

/** Endpoints that still count as existing, for telling whether the state's ID is still in AWS. */
function liveOnly(endpoints: readonly AwsVpcEndpoint[]): AwsVpcEndpoint[] {
  return endpoints.filter((endpoint) => endpointCondition(endpoint.state) !== 'goingAway');
}

/** `record[key]` if it is the record's own string, never an inherited member such as `constructor`. */
function ownValue(record: Readonly<Record<string, string | undefined>>, key: string): string | undefined {
  const value = Object.hasOwn(record, key) ? record[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** `securityGroup`, the interface services in the stack's order, `s3`, then any other key as it came; each with an ID. */
function orderedAdopt(stack: StackResources, entries: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const order = ['securityGroup', ...stack.interfaceEndpoints.map((e) => e.shortName), 's3'];
  const keys = [...order, ...Object.keys(entries).filter((key) => !order.includes(key))];
  return Object.fromEntries(
    keys.flatMap((key) => {
      const id = ownValue(entries, key);
      return id === undefined ? [] : [[key, id]];
    }),
  );
}
