import { existsSync, mkdtempSync, writeFileSync } from 'fs';
import { homedir, tmpdir } from 'os';
import * as path from 'path';
import { AWS_PROVIDER_VERSION } from '../../lib/provider-version';
import { FakeAws, startFakeAws } from './fake-aws';
import { CommandResult, run } from './run';

/**
 * Running the real Terraform offline: the AWS provider comes from a filesystem mirror (the registry is
 * unreachable here), credentials are fake, and STS and EC2 reads are answered by a local fake (see fake-aws.ts).
 *
 * TF_PROVIDER_MIRROR names the mirror folder (the one holding registry.terraform.io/); without it the
 * usual places are searched. When Terraform or the mirror is missing the suites are skipped loudly,
 * except under CI=true, where they fail.
 */

const AWS_PROVIDER = 'registry.terraform.io/hashicorp/aws';

const MIRROR_CANDIDATES = [
  '/opt/tf-plugins',
  path.join(homedir(), '.terraform.d', 'plugins'),
  path.join(homedir(), '.local', 'share', 'terraform', 'plugins'),
  '/usr/local/share/terraform/plugins',
  '/usr/share/terraform/plugins',
];

export interface TerraformSetup {
  readonly terraform: string;
  readonly mirror: string;
}

function hasProvider(mirror: string): boolean {
  return existsSync(path.join(mirror, AWS_PROVIDER, AWS_PROVIDER_VERSION));
}

function findOnPath(command: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .map((dir) => path.join(dir, command))
    .find((candidate) => existsSync(candidate));
}

/** Where Terraform and the provider mirror are, or why they cannot be used. */
export function locateTerraform(): TerraformSetup | { missing: string } {
  const terraform = process.env.TERRAFORM_BINARY || findOnPath('terraform');
  if (!terraform) {
    return { missing: 'no `terraform` on PATH (or TERRAFORM_BINARY)' };
  }
  const configured = process.env.TF_PROVIDER_MIRROR;
  const mirror = configured ? [configured] : MIRROR_CANDIDATES;
  const found = mirror.find(hasProvider);
  if (!found) {
    return {
      missing: `no provider mirror holding ${AWS_PROVIDER}/${AWS_PROVIDER_VERSION} (looked in ${mirror.join(', ')}; set TF_PROVIDER_MIRROR)`,
    };
  }
  return { terraform, mirror: found };
}

/**
 * `describe` for suites that run Terraform. The body gets `terraform()`, ready from its `beforeAll` on,
 * talking to a fake AWS (STS and the EC2 reads of the preflight data sources) holding EXAMPLE_WORLD. Missing tools skip the suite with a warning that says what is
 * missing; under CI=true the suite fails instead, so a CI run never passes by testing less.
 */
export function describeWithTerraform(title: string, body: (terraform: () => Terraform) => void): void {
  const setup = locateTerraform();
  if ('terraform' in setup) {
    describe(title, () => {
      let aws: FakeAws | undefined;
      let terraform: Terraform | undefined;
      beforeAll(async () => {
        aws = await startFakeAws();
        terraform = new Terraform(setup, aws.url);
      });
      afterAll(() => aws?.close());
      body(() => terraform!);
    });
    return;
  }
  if (process.env.CI) {
    describe(title, () => {
      test('Terraform and the AWS provider mirror are available (required under CI)', () => {
        throw new Error(`Cannot run Terraform: ${setup.missing}`);
      });
    });
    return;
  }
  process.stderr.write(`\n*** SKIPPED "${title}": cannot run Terraform: ${setup.missing}. These tests judge the synthesized stacks. ***\n`);
  describe.skip(title, () =>
    body(() => {
      throw new Error('skipped');
    }),
  );
}

/** A Terraform CLI config that installs the AWS provider from `mirror` only; returns its path. */
function writeCliConfig(mirror: string): string {
  const cliConfig = path.join(mkdtempSync(path.join(tmpdir(), 'ecr-privatelink-tfcli-')), 'terraform.rc');
  writeFileSync(
    cliConfig,
    [
      'provider_installation {',
      '  filesystem_mirror {',
      `    path    = ${JSON.stringify(mirror)}`,
      `    include = ["${AWS_PROVIDER}"]`,
      '  }',
      '  direct {',
      `    exclude = ["${AWS_PROVIDER}"]`,
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  return cliConfig;
}

/** Terraform with a CLI config of its own (mirror only), fake credentials, and STS and EC2 at `awsUrl`. */
export class Terraform {
  /** Environment for terraform and for cdktf (which runs terraform). */
  public readonly env: NodeJS.ProcessEnv;

  public constructor(
    private readonly setup: TerraformSetup,
    awsUrl: string,
    private readonly cliConfig: string = writeCliConfig(setup.mirror),
  ) {
    this.env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TF_CLI_CONFIG_FILE: this.cliConfig,
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
      AWS_ACCESS_KEY_ID: 'AKIAOFFLINETESTONLY0',
      AWS_SECRET_ACCESS_KEY: 'offline-test-only',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ENDPOINT_URL_STS: awsUrl,
      AWS_ENDPOINT_URL_EC2: awsUrl,
    };
  }

  /** The same Terraform, talking to another fake AWS (e.g. one holding a broken world). */
  public against(awsUrl: string): Terraform {
    return new Terraform(this.setup, awsUrl, this.cliConfig);
  }

  /** `terraform <args>` in `cwd`; `-no-color` is added to every command that takes it. */
  public run(cwd: string, ...args: string[]): Promise<CommandResult> {
    const [command, ...rest] = args;
    const noColor = ['init', 'validate', 'plan', 'show', 'state'].includes(command) ? ['-no-color'] : [];
    const subcommandArgs = command === 'state' ? [rest[0], ...noColor, ...rest.slice(1)] : [...noColor, ...rest];
    return run(this.setup.terraform, [command, ...subcommandArgs], { cwd, env: this.env });
  }

  /** Like `run`, but throws with Terraform's output when the exit code is not one of `codes`. */
  public async expect(codes: readonly number[], cwd: string, ...args: string[]): Promise<CommandResult> {
    const result = await this.run(cwd, ...args);
    if (!codes.includes(result.code)) {
      throw new Error(`terraform ${args.join(' ')} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
    }
    return result;
  }

  /**
   * Plans in `cwd` (already initialised) with `-detailed-exitcode`: its exit code (0 no changes, 2 changes)
   * and Terraform's verdict per resource address, e.g. `{ "aws_vpc_endpoint.sample-s3": ["no-op"] }`.
   */
  public async plan(cwd: string, ...planArgs: string[]): Promise<PlanResult> {
    const planned = await this.expect([0, 2], cwd, 'plan', '-detailed-exitcode', '-out=test.plan', ...planArgs);
    const shown = await this.expect([0], cwd, 'show', '-json', 'test.plan');
    const plan = JSON.parse(shown.stdout) as {
      resource_changes?: { address: string; change: { actions: string[] } }[];
      output_changes?: Record<string, { actions: string[] }>;
    };
    return {
      exitCode: planned.code,
      actions: Object.fromEntries((plan.resource_changes ?? []).map((change) => [change.address, change.change.actions])),
      outputActions: Object.fromEntries(Object.entries(plan.output_changes ?? {}).map(([name, change]) => [name, change.actions])),
    };
  }
}

export interface PlanResult {
  /** 0 when the plan has no changes, 2 when it has some. */
  readonly exitCode: number;
  /** Planned actions by resource address: ["no-op"], ["create"], ["update"], ["delete", "create"], ... */
  readonly actions: Record<string, string[]>;
  /** Planned actions by output name. */
  readonly outputActions: Record<string, string[]>;
}
