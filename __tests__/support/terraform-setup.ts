import { existsSync } from 'fs';
import { homedir } from 'os';
import * as path from 'path';
import { AWS_PROVIDER_VERSION } from '../../lib/provider-version';

/**
 * How the Terraform suites get Terraform and the AWS provider, decided once per jest run (by
 * terraform-global-setup.ts) and handed to the test workers in one environment variable.
 *
 * The provider comes from a filesystem mirror when there is one (TF_PROVIDER_MIRROR, or a usual place),
 * else from the registry with an ordinary `terraform init`, through a plugin cache (TF_PLUGIN_CACHE_DIR,
 * default ~/.terraform.d/plugin-cache) so that it is downloaded once. Only a missing `terraform` skips
 * the suites.
 */

export const AWS_PROVIDER = 'registry.terraform.io/hashicorp/aws';

/** The variable the global setup hands its decision to the workers in (JSON of `TerraformSuitesSetup`). */
export const SETUP_VARIABLE = 'ECR_PRIVATELINK_TEST_TERRAFORM';

export const MIRROR_CANDIDATES: readonly string[] = [
  '/opt/tf-plugins',
  path.join(homedir(), '.terraform.d', 'plugins'),
  path.join(homedir(), '.local', 'share', 'terraform', 'plugins'),
  '/usr/local/share/terraform/plugins',
  '/usr/share/terraform/plugins',
];

/** Where `terraform init` installs the AWS provider from. */
export type ProviderInstallation =
  { readonly kind: 'mirror'; readonly mirror: string } | { readonly kind: 'registry'; readonly pluginCacheDir: string };

export type TerraformSuitesSetup =
  | {
      readonly state: 'ready';
      /** The terraform binary. */
      readonly terraform: string;
      /** The Terraform CLI config every test command runs with (TF_CLI_CONFIG_FILE). */
      readonly cliConfig: string;
      readonly installation: ProviderInstallation;
    }
  /** No terraform: the suites skip (fail under CI=true); `howToGet` ends the skip summary. */
  | { readonly state: 'missing'; readonly reason: string; readonly howToGet: string }
  /** Terraform is there but cannot be used (e.g. the registry is unreachable): the suites fail. */
  | { readonly state: 'broken'; readonly reason: string };

function findOnPath(command: string, env: NodeJS.ProcessEnv): string | undefined {
  return (env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => dir !== '')
    .map((dir) => path.join(dir, command))
    .find((candidate) => existsSync(candidate));
}

/** The terraform binary ($TERRAFORM_BINARY, else `terraform` on PATH), or why there is none. */
export function locateTerraform(env: NodeJS.ProcessEnv = process.env): { terraform: string } | { missing: string } {
  const terraform = env.TERRAFORM_BINARY || findOnPath('terraform', env);
  return terraform ? { terraform } : { missing: 'no `terraform` on PATH (or TERRAFORM_BINARY)' };
}

/** A folder holding the pinned AWS provider in the unpacked mirror layout (`registry.terraform.io/...`). */
function holdsProvider(mirror: string): boolean {
  return existsSync(path.join(mirror, AWS_PROVIDER, AWS_PROVIDER_VERSION));
}

/**
 * The mirror named by TF_PROVIDER_MIRROR or found in a usual place; else the registry through the plugin
 * cache. A TF_PROVIDER_MIRROR without the provider is a mistake worth stopping for, not a silent download.
 */
export function providerInstallation(
  env: NodeJS.ProcessEnv = process.env,
  candidates: readonly string[] = MIRROR_CANDIDATES,
): ProviderInstallation {
  if (env.TF_PROVIDER_MIRROR) {
    if (!holdsProvider(env.TF_PROVIDER_MIRROR)) {
      throw new Error(`TF_PROVIDER_MIRROR=${env.TF_PROVIDER_MIRROR} holds no ${AWS_PROVIDER}/${AWS_PROVIDER_VERSION}; fix or unset it`);
    }
    return { kind: 'mirror', mirror: env.TF_PROVIDER_MIRROR };
  }
  const mirror = candidates.find(holdsProvider);
  if (mirror) {
    return { kind: 'mirror', mirror };
  }
  const home = env.HOME || homedir();
  return { kind: 'registry', pluginCacheDir: env.TF_PLUGIN_CACHE_DIR || path.join(home, '.terraform.d', 'plugin-cache') };
}

/**
 * The Terraform CLI config the tests run with. A mirror is used exclusively for hashicorp/aws (so a
 * broken mirror fails rather than downloading); without one, nothing restricts installation (the
 * registry, as for any user) and the plugin cache serves every `terraform init` after the first. The
 * test folders have no lock file, and since Terraform 1.4 the cache is then skipped unless told it may be
 * used anyway.
 */
export function cliConfigText(installation: ProviderInstallation): string {
  const lines =
    installation.kind === 'mirror'
      ? [
          'provider_installation {',
          '  filesystem_mirror {',
          `    path    = ${JSON.stringify(installation.mirror)}`,
          `    include = ["${AWS_PROVIDER}"]`,
          '  }',
          '  direct {',
          `    exclude = ["${AWS_PROVIDER}"]`,
          '  }',
          '}',
        ]
      : [`plugin_cache_dir = ${JSON.stringify(installation.pluginCacheDir)}`, 'plugin_cache_may_break_dependency_lock_file = true'];
  return `${lines.join('\n')}\n`;
}

/**
 * The environment of every Terraform command of the tests (and of cdktf, which runs terraform): the CLI
 * config, no prompts or version checks, fake credentials, and STS and EC2 at `awsUrl` (the fake AWS).
 * Nothing else of the caller's environment leaks in, so a developer's AWS profile is never used.
 */
export function terraformEnv(cliConfig: string, awsUrl = 'http://127.0.0.1:9', base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    PATH: base.PATH,
    HOME: base.HOME,
    TF_CLI_CONFIG_FILE: cliConfig,
    // Terraform and the AWS provider (which inherits it) collect garbage less often: about a fifth less CPU
    // per command, for some 50 MB more memory, and most of the tests' time is these commands.
    GOGC: '400',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    AWS_ACCESS_KEY_ID: 'AKIAOFFLINETESTONLY0',
    AWS_SECRET_ACCESS_KEY: 'offline-test-only',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_STS: awsUrl,
    AWS_ENDPOINT_URL_EC2: awsUrl,
    // Reaching the registry (https) from behind a proxy or with a company CA; the fake AWS is plain http.
    ...Object.fromEntries(PASSED_THROUGH.filter((name) => base[name] !== undefined).map((name) => [name, base[name]])),
  };
}

const PASSED_THROUGH = ['HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy', 'SSL_CERT_FILE', 'SSL_CERT_DIR'];

/** A Terraform configuration that only requires the pinned provider: what the global setup inits once. */
export const PROVIDER_ONLY_CONFIG = JSON.stringify({
  terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: AWS_PROVIDER_VERSION } } },
});

/** How to get what is missing, for the skip summary at the end of `npm test`. */
export const HOW_TO_GET_TERRAFORM =
  'install Terraform 1.11.4 (https://developer.hashicorp.com/terraform/install) and run `npm test` again; ' +
  'the first run downloads the AWS provider 5.100.0 once (or set TF_PROVIDER_MIRROR to a provider mirror)';

/** The last line of `npm test` when tests were skipped for want of terraform; else undefined. */
export function skippedSummary(setupText: string | undefined, skippedTests: number): string | undefined {
  if (!setupText || skippedTests === 0) {
    return undefined;
  }
  const setup = JSON.parse(setupText) as TerraformSuitesSetup;
  if (setup.state !== 'missing') {
    return undefined;
  }
  return `SKIPPED ${skippedTests} Terraform test${skippedTests === 1 ? '' : 's'}: ${setup.reason}. To run them, ${setup.howToGet}.`;
}

/** The decision of the global setup, as the workers read it. */
export function readSuitesSetup(env: NodeJS.ProcessEnv = process.env): TerraformSuitesSetup {
  const text = env[SETUP_VARIABLE];
  if (!text) {
    return {
      state: 'broken',
      reason: `${SETUP_VARIABLE} is not set: run the Terraform suites through jest.config.js (its terraform project's globalSetup)`,
    };
  }
  return JSON.parse(text) as TerraformSuitesSetup;
}
