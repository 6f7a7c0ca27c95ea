import { mkdirSync, mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { AWS_PROVIDER_VERSION } from '../lib/provider-version';
import { decideSetup } from './support/terraform-global-setup';
import {
  AWS_PROVIDER,
  cliConfigText,
  locateTerraform,
  providerInstallation,
  skippedSummary,
  terraformEnv,
} from './support/terraform-setup';

/**
 * How the Terraform suites get Terraform and the AWS provider. This machine has a provider mirror, so the
 * laptop path (no mirror: the registry, through a plugin cache) is tested here through the setup logic,
 * and Terraform itself is pointed at a refusing proxy so that nothing is downloaded.
 */

const folder = (label: string): string => mkdtempSync(path.join(tmpdir(), `ecr-privatelink-${label}-`));

/** A folder in the mirror layout (what `terraform init` with a plugin cache writes) holding the provider. */
function mirrorFolder(): string {
  const mirror = folder('mirror');
  mkdirSync(path.join(mirror, AWS_PROVIDER, AWS_PROVIDER_VERSION, 'linux_amd64'), { recursive: true });
  return mirror;
}

const terraformOnThisMachine = locateTerraform();

describe('providerInstallation', () => {
  test('GIVEN no mirror anywhere WHEN the suites set up THEN the provider comes from the registry through ~/.terraform.d/plugin-cache', () => {
    const home = folder('home');
    expect(providerInstallation({ HOME: home }, [folder('empty')])).toEqual({
      kind: 'registry',
      pluginCacheDir: path.join(home, '.terraform.d', 'plugin-cache'),
    });
  });

  test('GIVEN no mirror and TF_PLUGIN_CACHE_DIR WHEN the suites set up THEN that folder is the plugin cache', () => {
    expect(providerInstallation({ HOME: folder('home'), TF_PLUGIN_CACHE_DIR: '/var/cache/tf' }, [])).toEqual({
      kind: 'registry',
      pluginCacheDir: '/var/cache/tf',
    });
  });

  test('GIVEN a usual place holding the provider WHEN the suites set up THEN it is the mirror', () => {
    const mirror = mirrorFolder();
    expect(providerInstallation({}, [folder('empty'), mirror])).toEqual({ kind: 'mirror', mirror });
  });

  test('GIVEN TF_PROVIDER_MIRROR holding the provider THEN it is the mirror, before any usual place', () => {
    const mirror = mirrorFolder();
    expect(providerInstallation({ TF_PROVIDER_MIRROR: mirror }, [mirrorFolder()])).toEqual({ kind: 'mirror', mirror });
  });

  test('GIVEN TF_PROVIDER_MIRROR without the provider THEN it is refused, naming the folder (no silent download)', () => {
    const empty = folder('empty');
    expect(() => providerInstallation({ TF_PROVIDER_MIRROR: empty }, [])).toThrow(
      `TF_PROVIDER_MIRROR=${empty} holds no registry.terraform.io/hashicorp/aws/5.100.0`,
    );
  });
});

describe('cliConfigText', () => {
  test('GIVEN the registry THEN the CLI config only sets the plugin cache, usable without a lock file, and restricts no installation', () => {
    expect(cliConfigText({ kind: 'registry', pluginCacheDir: '/home/me/.terraform.d/plugin-cache' })).toBe(
      'plugin_cache_dir = "/home/me/.terraform.d/plugin-cache"\nplugin_cache_may_break_dependency_lock_file = true\n',
    );
  });

  test('GIVEN a mirror THEN hashicorp/aws is installed from it only, anything else directly', () => {
    const text = cliConfigText({ kind: 'mirror', mirror: '/opt/tf-plugins' });
    expect(text).toContain('filesystem_mirror {\n    path    = "/opt/tf-plugins"\n    include = ["registry.terraform.io/hashicorp/aws"]');
    expect(text).toContain('direct {\n    exclude = ["registry.terraform.io/hashicorp/aws"]');
    expect(text).not.toContain('plugin_cache_dir');
  });
});

describe('terraformEnv', () => {
  test("GIVEN a developer's environment THEN Terraform gets the CLI config, fake credentials and the fake AWS, and none of their AWS settings", () => {
    const env = terraformEnv('/test-folder/terraform.rc', 'http://127.0.0.1:4000', {
      PATH: '/usr/bin',
      HOME: '/home/me',
      AWS_PROFILE: 'prod',
      AWS_REGION: 'us-east-1',
      TF_PLUGIN_CACHE_DIR: '/elsewhere',
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/me',
      TF_CLI_CONFIG_FILE: '/test-folder/terraform.rc',
      GOGC: '400',
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
      AWS_ACCESS_KEY_ID: 'AKIAOFFLINETESTONLY0',
      AWS_SECRET_ACCESS_KEY: 'offline-test-only',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:4000',
      AWS_ENDPOINT_URL_EC2: 'http://127.0.0.1:4000',
    });
  });

  test('GIVEN an HTTPS proxy and a company CA THEN they reach Terraform, for the registry', () => {
    const env = terraformEnv('/rc', undefined, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '127.0.0.1', SSL_CERT_FILE: '/etc/ca.pem' });
    expect(env).toMatchObject({ HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '127.0.0.1', SSL_CERT_FILE: '/etc/ca.pem' });
    expect(env).not.toHaveProperty('HTTP_PROXY');
  });
});

describe("decideSetup (the terraform project's globalSetup)", () => {
  test('GIVEN no terraform WHEN the suites set up THEN they are to be skipped, with the reason and how to get it', async () => {
    expect(await decideSetup({ PATH: folder('bin') }, [])).toEqual({
      state: 'missing',
      reason: 'no `terraform` on PATH (or TERRAFORM_BINARY)',
      howToGet: expect.stringContaining('install Terraform 1.11.4'),
    });
  });

  test("GIVEN a mirror WHEN the suites set up THEN they are ready with the mirror's CLI config, and nothing is downloaded", async () => {
    const mirror = mirrorFolder();
    const setup = await decideSetup({ TERRAFORM_BINARY: '/usr/bin/false', HOME: folder('home') }, [mirror]);
    expect(setup).toMatchObject({ state: 'ready', terraform: '/usr/bin/false', installation: { kind: 'mirror', mirror } });
    expect(setup.state === 'ready' && readFileSync(setup.cliConfig, 'utf8')).toBe(cliConfigText({ kind: 'mirror', mirror }));
  });

  (terraformOnThisMachine && 'terraform' in terraformOnThisMachine ? test : test.skip)(
    'GIVEN no mirror and no way to the registry WHEN the suites set up THEN Terraform tried the registry, and the suites are to fail saying so',
    async () => {
      const terraform = (terraformOnThisMachine as { terraform: string }).terraform;
      const home = folder('home');
      // A proxy that refuses: Terraform's request to the registry fails at once, and nothing is downloaded.
      const setup = await decideSetup({ TERRAFORM_BINARY: terraform, HOME: home, HTTPS_PROXY: 'http://127.0.0.1:9' }, []);
      expect(setup).toEqual({ state: 'broken', reason: expect.stringContaining('could not install the AWS provider from the registry') });
      const reason = setup.state === 'broken' ? setup.reason : '';
      expect(reason).toContain(path.join(home, '.terraform.d', 'plugin-cache'));
      expect(reason).toContain('registry.terraform.io');
      expect(reason).toContain('TF_PROVIDER_MIRROR');
    },
  );
});

describe('the skipped-tests summary (the last line of `npm test`)', () => {
  const missing = JSON.stringify({
    state: 'missing',
    reason: 'no `terraform` on PATH (or TERRAFORM_BINARY)',
    howToGet: 'install Terraform 1.11.4',
  });

  test('GIVEN terraform missing and 55 tests skipped THEN one line says how many, why, and how to run them', () => {
    expect(skippedSummary(missing, 55)).toBe(
      'SKIPPED 55 Terraform tests: no `terraform` on PATH (or TERRAFORM_BINARY). To run them, install Terraform 1.11.4.',
    );
  });

  test.each([
    ['Terraform ready', JSON.stringify({ state: 'ready' }), 3],
    ['nothing skipped', missing, 0],
    ['no terraform project in the run', undefined, 4],
  ])('GIVEN %s THEN there is no summary line', (_, setup, skipped) => {
    expect(skippedSummary(setup, skipped)).toBeUndefined();
  });
});
