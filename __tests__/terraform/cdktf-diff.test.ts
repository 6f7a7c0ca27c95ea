import { symlinkSync } from 'fs';
import * as path from 'path';
import { tempProject } from '../support/app-process';
import { REPO_ROOT } from '../support/example-stack';
import { run } from '../support/run';
import { describeWithTerraform } from '../support/terraform';

jest.setTimeout(180_000);

/** What a project folder needs for the cdktf CLI; linked, so cdktf.json's app command runs as shipped. */
const PROJECT_FILES = [
  'cdktf.json',
  'package.json',
  'tsconfig.json',
  '.swcrc',
  'main.ts',
  'lib',
  'stacks',
  'scripts',
  'config',
  'node_modules',
];

describeWithTerraform('`cdktf diff` on the example stack, as CI runs it', (terraformFor) => {
  test('GIVEN a fresh checkout with no state WHEN `cdktf diff --skip-provider-lock` runs THEN it plans the four resources', async () => {
    // A copy of the project (as links) in a temp folder, so no state file of the developer's is read.
    const project = tempProject('cdktf-diff');
    for (const entry of PROJECT_FILES) {
      symlinkSync(path.join(REPO_ROOT, entry), path.join(project, entry));
    }
    const terraform = terraformFor();
    const cdktf = path.join(REPO_ROOT, 'node_modules', '.bin', 'cdktf');

    const result = await run(cdktf, ['diff', '--skip-provider-lock', 'sample'], {
      cwd: project,
      env: { ...terraform.env, CI: '1', FORCE_COLOR: '0' },
    });

    const output = result.stdout + result.stderr;
    expect({ code: result.code, output }).toEqual({
      code: 0,
      output: expect.stringContaining('Plan: 4 to add, 0 to change, 0 to destroy.'),
    });
    for (const [type, name] of [
      ['aws_security_group', 'sample-ecr-privatelink'],
      ['aws_vpc_endpoint', 'sample-ecr-api'],
      ['aws_vpc_endpoint', 'sample-ecr-dkr'],
      ['aws_vpc_endpoint', 'sample-s3'],
    ]) {
      expect(output).toContain(`+ resource "${type}" "${name}" {`);
    }
  });
});
