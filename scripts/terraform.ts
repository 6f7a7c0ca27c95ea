import { spawnSync } from 'child_process';
import { ScriptError } from './cli';

/** What a terraform command that ran printed, and its exit code. */
export interface TerraformResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `terraform <args>` in `cwd` ($TERRAFORM_BINARY, else `terraform` on PATH), as automation runs it: no
 * prompts, no version check; `env` is added to the environment. Throws a ScriptError when Terraform
 * cannot be started; a failing command is the caller's to word.
 */
export function runTerraform(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): TerraformResult {
  const result = spawnSync(process.env.TERRAFORM_BINARY || 'terraform', args, {
    cwd,
    env: { ...process.env, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) {
    throw new ScriptError(`Cannot run terraform: ${result.error.message}. Install Terraform or set TERRAFORM_BINARY.`);
  }
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}
