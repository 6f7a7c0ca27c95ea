import { uiLines } from '../terraform/machine-readable-ui';
import { isSafe, PlannedActions } from './migration-report';

/**
 * Each `planned_change` action of `terraform plan -json` as the actions `terraform show -json` gives for
 * the same change. `move` and `import` stand for a no-op that also moves or imports (Terraform reports any
 * other change over them); which half of a replacement goes first does not matter to the verdict.
 */
const SHOWN_ACTIONS: ReadonlyMap<string, PlannedActions> = new Map([
  ['noop', ['no-op']],
  ['move', ['no-op']],
  ['import', ['no-op']],
  ['read', ['read']],
  ['create', ['create']],
  ['update', ['update']],
  ['replace', ['delete', 'create']],
  ['delete', ['delete']],
]);

/**
 * The planned actions by resource address, read from the output of a successful `terraform plan -json`.
 * Terraform writes a `planned_change` message only for a resource that changes, so an address without
 * one is unchanged and left out (the report reads a missing address as `["no-op"]`). An action not known
 * here (e.g. `remove`, which forgets a resource) is kept as it is: `verdictOf` does not know it either and
 * calls it REPLACED, never safe. Of several messages for one address (a deposed object besides the current
 * one), the first that is not safe wins. Throws when the output has no change summary: not a whole plan.
 */
export function plannedActions(planJson: string): Record<string, PlannedActions> {
  const messages = uiLines(planJson).flatMap((line) => ('message' in line ? [line.message] : []));
  if (!messages.some((m) => m.type === 'change_summary')) {
    throw new Error('terraform plan -json wrote no change summary, so its planned changes may be incomplete');
  }
  const planned = new Map<string, PlannedActions>();
  for (const { change } of messages.filter((m) => m.type === 'planned_change')) {
    const address = change?.resource?.addr;
    const action = change?.action;
    if (typeof address !== 'string' || typeof action !== 'string') {
      throw new Error(`terraform plan -json wrote a planned_change without a resource address or action: ${JSON.stringify(change)}`);
    }
    const earlier = planned.get(address);
    if (earlier === undefined || isSafe(earlier)) {
      planned.set(address, SHOWN_ACTIONS.get(action) ?? [action]);
    }
  }
  return Object.fromEntries(planned);
}
