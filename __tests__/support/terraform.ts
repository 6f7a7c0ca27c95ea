import { FakeAws, startFakeAws } from './fake-aws';
import { CommandResult, run } from './run';
import { readSuitesSetup, terraformEnv } from './terraform-setup';

/**
 * Running the real Terraform without AWS: the AWS provider comes from a mirror or the registry (see
 * terraform-setup.ts), credentials are fake, and STS and EC2 reads are answered by a local fake (see
 * fake-aws.ts). Without `terraform` the suites are skipped, and `npm test` ends with a line saying so
 * (skipped-terraform-reporter.js); under CI=true they fail instead.
 */

/** Terraform and the CLI config the suites share. */
export interface TerraformSetup {
  readonly terraform: string;
  readonly cliConfig: string;
}

/**
 * `describe` for suites that run Terraform. The body gets `terraform()`, ready from its `beforeAll` on,
 * talking to a fake AWS (STS and the EC2 reads of the preflight data sources) holding EXAMPLE_WORLD.
 * Without terraform the suite is skipped; under CI=true, or when Terraform is there but cannot install the
 * provider, the suite fails instead, so a run never passes by testing less than it could.
 */
export function describeWithTerraform(title: string, body: (terraform: () => Terraform) => void): void {
  const setup = readSuitesSetup();
  if (setup.state === 'ready') {
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
  if (setup.state === 'broken' || process.env.CI) {
    describe(title, () => {
      test('Terraform and the AWS provider are available (required under CI)', () => {
        throw new Error(`Cannot run Terraform: ${setup.reason}`);
      });
    });
    return;
  }
  describe.skip(title, () =>
    body(() => {
      throw new Error('skipped');
    }),
  );
}

/** Terraform with the suites' CLI config, fake credentials, and STS and EC2 at `awsUrl`. */
export class Terraform {
  /** Environment for terraform and for cdktf (which runs terraform). */
  public readonly env: NodeJS.ProcessEnv;

  public constructor(
    private readonly setup: TerraformSetup,
    awsUrl: string,
  ) {
    this.env = terraformEnv(setup.cliConfig, awsUrl);
  }

  /** The same Terraform, talking to another fake AWS (e.g. one holding a broken world). */
  public against(awsUrl: string): Terraform {
    return new Terraform(this.setup, awsUrl);
  }

  /** The terraform binary. */
  public get binary(): string {
    return this.setup.terraform;
  }

  /** `terraform <args>` in `cwd`; `-no-color` is added to every command that takes it. */
  public run(cwd: string, ...args: string[]): Promise<CommandResult> {
    const [command, ...rest] = args;
    const noColor = ['init', 'validate', 'plan', 'apply', 'show', 'state'].includes(command) ? ['-no-color'] : [];
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
   * Plans in `cwd` (already initialised) with `-detailed-exitcode`: its exit code (0 no changes, 2 changes),
   * what it said (the `-json` messages: diagnostics, the change summary), Terraform's verdict per resource
   * address, e.g. `{ "aws_vpc_endpoint.sample-s3": ["no-op"] }`, and the whole plan as `terraform show
   * -json` gives it. Plans of one folder may run side by side (with `-lock=false` when they share a state).
   */
  public async plan(cwd: string, ...planArgs: string[]): Promise<PlanResult> {
    const planFile = `test-${++planFiles}.plan`;
    const planned = await this.expect([0, 2], cwd, 'plan', '-json', '-input=false', '-detailed-exitcode', `-out=${planFile}`, ...planArgs);
    const shown = await this.expect([0], cwd, 'show', '-json', planFile);
    const json = JSON.parse(shown.stdout) as PlanJson;
    return {
      exitCode: planned.code,
      messages: planMessagesIn(planned.stdout),
      planFile,
      actions: Object.fromEntries((json.resource_changes ?? []).map((change) => [change.address, change.change.actions])),
      outputActions: Object.fromEntries(Object.entries(json.output_changes ?? {}).map(([name, change]) => [name, change.actions])),
      json,
    };
  }

  /**
   * Plans in `cwd` like `plan`, but reads the planned changes from `terraform plan -json` instead of
   * `terraform show -json` (which loads the provider again): each changed resource's action by address,
   * e.g. `{ "aws_vpc_endpoint.sample-s3": "update" }` (`replace` for a replacement), with unchanged
   * resources left out; the outputs' actions likewise; and the saved plan, for `apply`.
   */
  public async planChanges(cwd: string, ...planArgs: string[]): Promise<PlannedChanges> {
    const planFile = `test-${++planFiles}.plan`;
    const planned = await this.expect([0, 2], cwd, 'plan', '-json', '-input=false', '-detailed-exitcode', `-out=${planFile}`, ...planArgs);
    const messages = planMessagesIn(planned.stdout);
    return { exitCode: planned.code, planFile, ...plannedIn(messages), messages };
  }

  /**
   * `terraform apply -auto-approve -json` in `cwd`: what its plan would change, read as `planChanges`
   * reads a plan, and the outputs' values once applied. One command where plan, apply and `output` were
   * three, each loading the provider.
   */
  public async applyChanges(cwd: string, ...applyArgs: string[]): Promise<AppliedChanges> {
    const applied = await this.expect([0], cwd, 'apply', '-json', '-input=false', '-auto-approve', ...applyArgs);
    const messages = planMessagesIn(applied.stdout);
    // The plan's `outputs` message gives each output's action, the one after the apply their values.
    const outputValues = messages.filter((m) => m.type === 'outputs').at(-1)?.outputs ?? {};
    return {
      ...plannedIn(messages),
      outputValues: Object.fromEntries(Object.entries(outputValues).map(([name, output]) => [name, { value: output.value }])),
      messages,
    };
  }

  /**
   * `terraform plan -json` in `cwd` (machine-readable UI, no plan file): its exit code and messages, for
   * what a plan says rather than what it would do (diagnostics with their addresses, planned changes).
   */
  public async planMessages(cwd: string, ...planArgs: string[]): Promise<{ code: number; messages: PlanMessage[] }> {
    const result = await this.run(cwd, 'plan', '-json', '-input=false', ...planArgs);
    const messages = planMessagesIn(result.stdout);
    if (messages.length === 0) {
      throw new Error(`terraform plan -json exited ${result.code} with no messages\n${result.stdout}\n${result.stderr}`);
    }
    return { code: result.code, messages };
  }
}

let planFiles = 0;

/** The changed resources' and outputs' actions in the messages of `terraform plan -json` (or `apply -json`). */
function plannedIn(messages: readonly PlanMessage[]): Pick<PlannedChanges, 'changes' | 'outputs'> {
  return {
    changes: Object.fromEntries(
      messages.filter((m) => m.type === 'planned_change').map((m) => [m.change!.resource.addr, m.change!.action]),
    ),
    outputs: Object.fromEntries(
      Object.entries(messages.find((m) => m.type === 'outputs')?.outputs ?? {}).map(([name, output]) => [name, output.action!]),
    ),
  };
}

/** A plan message's diagnostic as one line: `severity: summary: detail`. */
export function diagnosticLine(diagnostic: NonNullable<PlanMessage['diagnostic']>): string {
  return `${diagnostic.severity}: ${diagnostic.summary}: ${diagnostic.detail}`;
}

/** The messages of `terraform plan -json` output (one JSON object per line). */
export function planMessagesIn(stdout: string): PlanMessage[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as PlanMessage);
}

/** The parts of `terraform show -json <plan>` the tests read. */
export interface PlanJson {
  resource_changes?: {
    address: string;
    module_address?: string;
    mode: string;
    change: { actions: string[]; after?: unknown; after_unknown?: unknown };
  }[];
  output_changes?: Record<string, { actions: string[] }>;
  [key: string]: unknown;
}

/** One line of `terraform plan -json`. */
export interface PlanMessage {
  type: string;
  '@message': string;
  diagnostic?: { severity: string; summary: string; detail: string; address?: string; range?: { filename: string } };
  change?: { resource: { addr: string }; action: string; importing?: { id: string } };
  changes?: { add: number; change: number; import: number; remove: number };
  /** By output name: the planned action in a plan's message, the value in the message after an apply. */
  outputs?: Record<string, { action?: string; value?: unknown }>;
}

export interface PlannedChanges {
  /** 0 when the plan has no changes, 2 when it has some. */
  readonly exitCode: number;
  /** The saved plan, in the planned folder (for `apply`). */
  readonly planFile: string;
  /** The action of each resource that changes, by address: `create`, `update`, `replace`, `delete`, ... */
  readonly changes: Record<string, string>;
  /** The action of each output that changes, by name. */
  readonly outputs: Record<string, string>;
  readonly messages: PlanMessage[];
}

/** What an apply's own plan changed, read as a plan's (`changes`, `outputs`), and the outputs' values after it. */
export interface AppliedChanges extends Pick<PlannedChanges, 'changes' | 'outputs' | 'messages'> {
  /** Every output's value after the apply, as `terraform output -json` gives it (`{ value }`). */
  readonly outputValues: Record<string, { value: unknown }>;
}

export interface PlanResult {
  /** 0 when the plan has no changes, 2 when it has some. */
  readonly exitCode: number;
  /** What `terraform plan -json` said. */
  readonly messages: PlanMessage[];
  /** The saved plan, in the planned folder (for `apply`). */
  readonly planFile: string;
  /** Planned actions by resource address: ["no-op"], ["create"], ["update"], ["delete", "create"], ... */
  readonly actions: Record<string, string[]>;
  /** Planned actions by output name. */
  readonly outputActions: Record<string, string[]>;
  /** The plan as `terraform show -json` gives it. */
  readonly json: PlanJson;
}
