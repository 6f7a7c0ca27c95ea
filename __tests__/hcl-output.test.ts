import { readFileSync } from 'fs';
import * as path from 'path';
import { checkBlocksHcl } from '../lib/cdktf/hcl-check-blocks';
import { withProviderReferencesHcl } from '../lib/cdktf/hcl-terraform-block';
import { escapeTemplateLiterals, quotedHclTemplate } from '../lib/cdktf/hcl-values';
import { tempProject } from './support/app-process';
import { synthInProject } from './support/synth-in-project';

/**
 * `cdktf synth --hcl` of our stacks: what cdktf 0.21 gets wrong and our code writes instead. Terraform
 * itself judges the result in __tests__/terraform/plans.test.ts (plans/option-matrix.ts: plans equal to the
 * JSON's) and the escaping in __tests__/terraform/preflight-conditions.test.ts; these are the quick checks.
 */

describe('escapeTemplateLiterals', () => {
  test.each([
    ['plain text', 'plain text'],
    ['quotes in the text', `say "hi"`, `say \\"hi\\"`],
    ['a backslash, a newline and a tab', 'a\\b\nc\td', 'a\\\\b\\nc\\td'],
    ['an interpolation with strings inside', 'x ${join(", ", ["a", "b"])} "y"', 'x ${join(", ", ["a", "b"])} \\"y\\"'],
    ['nested templates and braces', '${[for id, s in m : "${id} in {${s.az}}"]} "', '${[for id, s in m : "${id} in {${s.az}}"]} \\"'],
    ['an object and an escaped quote inside an interpolation', '${jsonencode({a = "\\"q\\""})}"', '${jsonencode({a = "\\"q\\""})}\\"'],
    ['a directive', '%{if x}"yes"%{endif}', '%{if x}\\"yes\\"%{endif}'],
    ['literal ${ and %{ (escaped)', '$${x} %%{y} "', '$${x} %%{y} \\"'],
    [
      "the VPC DNS message's quotes",
      `(now \${a} and \${b}); e.g. --enable-dns-hostnames '{"Value":true}'.`,
      `(now \${a} and \${b}); e.g. --enable-dns-hostnames '{\\"Value\\":true}'.`,
    ],
  ])('GIVEN %s THEN only the literal text is escaped for an HCL quoted string', (_, template, expected = template) => {
    expect(escapeTemplateLiterals(template)).toBe(expected);
  });

  test('GIVEN an interpolation that is never closed THEN it is refused rather than written half-escaped', () => {
    expect(() => escapeTemplateLiterals('x ${y')).toThrow('Unterminated template sequence');
  });
});

describe('withProviderReferencesHcl', () => {
  const providers = { aws: [{ region: 'ap-northeast-1' }, { alias: 'spoke-210987654321-role', region: 'ap-northeast-1' }] };

  test("GIVEN cdktf's quoted reference to an aliased AWS provider THEN it is a bare reference, as Terraform >= 0.12 reads it", () => {
    expect(withProviderReferencesHcl('data "aws_vpc" "v" {\nprovider = "aws.spoke-210987654321-role"\n}', providers)).toBe(
      'data "aws_vpc" "v" {\nprovider = aws.spoke-210987654321-role\n}',
    );
  });

  test('GIVEN a quoted string that names no provider alias of the stack THEN it is left as it is', () => {
    const hcl = 'resource "x" "y" {\nprovider = "aws.other"\nname = "aws.spoke-210987654321-role"\n}';
    expect(withProviderReferencesHcl(hcl, providers)).toBe(hcl);
    expect(withProviderReferencesHcl(hcl, undefined)).toBe(hcl);
  });
});

describe('checkBlocksHcl', () => {
  test('GIVEN a check override as the JSON holds it THEN it is one `check` block with its assertion', () => {
    expect(checkBlocksHcl({ 'p-cidrs': { assert: [{ condition: '${a == "b"}', error_message: 'msg "${c}"' }] } })).toBe(
      `\ncheck "p-cidrs" {\n  assert {\n    condition     = "\${a == "b"}"\n    error_message = "msg \\"\${c}\\""\n  }\n}\n`,
    );
    expect(quotedHclTemplate('a "b"')).toBe('"a \\"b\\""');
  });

  test('GIVEN no check override THEN nothing is added', () => {
    expect(checkBlocksHcl(undefined)).toBe('');
  });
});

describe('the example stack through `cdktf synth --hcl`', () => {
  const hcl = readFileSync(path.join(synthInProject(tempProject('hcl-unit'), {}, { hcl: true }), 'cdk.tf'), 'utf8');

  test('THEN the preflight data sources keep their arguments next to their for_each', () => {
    expect(hcl).toContain('data "aws_vpc" "sample-preflight-vpc" {\nid = "vpc-0a1b2c3d4e5f60718"\n}');
    expect(hcl).toMatch(/data "aws_subnet" "sample-preflight-subnets" \{\nid = "\$\{each.value\}"\nfor_each = /);
    expect(hcl).toMatch(
      /data "aws_vpc_endpoint_service" "sample-preflight-services" \{\nservice_name = "\$\{each.value\}"\nservice_type = "Interface"\nfor_each = /,
    );
  });

  test('THEN preconditions are `precondition` blocks in `lifecycle`, never an attribute', () => {
    expect(hcl).not.toContain('precondition =');
    expect(hcl.match(/^precondition \{$/gm)).toHaveLength(3 + 1 + 1 + 1);
  });

  test('THEN the quotes of the VPC DNS message are escaped', () => {
    expect(hcl).toContain(`--enable-dns-hostnames '{\\"Value\\":true}'."`);
  });

  test('THEN the soft `check` block is there', () => {
    expect(hcl).toContain('check "sample-preflight-allowed-cidrs-in-vpc" {\n  assert {');
  });

  test('THEN the JSON synthesis of the same stack is unchanged by all this', () => {
    const json = JSON.parse(readFileSync(path.join(synthInProject(tempProject('json-unit')), 'cdk.tf.json'), 'utf8'));
    expect(json.data.aws_subnet['sample-preflight-subnets']).toMatchObject({
      id: '${each.value}',
      for_each: expect.stringContaining('toset('),
    });
    expect(json.resource.aws_security_group['sample-ecr-privatelink'].lifecycle.precondition).toHaveLength(3);
    expect(json.resource.aws_security_group['sample-ecr-privatelink'].lifecycle.precondition[0]).toEqual({
      condition: expect.stringMatching(/^\$\{/),
      error_message: expect.stringContaining(`'{"Value":true}'`),
    });
    expect(Object.keys(json.check)).toEqual(['sample-preflight-allowed-cidrs-in-vpc']);
  });
});
