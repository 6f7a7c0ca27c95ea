import * as path from 'path';
import { Problem } from '../validation/problem';
import { BackendConfig, StackConfig } from './app-config';
import { hubSpokeProblems } from './hub-spoke-problems';

/**
 * What no single stack can see: two stacks that would share a folder, a state, or resources. Stack names
 * become folder names under cdktf.out/stacks, unique even on case-blind disks; two stacks with one state
 * destroy each other's resources on deploy; two with one name prefix in one VPC and region collide on the
 * security group's name halfway through an apply.
 */
export function crossStackProblems(stacks: readonly StackConfig[]): Problem[] {
  return [
    ...duplicates(
      stacks,
      (stack) => stack.name.toLowerCase(),
      (i) => `stacks[${i}].name`,
      (s) => s.name,
      'is listed twice',
    ),
    ...duplicates(
      stacks,
      (stack) => stateIdentity(stack.backend),
      (i) => `stacks[${i}].backend`,
      (s) => s.backend,
      'is the state of',
    ),
    ...duplicates(
      stacks,
      (stack) => `${stack.region} ${stack.vpcId} ${stack.namePrefix}`,
      (i) => `stacks[${i}].namePrefix`,
      (s) => s.namePrefix,
      'in the same VPC and region is the name prefix of',
    ),
    ...hubSpokeProblems(stacks),
  ];
}

function duplicates(
  stacks: readonly StackConfig[],
  identity: (stack: StackConfig) => string,
  field: (index: number) => string,
  value: (stack: StackConfig) => unknown,
  relation: string,
): Problem[] {
  const first = new Map<string, number>();
  return stacks.flatMap((stack, i): Problem[] => {
    const key = identity(stack);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, i);
      return [];
    }
    const message =
      relation === 'is listed twice' ? relation : `${relation} stacks[${earlier}] ("${stacks[earlier].name}") too; give each stack its own`;
    return [{ field: field(i), value: value(stack), message }];
  });
}

/** Where a backend keeps the state, the same string for the same file or object however it is written. */
function stateIdentity(backend: BackendConfig): string {
  switch (backend.type) {
    case 'local':
      return `local ${path.posix.normalize(backend.path.replace(/\\/g, '/'))}`;
    case 's3':
      return `s3 ${backend.bucket} ${backend.key}`;
    case 'cloud':
      return `cloud ${backend.hostname ?? 'app.terraform.io'} ${backend.organization} ${backend.workspace}`;
  }
}
