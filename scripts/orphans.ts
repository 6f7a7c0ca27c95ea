/**
 * `npm run -s orphans -- --stack NAME [--config FILE]`: after an interrupted deploy, what AWS has of the
 * stack that its state lacks.
 *
 * A killed Terraform (OOM, a lost runner, SIGKILL) leaves behind what it had created but not yet
 * recorded: an endpoint reaches the state only once it is available. `cdktf diff` plans from the state,
 * so it cannot see them, and the next deploy creates a second set (or fails on the private DNS name or
 * the route already taken). This reads the state with `terraform state pull`, asks EC2 what is in the
 * stack's VPC (its services' interface endpoints, the S3 gateway on its route tables, the security
 * group by its name), and prints every resource the state lacks with the `adopt` entry that takes it
 * over. Exit 0 when there is none, 1 when there is any, 2 when the check cannot be made (bad input, or
 * Terraform or AWS failing), with one message saying why.
 *
 * The config is read as for synth ($ECR_PRIVATELINK_CONFIG, else the committed example) unless --config
 * names it. Local state paths are relative to the current folder, as for cdktf (npm run runs in the
 * project folder). Needs `terraform` (or $TERRAFORM_BINARY) and the AWS provider, and AWS read access
 * (ec2:DescribeVpcEndpoints, ec2:DescribeSecurityGroups); the SDK honours AWS_ENDPOINT_URL(_EC2).
 * Nothing is written outside a temporary folder.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { EC2Client, paginateDescribeSecurityGroups, paginateDescribeVpcEndpoints } from '@aws-sdk/client-ec2';
import { App, TerraformResource } from 'cdktf';
import { AppConfig, StackConfig } from '../lib/config/app-config';
import { endpointSecurityGroupResourceName } from '../lib/naming/resource-names';
import { s3GatewayServiceName } from '../lib/naming/service-names';
import { AwsSecurityGroup, AwsVpcEndpoint, checkOrphans, StackResources } from '../lib/orphans/find-orphans';
import { orphanReport } from '../lib/orphans/orphan-report';
import { StateObject, stateResources } from '../lib/orphans/state-resources';
import { ValidationError } from '../lib/validation/problem';
import { buildStacks } from '../stacks/build-stacks';
import { readConfigFromFlagOrEnv } from '../stacks/config-file';
import { EcrPrivateLinkStack } from '../stacks/ecr-private-link-stack';
import { synthAllOrNothing } from '../stacks/synth-all-or-nothing';
import { parseCommandLine, ScriptError } from './cli';
import { runTerraform } from './terraform';

const USAGE = 'Usage: npm run -s orphans -- --stack NAME [--config FILE]';

const HELP = `${USAGE}

Lists what AWS has of the stack that its Terraform state lacks (left by an interrupted deploy), with the
"adopt" entry to paste into the config. Exit 0: none; 1: some; 2: the check could not be made.

  --stack NAME    a stack of the config
  --config FILE   the config file (default: $ECR_PRIVATELINK_CONFIG, else config/example.json)
  --help          this text`;

interface Options {
  readonly stack: string;
  readonly config?: string;
}

/** The options of `args`, or the exit code when the command line is all there is to answer (--help, a wrong flag). */
function options(args: readonly string[]): Options | number {
  const parsed = parseCommandLine(args, { stack: { type: 'string' }, config: { type: 'string' } }, USAGE, HELP);
  if ('exitCode' in parsed) {
    return parsed.exitCode;
  }
  const { stack, config } = parsed.values;
  if (stack === undefined) {
    throw new ScriptError(`Missing --stack.\n${USAGE}`);
  }
  if (config === '') {
    throw new ScriptError(`--config: "" is not a file name.\n${USAGE}`);
  }
  return { stack, config };
}

function findStack(configFile: string, config: AppConfig, name: string): StackConfig {
  const stack = config.stacks.find((s) => s.name === name);
  if (!stack) {
    throw new ScriptError(
      `--stack: ${JSON.stringify(name)} is not a stack of ${configFile} (it has: ${config.stacks.map((s) => s.name).join(', ')})`,
    );
  }
  if (stack.spokeOf) {
    throw new ScriptError(
      `--stack: ${JSON.stringify(name)} is a spoke of "${stack.spokeOf}"; the check covers stacks with interface endpoints`,
    );
  }
  return stack;
}

/**
 * The config's stacks, built as the app builds them, with their real backends, in a folder of their
 * own; returns the one named. Preflight and `adopt` are left out: reading the state needs neither, and
 * the check must not depend on what `adopt` says now.
 */
function synthesize(configFile: string, config: AppConfig, name: string, workdir: string): EcrPrivateLinkStack {
  const app = new App({ outdir: path.join(workdir, 'cdktf.out'), stackTraces: false });
  const stacks = buildStacks(app, config, configFile, (props) => ({
    ...props,
    preflight: false,
    adopt: undefined,
    projectDirectory: process.cwd(),
  }));
  const errors = synthAllOrNothing(app);
  if (errors.length > 0) {
    throw new ScriptError(`The stack does not synthesize:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
  }
  // findStack refused spokes: the named stack has interface endpoints.
  return stacks.find((stack) => stack.node.id === name) as EcrPrivateLinkStack;
}

/** Where each of the stack's resources would be in AWS, and its address. */
function stackResources(stack: EcrPrivateLinkStack, config: StackConfig): StackResources {
  const address = (resource: TerraformResource) => `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
  const { securityGroup, s3Gateway, interfaceEndpoints } = stack.privateLink;
  return {
    vpcId: config.vpcId,
    securityGroup: { address: address(securityGroup.resource), name: endpointSecurityGroupResourceName(config.namePrefix) },
    s3Gateway: {
      address: address(s3Gateway.resource),
      serviceName: s3GatewayServiceName(config.region),
      routeTableIds: config.privateRouteTableIds,
    },
    interfaceEndpoints: interfaceEndpoints.map((endpoint) => ({
      shortName: endpoint.service.shortName,
      address: address(endpoint.resource),
      serviceName: endpoint.serviceName,
    })),
  };
}

/** What `terraform <args>` prints; a failure names the command without its flags, e.g. `terraform state pull failed`. */
function terraform(cwd: string, ...args: string[]): string {
  const result = runTerraform(cwd, args);
  if (result.status !== 0) {
    const command = args.filter((arg) => !arg.startsWith('-')).join(' ');
    throw new ScriptError(`Cannot read the state: terraform ${command} failed:\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

/**
 * The state's managed resources, read through the stack's own backend (hence `init`). `state pull` prints
 * the state file (format version 4) without the AWS provider, which `show -json` starts just to render the
 * values (~3 s of CPU).
 */
function readState(stackDirectory: string): StateObject[] {
  terraform(stackDirectory, 'init', '-input=false', '-no-color');
  try {
    return stateResources(terraform(stackDirectory, 'state', 'pull', '-no-color'));
  } catch (error) {
    throw error instanceof ScriptError ? error : new ScriptError(`Cannot read the state: ${(error as Error).message}`);
  }
}

/** The VPC's endpoints of the stack's services and its security group of the stack's name. */
async function readAws(
  config: StackConfig,
  resources: StackResources,
): Promise<{ endpoints: AwsVpcEndpoint[]; securityGroups: AwsSecurityGroup[] }> {
  // The SDK warns on Node < 22 about releases after January 2027; the pinned one supports Node 20, and the
  // warning would only clutter the advice (which CI pastes into the job summary). Setting the variable to
  // false shows it.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const client = new EC2Client({ region: config.region });
  const serviceNames = [...resources.interfaceEndpoints.map((e) => e.serviceName), resources.s3Gateway.serviceName];
  try {
    const inVpc = { Name: 'vpc-id', Values: [config.vpcId] };
    const endpoints: AwsVpcEndpoint[] = [];
    for await (const page of paginateDescribeVpcEndpoints(
      { client },
      { Filters: [inVpc, { Name: 'service-name', Values: serviceNames }] },
    )) {
      endpoints.push(
        ...(page.VpcEndpoints ?? []).map((e) => ({
          id: e.VpcEndpointId ?? '',
          type: e.VpcEndpointType ?? '',
          serviceName: e.ServiceName ?? '',
          state: e.State ?? '',
          vpcId: e.VpcId ?? '',
          subnetIds: e.SubnetIds ?? [],
          routeTableIds: e.RouteTableIds ?? [],
          securityGroupIds: (e.Groups ?? []).flatMap((group) => (group.GroupId ? [group.GroupId] : [])),
          creationTime: e.CreationTimestamp?.toISOString(),
        })),
      );
    }
    const securityGroups: AwsSecurityGroup[] = [];
    const groupName = { Name: 'group-name', Values: [resources.securityGroup.name] };
    for await (const page of paginateDescribeSecurityGroups({ client }, { Filters: [inVpc, groupName] })) {
      securityGroups.push(
        ...(page.SecurityGroups ?? []).map((g) => ({ id: g.GroupId ?? '', name: g.GroupName ?? '', vpcId: g.VpcId ?? '' })),
      );
    }
    return { endpoints, securityGroups };
  } catch (error) {
    const { name, message } = error as Error;
    throw new ScriptError(`Cannot read AWS (EC2 in ${config.region}): ${name}: ${message}`);
  } finally {
    client.destroy();
  }
}

export async function main(args: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let workdir: string | undefined;
  try {
    const parsed = options(args);
    if (typeof parsed === 'number') {
      return parsed;
    }
    const { file: configFile, config: appConfig } = readConfigFromFlagOrEnv(parsed.config, env);
    const config = findStack(configFile, appConfig, parsed.stack);
    workdir = mkdtempSync(path.join(tmpdir(), 'ecr-privatelink-orphans-'));
    const stack = synthesize(configFile, appConfig, config.name, workdir);
    const resources = stackResources(stack, config);
    const aws = await readAws(config, resources);
    const state = readState(path.join(workdir, 'cdktf.out', 'stacks', config.name));
    const check = checkOrphans({ stack: resources, state, ...aws, adopt: config.adopt });
    process.stdout.write(
      orphanReport({
        stackName: config.name,
        region: config.region,
        vpcId: config.vpcId,
        configFile,
        configFromFlag: parsed.config !== undefined,
        stateResourceCount: state.length,
        check,
      }),
    );
    return check.orphanCount > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof ScriptError || error instanceof ValidationError) {
      console.error(`orphans: ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    if (workdir) {
      rmSync(workdir, { recursive: true, force: true });
    }
  }
}

if (require.main === module) {
  main().then((code) => {
    process.exitCode = code;
  });
}
