import type { EcrPrivateLinkProps } from '../constructs/ecr-private-link';
import { InterfaceService } from '../naming/interface-service';
import { interfaceEndpointResourceName } from '../naming/resource-names';
import { selectInterfaceServices, WORKLOADS } from '../workload-profiles';
import { listProblems, valueProblems } from './list-problems';
import { Problem } from './problem';
import * as rules from './rules';

/**
 * The construct's props as plain data, services by short name: the form the config file has, and the
 * form validation works on.
 */
export type EcrPrivateLinkInputs = Omit<EcrPrivateLinkProps, 'interfaceServices' | 'additionalInterfaceServices' | 'workload'> & {
  /** @default 'ecr-only' */
  readonly workload?: string;
  /** Short names such as "ecr.api". @default - the workload's */
  readonly interfaceServices?: readonly string[];
  /** Short names such as "logs". @default - none */
  readonly additionalInterfaceServices?: readonly string[];
};

/** Fields that only mean something with `leastPrivilegePolicies: true`. */
const LEAST_PRIVILEGE_FIELDS = ['extraS3BucketArns', 'allowedAccountIds'] as const;

/**
 * Everything wrong with the inputs, each problem naming its field under `fieldPrefix` (e.g. `stacks[0].`).
 * Shared by the construct (which throws on the first call) and the config parser (which reports all).
 */
export function ecrPrivateLinkProblems(inputs: EcrPrivateLinkInputs, fieldPrefix = ''): Problem[] {
  const at = (name: string): string => `${fieldPrefix}${name}`;
  const optionalList = (name: keyof EcrPrivateLinkInputs, values: readonly string[] | undefined, rule: rules.Rule<string>) =>
    values === undefined ? [] : listProblems(at(name), values, rule);
  const problems = [
    ...valueProblems(at('region'), inputs.region, rules.regionName),
    ...valueProblems(at('namePrefix'), inputs.namePrefix, rules.namePrefix),
    ...valueProblems(at('vpcId'), inputs.vpcId, rules.awsId('vpc')),
    ...listProblems(at('privateSubnetIds'), inputs.privateSubnetIds, rules.awsId('subnet')),
    ...listProblems(at('privateRouteTableIds'), inputs.privateRouteTableIds, rules.awsId('rtb')),
    ...listProblems(at('allowedCidrBlocks'), inputs.allowedCidrBlocks, rules.clientCidrBlock),
    ...optionalList('clientSecurityGroupIds', inputs.clientSecurityGroupIds, rules.awsId('sg')),
    ...optionalList('extraS3BucketArns', inputs.extraS3BucketArns, rules.s3BucketArn(inputs.region)),
    ...optionalList('allowedAccountIds', inputs.allowedAccountIds, rules.accountId),
    ...Object.entries(inputs.tags ?? {}).flatMap(([key, value]) => [
      ...valueProblems(at('tags'), key, rules.tagKey),
      ...valueProblems(at(`tags.${key}`), value, rules.tagValue),
    ]),
  ];
  if (inputs.securityGroupDescription !== undefined) {
    problems.push(...valueProblems(at('securityGroupDescription'), inputs.securityGroupDescription, rules.securityGroupDescription));
  }
  if (!inputs.leastPrivilegePolicies) {
    for (const field of LEAST_PRIVILEGE_FIELDS) {
      if (inputs[field] !== undefined) {
        problems.push({ field: at(field), value: inputs[field], message: 'only takes effect with "leastPrivilegePolicies": true' });
      }
    }
  }
  return [...problems, ...serviceProblems(inputs, at), ...adoptProblems(inputs, at)];
}

/** The interface services the inputs select (an unknown workload, reported elsewhere, counts as none). */
function selectedServices(inputs: EcrPrivateLinkInputs): string[] {
  return selectInterfaceServices({ ...inputs, workload: WORKLOADS.find((w) => w === inputs.workload) });
}

/** Each adopted ID has its resource's shape, names a resource of this stack, and is listed once. */
function adoptProblems(inputs: EcrPrivateLinkInputs, at: (name: string) => string): Problem[] {
  const services = selectedServices(inputs);
  const kinds: Record<string, rules.Rule<string>> = { securityGroup: rules.awsId('sg'), s3: rules.awsId('vpce') };
  services.forEach((service) => (kinds[service] = rules.awsId('vpce')));
  const seen = new Set<string>();
  return Object.entries(inputs.adopt ?? {}).flatMap(([key, id]): Problem[] => {
    const field = at(`adopt.${key}`);
    const rule = kinds[key];
    if (!rule) {
      return [{ field, value: id, message: `names no resource of this stack (it has: ${Object.keys(kinds).join(', ')})` }];
    }
    const message = typeof id === 'string' && seen.has(id) ? 'is adopted twice' : rule(id ?? '');
    seen.add(id ?? '');
    return message ? [{ field, value: id, message }] : [];
  });
}

function serviceProblems(inputs: EcrPrivateLinkInputs, at: (name: string) => string): Problem[] {
  if (inputs.workload !== undefined) {
    const workloadProblems = valueProblems(at('workload'), inputs.workload, rules.oneOf(WORKLOADS));
    if (workloadProblems.length > 0) {
      return workloadProblems;
    }
  }
  // "ecr-api" and "ecr.api" would share the resource name <prefix>-ecr-api: treat them as the same entry.
  const resourceName = (service: string): string => interfaceEndpointResourceName(inputs.namePrefix, service);
  const lists = (['interfaceServices', 'additionalInterfaceServices'] as const).flatMap((name) => {
    const values = inputs[name];
    return values === undefined ? [] : listProblems(at(name), values, rules.interfaceServiceName, resourceName);
  });
  if (lists.length > 0) {
    return lists;
  }
  const selected = selectedServices(inputs);
  const problems: Problem[] = [];
  const names = new Map<string, string>();
  for (const service of selected) {
    const other = names.get(resourceName(service));
    if (other !== undefined) {
      problems.push({ field: at('additionalInterfaceServices'), value: service, message: `would share a resource name with "${other}"` });
    }
    names.set(resourceName(service), service);
  }
  if (!selected.includes(InterfaceService.ECR_DKR.shortName)) {
    const field = inputs.interfaceServices ? 'interfaceServices' : 'workload';
    problems.push({ field: at(field), value: inputs[field], message: `lacks "${InterfaceService.ECR_DKR.shortName}": image pulls go through it` });
  }
  return problems;
}
