import { ecrPrivateLinkProblems } from '../validation/ecr-private-link-problems';
import { listProblems } from '../validation/list-problems';
import { Problem, throwIfProblems } from '../validation/problem';
import * as rules from '../validation/rules';
import { AppConfig, StackConfig } from './app-config';
import { backendProblems, toBackendConfig } from './backend-config';
import { booleanField, FieldType, isObject, objectProblems, stringField, stringListField, stringMapField } from './field-types';

const REQUIRED_STACK_FIELDS: Readonly<Record<string, FieldType>> = {
  name: stringField,
  region: stringField,
  namePrefix: stringField,
  vpcId: stringField,
  privateSubnetIds: stringListField,
  privateRouteTableIds: stringListField,
  allowedCidrBlocks: stringListField,
};

const OPTIONAL_STACK_FIELDS: Readonly<Record<string, FieldType>> = {
  workload: stringField,
  interfaceServices: stringListField,
  additionalInterfaceServices: stringListField,
  leastPrivilegePolicies: booleanField,
  extraS3BucketArns: stringListField,
  allowedAccountIds: stringListField,
  clientSecurityGroupIds: stringListField,
  preflight: booleanField,
  adopt: stringMapField,
  tags: stringMapField,
  backend: backendProblems,
};

/**
 * Parses and validates a whole config file. Throws a ValidationError listing every problem (each naming
 * its field and value) before anything is built, so a bad file never leads to a half-written output.
 *
 * @param text the file's contents
 * @param source what to call the file in messages, usually its path
 */
export function parseConfig(text: string, source: string): AppConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throwIfProblems(source, [{ field: '(file)', value: undefined, message: `is not valid JSON: ${(error as Error).message}` }]);
  }
  throwIfProblems(source, shapeProblems(raw));
  const stacks = (raw as { stacks: Record<string, unknown>[] }).stacks.map(toStackConfig);
  throwIfProblems(source, [...stacks.flatMap((stack, i) => ecrPrivateLinkProblems(stack, `stacks[${i}].`)), ...nameProblems(stacks)]);
  return { stacks };
}

/** Types and known keys; once these pass, the raw object can be read as StackConfig. */
function shapeProblems(raw: unknown): Problem[] {
  const problems = objectProblems('(root)', raw, { stacks: () => [] }, { $schema: stringField }).map(
    (p) => ({ ...p, field: p.field.replace(/^\(root\)\./, '') }),
  );
  if (!isObject(raw) || problems.length > 0) {
    return problems;
  }
  if (!Array.isArray(raw.stacks) || raw.stacks.length === 0) {
    return [{ field: 'stacks', value: raw.stacks, message: 'must be a non-empty list of stacks' }];
  }
  return raw.stacks.flatMap((stack, i) =>
    objectProblems(`stacks[${i}]`, stack, REQUIRED_STACK_FIELDS, OPTIONAL_STACK_FIELDS),
  );
}

/** A stack whose shape passed `shapeProblems`, with defaults filled in. */
function toStackConfig(raw: Record<string, unknown>): StackConfig {
  const stack = raw as unknown as StackConfig;
  return { ...stack, tags: stack.tags ?? {}, backend: toBackendConfig(stack.name, raw.backend) };
}

/** Stack names become folder names under cdktf.out/stacks: unique even on case-blind disks. */
function nameProblems(stacks: readonly StackConfig[]): Problem[] {
  const names = stacks.map((stack) => stack.name);
  return listProblems((i) => `stacks[${i}].name`, names, rules.stackName, (name) => name.toLowerCase());
}
