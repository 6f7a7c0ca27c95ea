import { quotedHclTemplate } from './hcl-values';

/** A `check` block as the JSON syntax holds it (what a stack override `check.<name>` writes). */
export interface CheckBlockJson {
  readonly assert: readonly { readonly condition: string; readonly error_message: string }[];
}

/**
 * `check` blocks in HCL, for `cdktf synth --hcl`: cdktf 0.21 writes only the `terraform` block of a
 * stack's overrides into its HCL and drops the rest without a word, and a `check` block can only be
 * written as such an override (cdktf has no construct for it).
 */
export function checkBlocksHcl(checks: Readonly<Record<string, CheckBlockJson>> | undefined): string {
  return Object.entries(checks ?? {})
    .map(([name, check]) =>
      [
        `\ncheck ${JSON.stringify(name)} {`,
        ...check.assert.flatMap((assertion) => [
          '  assert {',
          `    condition     = ${quotedHclTemplate(assertion.condition)}`,
          `    error_message = ${quotedHclTemplate(assertion.error_message)}`,
          '  }',
        ]),
        '}\n',
      ].join('\n'),
    )
    .join('');
}
