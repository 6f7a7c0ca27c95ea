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
 * `provider = aws.<alias>` for each aliased AWS provider of the stack: cdktf 0.21 quotes the reference
 * (`provider = "aws.<alias>"`), the Terraform 0.11 syntax that Terraform warns "Quoted references are
 * deprecated" about and will stop reading. `providers` is the `provider` block as the JSON synthesis holds it.
 */
export function withProviderReferencesHcl(hcl: string, providers: { aws?: readonly { alias?: string }[] } | undefined): string {
  const aliases = new Set((providers?.aws ?? []).flatMap((provider) => (provider.alias ? [`aws.${provider.alias}`] : [])));
  return hcl.replace(/^(\s*)provider = "([^"]+)"$/gm, (line, indent: string, reference: string) =>
    aliases.has(reference) ? `${indent}provider = ${reference}` : line,
  );
}

/**
 * A stack's HCL (`TerraformStack.toHclTerraform()`) completed with what cdktf 0.21 gets wrong or drops:
 * the `terraform` block's plain attributes, unquoted provider references and the `check` blocks. `json`
 * is the stack's `toTerraform()`.
 */
export function completeStackHcl<T extends { hcl: string }>(
  rendered: T,
  json: {
    terraform?: Record<string, unknown>;
    provider?: { aws?: readonly { alias?: string }[] };
    check?: Record<string, CheckBlockJson>;
  },
): T {
  const hcl = withProviderReferencesHcl(withTerraformAttributesHcl(rendered.hcl, json.terraform), json.provider);
  return { ...rendered, hcl: `${hcl}${checkBlocksHcl(json.check)}` };
}
