import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { tempProject } from '../support/app-process';
import { synthInProject } from '../support/synth-in-project';
import { describeWithTerraform, Terraform } from '../support/terraform';
import { TERRAFORM_VERSION } from '../support/terraform-version';

jest.setTimeout(60_000);

/**
 * Terraform reads `required_version` where the stack writes it: this Terraform (there is no older one here)
 * accepts the stack as synthesized, and stops with its version message, before reading anything else, once
 * the constraint is above it. An older Terraform meets the synthesized constraint the same way.
 */
describeWithTerraform('Terraform enforces the synthesized required_version', (terraformFor) => {
  let terraform: Terraform;
  let stack: string;
  let synthesized: any;

  beforeAll(() => {
    terraform = terraformFor();
    stack = synthInProject(tempProject('required-version'), {
      backend: { type: 's3', bucket: 'tf-state-123', key: 'ecr/sample.tfstate', region: 'ap-northeast-1', encrypt: true, useLockfile: true },
    });
    synthesized = JSON.parse(readFileSync(path.join(stack, 'cdk.tf.json'), 'utf8'));
  });

  test(`GIVEN the stack as synthesized (>= 1.10, s3 lock file) WHEN Terraform ${TERRAFORM_VERSION} inits it THEN it is accepted`, async () => {
    expect(synthesized.terraform.required_version).toBe('>= 1.10');
    const result = await terraform.run(stack, 'init', '-backend=false', '-input=false');
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: expect.not.stringContaining('Error') });
  });

  test(`GIVEN the same stack requiring a Terraform newer than ${TERRAFORM_VERSION} WHEN inited THEN Terraform stops with its version message`, async () => {
    const config = structuredClone(synthesized);
    config.terraform.required_version = '>= 99';
    writeFileSync(path.join(stack, 'cdk.tf.json'), JSON.stringify(config, null, 2));

    const result = await terraform.run(stack, 'init', '-backend=false', '-input=false');

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Error: Unsupported Terraform Core version');
    expect(result.stderr).toContain(`This configuration does not support Terraform version ${TERRAFORM_VERSION}`);
  });
});
