/** Terraform's planned actions for one resource, e.g. `["no-op"]`, `["delete", "create"]`. */
export type PlannedActions = readonly string[];

export type Verdict = 'unchanged' | 'updated in place' | 'REPLACED' | 'CREATED' | 'DESTROYED';

/** Verdicts that mean the move is not safe. */
const UNSAFE: readonly Verdict[] = ['REPLACED', 'CREATED', 'DESTROYED'];

const VERDICTS: ReadonlyMap<string, Verdict> = new Map([
  ['no-op', 'unchanged'],
  ['read', 'unchanged'],
  ['update', 'updated in place'],
  ['create', 'CREATED'],
  ['delete', 'DESTROYED'],
]);

export function verdictOf(actions: PlannedActions): Verdict {
  // Otherwise ["delete", "create"] or ["create", "delete"], the only other plans Terraform makes for a resource
  // here; an action not known here counts as a replacement too, so it is never taken for safe.
  return (actions.length === 1 ? VERDICTS.get(actions[0]) : undefined) ?? 'REPLACED';
}

/** Whether `actions` leave the resource as it is or update it in place: what a move may do. */
export function isSafe(actions: PlannedActions): boolean {
  return !UNSAFE.includes(verdictOf(actions));
}

export interface MigrationInput {
  readonly stackName: string;
  /** The old state file, as the user named it. */
  readonly stateFile: string;
  /** Where the stack keeps its state, for the `state mv` commands. */
  readonly stackStatePath: string;
  /** The resources the stack manages, in synth order, each with its key in the config's `adopt`. */
  readonly stackResources: readonly { readonly address: string; readonly adoptKey?: string }[];
  /**
   * Planned actions by address, as `terraform show -json` of the plan gives them (see plannedActions); an
   * address left out is unchanged (`["no-op"]`).
   */
  readonly planned: Readonly<Record<string, PlannedActions>>;
  /** The old state's other managed resources. */
  readonly otherAddresses: readonly string[];
  /** IDs of the stack's resources found in the old state, by address (for `adopt`). */
  readonly idsInState: Readonly<Record<string, string>>;
}

export interface MigrationReport {
  /** True when nothing of the stack is replaced, created or destroyed. */
  readonly safe: boolean;
  readonly text: string;
}

/** The report `npm run migrate-check` prints: one line per resource, what stays, how to move, the verdict. */
export function migrationReport(input: MigrationInput): MigrationReport {
  const verdicts = input.stackResources.map(({ address }) => ({ address, verdict: verdictOf(input.planned[address] ?? ['no-op']) }));
  const unsafe = verdicts.filter((v) => UNSAFE.includes(v.verdict));
  const width = Math.max(...verdicts.map((v) => v.verdict.length));
  const moved = input.stackResources.filter(({ address }) => input.idsInState[address] !== undefined);
  const adoptable = moved.filter((r) => r.adoptKey !== undefined);
  const lines = [
    `migrate-check: stack "${input.stackName}" against ${input.stateFile} (planned offline, no refresh)`,
    '',
    'Resources the stack manages:',
    ...verdicts.map((v) => `  ${v.verdict.padEnd(width)}  ${v.address}`),
    '',
    `Staying with the old project (${input.otherAddresses.length}):`,
    ...(input.otherAddresses.length > 0 ? input.otherAddresses.map((a) => `  ${a}`) : ['  (none)']),
  ];
  if (moved.length > 0) {
    lines.push(
      '',
      "To move the stack's resources: from the project folder, where no Terraform configuration is,",
      ...moved.map(({ address: a }) => `  terraform state mv -state=${input.stateFile} -state-out=${input.stackStatePath} ${a} ${a}`),
      'then push the old state back without them (terraform state push), and delete their blocks from the old configuration.',
      '',
      'Or keep the old state as it is: add to the old configuration (Terraform >= 1.7), and apply it there,',
      ...moved.flatMap(({ address: a }) => ['  removed {', `    from = ${a}`, '    lifecycle {', '      destroy = false', '    }', '  }']),
      'and let this stack import them, with in its config:',
      `  "adopt": ${JSON.stringify(Object.fromEntries(adoptable.map((r) => [r.adoptKey, input.idsInState[r.address]])))}`,
    );
  }
  lines.push(
    '',
    unsafe.length === 0
      ? 'Result: safe. Nothing of the stack is replaced, created or destroyed.'
      : `Result: NOT SAFE. ${unsafe.map((v) => `${v.address} would be ${v.verdict}`).join('; ')}. Make the config match what is deployed (usually namePrefix, a name or description, or an ID).`,
  );
  return { safe: unsafe.length === 0, text: `${lines.join('\n')}\n` };
}
