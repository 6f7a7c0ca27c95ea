import { TerraformResourceLifecycle } from 'cdktf';
import { hclBlock, hclBlocks, hclReferenceList, HclRendered, hclString } from './hcl-values';

/**
 * A lifecycle in the shape cdktf's HCL renderer writes as a `lifecycle { ... }` block with
 * `precondition { ... }` blocks: left to itself, cdktf 0.21 writes `precondition = [{ ... }]`, an
 * attribute, which Terraform refuses, leaves quotes in the messages unescaped, and quotes the references
 * of `ignore_changes`, which Terraform warns about. Only for
 * `cdktf synth --hcl` (the app's `hclOutput`); the JSON synthesis takes the lifecycle as it is.
 */
export function hclLifecycle(lifecycle: TerraformResourceLifecycle): TerraformResourceLifecycle {
  const { precondition, ignoreChanges, ...rest } = lifecycle;
  const attributes: Record<string, HclRendered> = { ...(rest as Record<string, HclRendered>) };
  if (Array.isArray(ignoreChanges)) {
    attributes.ignore_changes = hclReferenceList(ignoreChanges);
  }
  if (precondition?.length) {
    attributes.precondition = hclBlocks(
      precondition.map((c) => ({ condition: hclString(c.condition), error_message: hclString(c.errorMessage) })),
    );
  }
  // Passed through to the renderer untouched (cdktf only copies a lifecycle and snake-cases its keys).
  return hclBlock(attributes) as unknown as TerraformResourceLifecycle;
}
