import { readableUiOutput, uiLines } from '../lib/terraform/machine-readable-ui';

/** What `terraform plan -json` (Terraform 1.11.4) wrote for a state from a newer AWS provider, timestamps cut. */
const FAILED_PLAN = [
  '{"@level":"info","@message":"Terraform 1.11.4","@module":"terraform.ui","terraform":"1.11.4","type":"version","ui":"1.2"}',
  '{"@level":"info","@message":"Plan: 0 to add, 0 to change, 0 to destroy.","@module":"terraform.ui","changes":{"add":0,"change":0,"import":0,"remove":0,"operation":"plan"},"type":"change_summary"}',
  '{"@level":"info","@message":"Outputs: 1","@module":"terraform.ui","outputs":{"vpc_id":{"sensitive":false,"action":"delete"}},"type":"outputs"}',
  '{"@level":"error","@message":"Error: Resource instance managed by newer provider version","@module":"terraform.ui","diagnostic":{"severity":"error","summary":"Resource instance managed by newer provider version","detail":"The current state of aws_security_group.sample-ecr-privatelink was created by a newer provider version than is currently selected. Upgrade the aws provider to work with this state."},"type":"diagnostic"}',
  '',
].join('\n');

describe("Terraform's machine-readable UI", () => {
  test('GIVEN the output of a failed plan WHEN made readable THEN only the diagnostic is left, laid out as Terraform prints it', () => {
    expect(readableUiOutput(FAILED_PLAN)).toBe(
      [
        'Error: Resource instance managed by newer provider version',
        '',
        'The current state of aws_security_group.sample-ecr-privatelink was created by a newer provider version than is currently selected. Upgrade the aws provider to work with this state.',
        '',
        '',
      ].join('\n'),
    );
  });

  test('GIVEN a warning and an error about a resource in a file WHEN made readable THEN each says its severity, the resource and the file line', () => {
    const diagnostic = (severity: string, summary: string, detail: string) =>
      JSON.stringify({
        '@level': severity,
        '@message': `${severity}: ${summary}`,
        diagnostic: {
          severity,
          summary,
          detail,
          address: 'aws_vpc_endpoint.sample-s3',
          range: { filename: 'cdk.tf.json', start: { line: 12, column: 9, byte: 301 }, end: { line: 12, column: 30, byte: 322 } },
        },
        type: 'diagnostic',
      });
    const output = [
      diagnostic('warning', 'Deprecated attribute', 'Use x instead.'),
      diagnostic('error', 'Resource postcondition failed', 'Wrong.'),
    ].join('\n');
    expect(readableUiOutput(output)).toBe(
      [
        'Warning: Deprecated attribute',
        '',
        '  with aws_vpc_endpoint.sample-s3',
        '  on cdk.tf.json line 12',
        '',
        'Use x instead.',
        '',
        'Error: Resource postcondition failed',
        '',
        '  with aws_vpc_endpoint.sample-s3',
        '  on cdk.tf.json line 12',
        '',
        'Wrong.',
        '',
        '',
      ].join('\n'),
    );
  });

  test('GIVEN lines that are not messages (plain text, a blank line, a JSON array) WHEN read THEN they are kept as text, and printed as they are', () => {
    const output = 'Error: Failed to read state file\n\n[1,2]\n';
    expect(uiLines(output)).toEqual([{ text: 'Error: Failed to read state file' }, { text: '' }, { text: '[1,2]' }]);
    expect(readableUiOutput(output)).toBe(output);
  });
});
