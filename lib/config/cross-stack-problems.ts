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
    ...duplicates(stacks, 'name', (stack) => stack.name.toLowerCase()),
    ...duplicates(stacks, 'backend', (stack) => stateIdentity(stack.backend), 'is the state of'),
    ...duplicates(
      stacks,
      'namePrefix',
      (s) => `${s.region} ${s.vpcId} ${s.namePrefix}`,
      'in the same VPC and region is the name prefix of',
    ),
    ...hubSpokeProblems(stacks),
  ];
}

/** A stack whose `identity` an earlier one has: its `field` "is listed twice", or "<relation> stacks[j] too". */
function duplicates(
  stacks: readonly StackConfig[],
  field: keyof StackConfig,
  identity: (stack: StackConfig) => string,
  relation?: string,
): Problem[] {
  const first = new Map<string, number>();
  return stacks.flatMap((stack, i): Problem[] => {
    const key = identity(stack);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, i);
      return [];
    }
    const message = relation
      ? `${relation} stacks[${earlier}] ("${stacks[earlier].name}") too; give each stack its own`
      : 'is listed twice';
    return [{ field: `stacks[${i}].${field}`, value: stack[field], message }];
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
