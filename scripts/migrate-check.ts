/**
 * `npm run migrate-check -- --config FILE --stack NAME --state TFSTATE`: for the day of the move.
 *
 * Synthesizes the stack, plans it offline (no refresh, no AWS call) against a copy of the old state
 * holding only the stack's resources, and prints what each of them would do, what stays with the old
 * project, and the commands to move. Exit 0 when nothing of the stack is replaced, created or destroyed,
 * 1 when something is, 2 when the input is wrong. The given state file is only read.
 *
 * Needs `terraform` (or $TERRAFORM_BINARY) and the AWS provider, from the registry or the mirror in the
 * user's Terraform CLI config.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { IConstruct } from 'constructs';
import { stackResources } from '../lib/checks/stack-resources';
import { AppConfig, BackendConfig } from '../lib/config/app-config';
import { migrationReport, PlannedActions } from '../lib/migration/migration-report';
import { plannedActions } from '../lib/migration/planned-actions';
import { readableUiOutput } from '../lib/terraform/machine-readable-ui';
import { keepOnly, managedAddresses, ownerAccountId, parseState, resourceId, TerraformState } from '../lib/terraform/state-file';
import { ValidationError } from '../lib/validation/problem';
import { buildStacks } from '../stacks/build-stacks';
import { readConfigFile, readTextFile } from '../stacks/config-file';
import { EcrPrivateLinkStack } from '../stacks/ecr-private-link-stack';
import { synthAllOrNothing } from '../stacks/synth-all-or-nothing';
import { parseCommandLine, ScriptError } from './cli';
import { runTerraform } from './terraform';

const USAGE = 'Usage: npm run migrate-check -- --config FILE --stack NAME --state TFSTATE [--keep-workdir]';

const OPTIONS = {
  config: { type: 'string' },
  stack: { type: 'string' },
  state: { type: 'string' },
  'keep-workdir': { type: 'boolean' },
} as const;

/**
 * The config's stacks as they would be deployed, but planned offline: no preflight lookups and no
 * imports, state in the work folder, and the deploying account taken from the old state where a policy
 * needs it. Returns the one named `stackName`.
 */
function synthesize(configFile: string, config: AppConfig, stackName: string, state: TerraformState, workdir: string): EcrPrivateLinkStack {
  if (!config.stacks.some((s) => s.name === stackName)) {
    throw new ScriptError(
      `--stack: "${stackName}" is not a stack of ${configFile} (it has: ${config.stacks.map((s) => s.name).join(', ')})`,
    );
  }
  const app = new App({ outdir: path.join(workdir, 'cdktf.out'), stackTraces: false });
  const stacks = buildStacks(app, config, configFile, (props, stack) => ({
    ...props,
    preflight: false,
    adopt: undefined,
    allowedAccountIds: props.leastPrivilegePolicies ? (props.allowedAccountIds ?? [ownerAccountId(state) ?? '000000000000']) : undefined,
    backend: { type: 'local', path: path.join('states', `${stack.name}.tfstate`) },
    projectDirectory: workdir,
  }));
  const errors = synthAllOrNothing(app);
  if (errors.length > 0) {
    throw new ScriptError(`The stack does not synthesize:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
  }
  const stack = stacks.find((s) => s.node.id === stackName)!;
  if (!(stack instanceof EcrPrivateLinkStack)) {
    throw new ScriptError(`--stack: "${stackName}" is a spoke, which has only its S3 gateway; check its hub, or the stack it was before`);
  }
  return stack;
}

/** Every managed resource of the stack with its address, and its key in `adopt` where it has one. */
function stackResourcesWithAdoptKeys(stack: EcrPrivateLinkStack): { address: string; adoptKey?: string }[] {
  const adoptKeys = new Map<IConstruct, string>([...stack.privateLink.adoptable].map(([key, resource]) => [resource, key]));
  return stackResources(stack).map((r) => ({ address: `${r.type}.${r.name}`, adoptKey: adoptKeys.get(r.construct) }));
}

function terraform(cwd: string, ...args: string[]): string {
  const result = runTerraform(cwd, args, {
    AWS_EC2_METADATA_DISABLED: 'true',
    // No AWS call is made (see the override below); the provider still wants some credentials to exist.
    AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID || 'migrate-check-offline',
    AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY || 'migrate-check-offline',
  });
  if (result.status !== 0) {
    // With -json, the diagnostics are JSON lines on stdout: printed as Terraform would print them without it.
    const output = readableUiOutput(result.stdout) + result.stderr;
    throw new ScriptError(`terraform ${args[0]} failed:\n${output.trimEnd()}`);
  }
  return result.stdout;
}

/** Plans offline and returns the planned actions by resource address, unchanged resources left out. */
function plan(stackDirectory: string): Record<string, PlannedActions> {
  // An override file (merged by Terraform, not part of the synthesized stack) keeps the provider from
  // calling STS, so the check works with no network.
  writeFileSync(
    path.join(stackDirectory, 'migrate_check_override.tf.json'),
    JSON.stringify({
      provider: {
        aws: {
          skip_credentials_validation: true,
          skip_requesting_account_id: true,
          skip_metadata_api_check: true,
          skip_region_validation: true,
        },
      },
    }),
  );
  terraform(stackDirectory, 'init', '-input=false', '-no-color');
  // The changes come from the plan's own machine-readable output: `terraform show -json` of a saved plan
  // would start the AWS provider again only to decode it.
  const planJson = terraform(stackDirectory, 'plan', '-json', '-refresh=false', '-lock=false', '-input=false');
  try {
    return plannedActions(planJson);
  } catch (error) {
    throw new ScriptError((error as Error).message);
  }
}

function localStatePath(stackName: string, backend: BackendConfig): string {
  return backend.type === 'local'
    ? backend.path
    : `${stackName}.moved.tfstate (then terraform state push it to the ${backend.type} backend)`;
}

export function main(args: readonly string[] = process.argv.slice(2)): number {
  let workdir: string | undefined;
  let keepWorkdir = false;
  try {
    const parsed = parseCommandLine(args, OPTIONS, USAGE);
    if ('exitCode' in parsed) {
      return parsed.exitCode;
    }
    const options = parsed.values;
    const missing = (['config', 'stack', 'state'] as const).filter((name) => !options[name]);
    if (missing.length > 0) {
      console.error(`Missing ${missing.map((m) => `--${m}`).join(', ')}.\n${USAGE}`);
      return 2;
    }
    keepWorkdir = options['keep-workdir'] ?? false;
    const stackName = options.stack!;
    const config = readConfigFile(options.config!, '--config');
    const state = parseState(readTextFile(options.state!, '--state'), options.state!);
    workdir = mkdtempSync(path.join(tmpdir(), 'ecr-privatelink-migrate-check-'));
    const synthesized = synthesize(options.config!, config, stackName, state, workdir);
    const resources = stackResourcesWithAdoptKeys(synthesized);
    const stackAddresses = new Set(resources.map((r) => r.address));
    mkdirSync(path.join(workdir, 'states'));
    writeFileSync(path.join(workdir, 'states', `${stackName}.tfstate`), JSON.stringify(keepOnly(state, stackAddresses), null, 2));
    const planned = plan(path.join(workdir, 'cdktf.out', 'stacks', stackName));
    const report = migrationReport({
      stackName,
      stateFile: options.state!,
      stackStatePath: localStatePath(stackName, config.stacks.find((s) => s.name === stackName)!.backend),
      stackResources: resources,
      planned,
      otherAddresses: managedAddresses(state).filter((a) => !stackAddresses.has(a)),
      idsInState: Object.fromEntries(resources.map(({ address }) => [address, resourceId(state, address)]).filter(([, id]) => id)),
    });
    process.stdout.write(report.text);
    return report.safe ? 0 : 1;
  } catch (error) {
    if (error instanceof ScriptError || error instanceof ValidationError) {
      console.error(`migrate-check: ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    if (workdir && !keepWorkdir) {
      rmSync(workdir, { recursive: true, force: true });
    } else if (workdir) {
      console.error(`migrate-check: work folder kept at ${workdir}`);
    }
  }
}

if (require.main === module) {
  process.exitCode = main();
}
