import { CheckBlockJson, checkBlocksHcl } from './hcl-check-blocks';

/**
 * The `terraform` block's plain attributes (e.g. `required_version`) in HCL, for `cdktf synth --hcl`:
 * cdktf 0.21's renderer writes the list of their names instead (`0 = "required_version"`), which
 * Terraform refuses. `terraform` is the block as the JSON synthesis holds it.
 */
export function withTerraformAttributesHcl(hcl: string, terraform: Readonly<Record<string, unknown>> | undefined): string {
  return hcl.replace(/^ {2}(\d+) = "([A-Za-z_]+)"$/gm, (line, _index: string, name: string) => {
    const value = terraform?.[name];
    return typeof value === 'string' ? `  ${name} = ${JSON.stringify(value)}` : line;
  });
}

/**
 * A stack's HCL (`TerraformStack.toHclTerraform()`) completed with what cdktf 0.21 gets wrong or drops:
 * the `terraform` block's plain attributes and the `check` blocks. `json` is the stack's `toTerraform()`.
 */
export function completeStackHcl<T extends { hcl: string }>(
  rendered: T,
  json: { terraform?: Record<string, unknown>; check?: Record<string, CheckBlockJson> },
): T {
  return { ...rendered, hcl: `${withTerraformAttributesHcl(rendered.hcl, json.terraform)}${checkBlocksHcl(json.check)}` };
}
