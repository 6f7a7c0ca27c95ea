import { TerraformResourceLifecycle } from 'cdktf';
import { TerraformCondition } from '../preflight/conditions';

/** A `lifecycle` with these preconditions, or none at all when there are none (so nothing changes). */
export function withPreconditions(preconditions: readonly TerraformCondition[] | undefined): TerraformResourceLifecycle | undefined {
  return preconditions && preconditions.length > 0 ? { precondition: [...preconditions] } : undefined;
}
