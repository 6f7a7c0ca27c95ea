import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { run } from './run';
import {
  cliConfigText,
  HOW_TO_GET_TERRAFORM,
  locateTerraform,
  MIRROR_CANDIDATES,
  PROVIDER_ONLY_CONFIG,
  providerInstallation,
  SETUP_VARIABLE,
  terraformEnv,
  TerraformSuitesSetup,
} from './terraform-setup';

/**
 * jest globalSetup of the terraform project: finds Terraform and the provider once, writes the CLI config
 * every suite shares, and, without a mirror, runs one ordinary `terraform init` so that the plugin cache
 * holds the provider before the suites' inits run side by side (Terraform's cache is not safe for
 * concurrent first downloads). The decision reaches the workers in one environment variable.
 */
export default async function terraformGlobalSetup(): Promise<void> {
  process.env[SETUP_VARIABLE] = JSON.stringify(await decideSetup());
}

/** What the suites run with, for the environment `env` and the usual mirror places `candidates`. */
export async function decideSetup(
  env: NodeJS.ProcessEnv = process.env,
  candidates: readonly string[] = MIRROR_CANDIDATES,
): Promise<TerraformSuitesSetup> {
  const located = locateTerraform(env);
  if ('missing' in located) {
    return { state: 'missing', reason: located.missing, howToGet: HOW_TO_GET_TERRAFORM };
  }
  let installation;
  try {
    installation = providerInstallation(env, candidates);
  } catch (error) {
    return { state: 'broken', reason: (error as Error).message };
  }
  const cliConfig = path.join(mkdtempSync(path.join(tmpdir(), 'ecr-privatelink-tfcli-')), 'terraform.rc');
  writeFileSync(cliConfig, cliConfigText(installation));
  const setup = { state: 'ready', terraform: located.terraform, cliConfig, installation } as const;
  if (installation.kind === 'registry') {
    mkdirSync(installation.pluginCacheDir, { recursive: true });
    const seed = mkdtempSync(path.join(tmpdir(), 'ecr-privatelink-provider-'));
    writeFileSync(path.join(seed, 'main.tf.json'), PROVIDER_ONLY_CONFIG);
    const init = await run(located.terraform, ['init', '-input=false', '-backend=false', '-no-color'], {
      cwd: seed,
      env: terraformEnv(cliConfig, undefined, env),
    });
    if (init.code !== 0) {
      return {
        state: 'broken',
        reason:
          `terraform init could not install the AWS provider from the registry into the plugin cache ${installation.pluginCacheDir} ` +
          `(it needs network access once, or set TF_PROVIDER_MIRROR to a provider mirror):\n${init.stderr}`,
      };
    }
  }
  return setup;
}
