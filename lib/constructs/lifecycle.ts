import { App, TerraformResourceLifecycle } from 'cdktf';
import { IConstruct } from 'constructs';
import { hclBlock, hclBlocks, hclString } from '../cdktf/hcl-values';
import { TerraformCondition } from '../preflight/conditions';

/**
 * A `lifecycle` with these preconditions, or none at all when there are none (so nothing changes). For
 * `cdktf synth --hcl` (the app's `hclOutput`), in the shape cdktf's HCL renderer writes as
 * `precondition { ... }` blocks: left to itself, cdktf 0.21 writes `precondition = [{ ... }]`, an
 * attribute, which Terraform refuses, and leaves quotes in the messages unescaped.
 */
export function withPreconditions(scope: IConstruct, preconditions: readonly TerraformCondition[] | undefined): TerraformResourceLifecycle | undefined {
  if (!preconditions || preconditions.length === 0) {
    return undefined;
  }
  if (!App.of(scope).hclOutput) {
    return { precondition: [...preconditions] };
  }
  const blocks = preconditions.map((c) => ({ condition: hclString(c.condition), error_message: hclString(c.errorMessage) }));
  // Passed through to the renderer untouched (cdktf only copies a lifecycle and snake-cases its keys).
  return hclBlock({ precondition: hclBlocks(blocks) }) as unknown as TerraformResourceLifecycle;
}
