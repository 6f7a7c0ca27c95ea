import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { parse } from '@cdktf/hcl2json';
import { runApp, stackDirectory, tempProject } from '../support/app-process';
import { EXAMPLE_WORLD, FakeAws, FakeAwsWorld, startFakeAws, withWorld } from '../support/fake-aws';
import { MATRIX_WORLD, OPTION_MATRIX, StackVariant } from '../support/option-matrix';
import { synthInProject } from '../support/synth-in-project';
import { describeWithTerraform, PlanJson, PlanMessage, PlanResult, Terraform } from '../support/terraform';

jest.setTimeout(300_000);

/**
 * Every option of the stack, synthesized as JSON and as HCL (`cdktf synth --hcl`, the way off CDKTF),
 * judged by Terraform. To keep this to a few Terraform runs, each synthesized stack is a child module of
 * one test configuration, which configures the AWS provider once for all of them (the stacks are
 * synthesized without their `provider` block; the block itself is planned in the root-level cases below).
 * Terraform ignores a child module's backend, with a warning that names it.
 */

type Syntax = 'json' | 'hcl';
const SYNTAXES: readonly Syntax[] = ['json', 'hcl'];
const STACK_FILE: Record<Syntax, string> = { json: 'cdk.tf.json', hcl: 'cdk.tf' };

const MODULE_VARIANTS = OPTION_MATRIX.filter((variant) => !variant.rootOnly);
const ROOT_VARIANTS = OPTION_MATRIX.filter((variant) => variant.rootOnly);
const BACKEND_VARIANTS = MODULE_VARIANTS.filter((variant) => variant.overrides.backend);
/** Made to fail every precondition: all kinds of them, the most services (EKS), another partition. */
const FAILING_VARIANTS = ['example', 'every_feature', 'china'];
const CHINA = 'china';

const VPC = EXAMPLE_WORLD.vpcs[0].id;
const SUBNET_C = EXAMPLE_WORLD.subnets[1].id;
const OTHER_VPC = 'vpc-0fedcba987654321f';

/** As the config describes it, but with a smaller VPC CIDR: the soft `check` (allowedCidrBlocks inside the VPC) warns. */
const PASSING_WORLD = withWorld(MATRIX_WORLD, (world) => {
  world.vpcs[0].cidrBlocks = ['10.0.0.0/20'];
});
/** Every check of the VPC, the subnets and the route tables fails (so the endpoints are never planned). */
const BROKEN_VPC_WORLD = withWorld(MATRIX_WORLD, (world) => {
  world.vpcs[0].enableDnsHostnames = false;
  world.vpcs.push({ ...world.vpcs[0], id: OTHER_VPC, cidrBlocks: ['10.9.0.0/16'] });
  world.subnets[1] = { ...world.subnets[1], vpcId: OTHER_VPC, availabilityZone: 'ap-northeast-1a' };
  world.routeTables.find((table) => table.id === 'rtb-0a1b2c3d4e5f60003')!.vpcId = OTHER_VPC;
});
/** ecr.dkr is not offered in the second subnet's AZ: only the ecr.dkr endpoint's check fails. */
const BROKEN_SERVICE_WORLD = withWorld(MATRIX_WORLD, (world) => {
  world.endpointServices.filter((service) => service.serviceName.endsWith('.ecr.dkr')).forEach((service) => {
    service.availabilityZones = ['ap-northeast-1a', 'ap-northeast-1d'];
  });
});

const moduleName = (variant: string, syntax: Syntax, suffix = ''): string => `${variant}_${syntax}${suffix}`;

/** Synthesizes `variant` in `syntax` in a project of its own and copies the stack file into each of `folders`; returns the stack's folder. */
function synthInto(folders: readonly string[], variant: StackVariant, syntax: Syntax, provider: boolean): string {
  const stack = synthInProject(tempProject(`matrix-${variant.name}-${syntax}`), variant.overrides, { hcl: syntax === 'hcl', provider });
  for (const folder of folders) {
    mkdirSync(folder, { recursive: true });
    copyFileSync(path.join(stack, STACK_FILE[syntax]), path.join(folder, STACK_FILE[syntax]));
  }
  return stack;
}

/** A root configuration calling `modules` (name to folder and provider), with these provider configurations. */
function writeRoot(folder: string, providers: Record<string, unknown>[], modules: Record<string, { source: string; provider?: string }>): string {
  mkdirSync(folder, { recursive: true });
  const calls = Object.fromEntries(
    Object.entries(modules).map(([name, { source, provider }]) => [name, { source, ...(provider ? { providers: { aws: provider } } : {}) }]),
  );
  writeFileSync(path.join(folder, 'main.tf.json'), JSON.stringify({ provider: { aws: providers }, module: calls }, null, 2));
  return folder;
}

/** Everything Terraform made of one module in a plan, with the module's name taken out of addresses. */
interface ModulePlan {
  readonly changes: Record<string, unknown>;
  readonly dataRead: Record<string, unknown>;
  readonly configuration: unknown;
  readonly checks: Record<string, unknown>;
}

function modulePlan(plan: PlanJson, name: string): ModulePlan {
  const prefix = `module.${name}.`;
  const local = (address: string): string => address.slice(prefix.length);
  const resourceChanges = (plan.resource_changes ?? []).filter((change) => change.module_address === `module.${name}`);
  const priorModules = ((plan.prior_state as any)?.values?.root_module?.child_modules ?? []) as { address: string; resources: { address: string; values: unknown }[] }[];
  const checks = ((plan.checks ?? []) as { address: { module?: string; to_display: string }; status: string; instances?: { problems?: unknown }[] }[]).filter(
    (check) => check.address.module === `module.${name}`,
  );
  const configuration = (plan.configuration as any).root_module.module_calls[name].module;
  return {
    changes: Object.fromEntries(resourceChanges.map((change) => [local(change.address), { actions: change.change.actions, after: change.change.after, afterUnknown: change.change.after_unknown }])),
    dataRead: Object.fromEntries(
      (priorModules.find((module) => module.address === `module.${name}`)?.resources ?? []).map((resource) => [local(resource.address), resource.values]),
    ),
    configuration: comparableConfiguration(configuration, name),
    checks: Object.fromEntries(checks.map((check) => [local(check.address.to_display), { status: check.status, problems: check.instances?.map((i) => i.problems ?? []) }])),
  };
}

/**
 * A module's configuration as Terraform read it, without what differs only by syntax: the provider key
 * names the module, and where the JSON syntax holds a template (`${...}`), Terraform also shows the JSON
 * text as a `constant_value`, while for HCL it shows only the references (none, for `toset([...])`).
 * What the templates evaluate to is compared through the plan itself.
 */
function comparableConfiguration(configuration: unknown, name: string): unknown {
  const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
  return JSON.parse(JSON.stringify(configuration).replaceAll(`module.${name}:`, 'module:'), (_key, value) => {
    if (!isObject(value)) {
      return value;
    }
    const template = 'references' in value || (typeof value.constant_value === 'string' && value.constant_value.includes('${'));
    return Object.fromEntries(
      Object.entries(value).filter(([key, inner]) => !(template && key === 'constant_value') && !(isObject(inner) && Object.keys(inner).length === 0)),
    );
  });
}

/**
 * The diagnostics of a failed plan about module `name` (by its folder: Terraform names no module in a
 * precondition's diagnostic), as `summary: message`. Warnings about the ignored backend are left out.
 */
function moduleDiagnostics(messages: PlanMessage[], name: string): string[] {
  return messages
    .filter((message) => message.diagnostic?.range?.filename.startsWith(`../modules/${name}/`))
    .filter((message) => message.diagnostic!.summary !== 'Backend configuration ignored')
    .map((message) => `${message.diagnostic!.summary}: ${message.diagnostic!.detail}`)
    .sort();
}

/** Blocks as `@cdktf/hcl2json` gives them ([{...}]) and as the JSON syntax holds them ({...}), made alike. */
function unwrapBlocks(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.length === 1 && typeof value[0] === 'object' && value[0] !== null && !Array.isArray(value[0]) ? unwrapBlocks(value[0]) : value.map(unwrapBlocks);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, unwrapBlocks(inner)]));
  }
  return value;
}

describeWithTerraform('Every option as JSON and as HCL (`cdktf synth --hcl`), judged by Terraform', (terraformFor) => {
  let terraform: Terraform;
  let work: string;
  let validated: { valid: boolean; diagnostics: { severity: string; summary: string; range?: { filename: string } }[] };
  let passing: PlanResult;
  let failing: { code: number; messages: PlanMessage[] };
  const roots: Record<string, Partial<Record<Syntax, { code: number; messages: PlanMessage[] }>>> = {};
  const fakes: FakeAws[] = [];

  /** A fake AWS holding `world`, closed after the suite. */
  async function fake(world: FakeAwsWorld): Promise<string> {
    const started = await startFakeAws(world);
    fakes.push(started);
    return started.url;
  }

  beforeAll(async () => {
    terraform = terraformFor();
    work = tempProject('option-matrix');
    // A folder per module call (the failing variants have three), so a diagnostic's file names its module.
    const modules = (name: string, syntax: Syntax) =>
      ['', ...(FAILING_VARIANTS.includes(name) ? ['_vpc', '_services'] : [])].map((suffix) => path.join(work, 'modules', moduleName(name, syntax, suffix)));
    for (const variant of MODULE_VARIANTS) {
      for (const syntax of SYNTAXES) {
        synthInto(modules(variant.name, syntax), variant, syntax, false);
      }
    }
    // Planned where synthesized, so that each has its own (empty) local state next to its project.
    const rootFolders = ROOT_VARIANTS.flatMap((variant) =>
      SYNTAXES.map((syntax) => ({ variant: variant.name, syntax, folder: synthInto([], variant, syntax, true) })),
    );
    const [passingUrl, vpcUrl, serviceUrl] = await Promise.all([fake(PASSING_WORLD), fake(BROKEN_VPC_WORLD), fake(BROKEN_SERVICE_WORLD)]);
    const endpoints = (url: string) => ({ endpoints: [{ ec2: url, sts: url }] });
    const source = (variant: string, syntax: Syntax, suffix = '') => `../modules/${moduleName(variant, syntax, suffix)}`;
    // cn-north-1 needs a provider of its own; the others use the default one, or `services`.
    const providerOf = (variant: string, services = false) =>
      services ? (variant === CHINA ? 'aws.china_services' : 'aws.services') : variant === CHINA ? 'aws.china' : undefined;

    const passingRoot = writeRoot(
      path.join(work, 'passing'),
      [{ region: 'ap-northeast-1' }, { alias: 'china', region: 'cn-north-1' }],
      Object.fromEntries(
        MODULE_VARIANTS.flatMap((variant) =>
          SYNTAXES.map((syntax) => [moduleName(variant.name, syntax), { source: source(variant.name, syntax), provider: providerOf(variant.name) }]),
        ),
      ),
    );
    // Two broken worlds in one plan: the default provider reaches one fake, the `services` ones another.
    const failingRoot = writeRoot(
      path.join(work, 'failing'),
      [
        { region: 'ap-northeast-1' },
        { alias: 'china', region: 'cn-north-1' },
        { alias: 'services', region: 'ap-northeast-1', ...endpoints(serviceUrl) },
        { alias: 'china_services', region: 'cn-north-1', ...endpoints(serviceUrl) },
      ],
      Object.fromEntries(
        FAILING_VARIANTS.flatMap((variant) =>
          SYNTAXES.flatMap((syntax) => [
            [moduleName(variant, syntax, '_vpc'), { source: source(variant, syntax, '_vpc'), provider: providerOf(variant) }],
            [moduleName(variant, syntax, '_services'), { source: source(variant, syntax, '_services'), provider: providerOf(variant, true) }],
          ]),
        ),
      ),
    );

    await Promise.all([passingRoot, failingRoot, ...rootFolders.map((root) => root.folder)].map((folder) => terraform.expect([0], folder, 'init', '-input=false')));
    const againstPassing = terraform.against(passingUrl);
    [validated, passing, failing] = await Promise.all([
      againstPassing.expect([0], passingRoot, 'validate', '-json').then((result) => JSON.parse(result.stdout)),
      againstPassing.plan(passingRoot, '-input=false'),
      terraform.against(vpcUrl).planMessages(failingRoot, '-lock=false'),
      ...rootFolders.map(async ({ variant, syntax, folder }) => {
        const planned = await terraform.planMessages(folder);
        (roots[variant] ??= {})[syntax] = planned;
      }),
    ]);
  });

  afterAll(() => Promise.all(fakes.map((started) => started.close())));

  test('GIVEN every option as JSON and as HCL WHEN `terraform validate` runs THEN both are valid, and Terraform read every backend block', () => {
    expect(validated.valid).toBe(true);
    // Terraform only warns, for each local or S3 backend, that a child module's backend is ignored.
    expect(new Set(validated.diagnostics.map((d) => `${d.severity}: ${d.summary}`))).toEqual(new Set(['warning: Backend configuration ignored']));
    const warned = new Set(validated.diagnostics.map((d) => d.range?.filename));
    for (const variant of MODULE_VARIANTS.filter((v) => v.overrides.backend?.type !== 'cloud')) {
      for (const syntax of SYNTAXES) {
        expect(warned).toContain(`../modules/${moduleName(variant.name, syntax)}/${STACK_FILE[syntax]}`);
      }
    }
  });

  test.each(MODULE_VARIANTS.map((variant) => variant.name))(
    'GIVEN the %s variant WHEN planned THEN the HCL plans exactly what the JSON plans: changes, data read, configuration, checks',
    (name) => {
      const json = modulePlan(passing.json, moduleName(name, 'json'));
      const hcl = modulePlan(passing.json, moduleName(name, 'hcl'));
      expect(Object.keys(json.changes).length).toBeGreaterThanOrEqual(4);
      expect(hcl.changes).toEqual(json.changes);
      expect(hcl.dataRead).toEqual(json.dataRead);
      expect(hcl.configuration).toEqual(json.configuration);
      expect(hcl.checks).toEqual(json.checks);
    },
  );

  test('GIVEN the example WHEN planned THEN exactly the security group and three endpoints are created, and the HCL keeps the preflight', () => {
    const { changes, checks, dataRead } = modulePlan(passing.json, moduleName('example', 'hcl'));
    expect(Object.fromEntries(Object.entries(changes).map(([address, change]) => [address, (change as { actions: string[] }).actions]))).toEqual({
      'aws_security_group.sample-ecr-privatelink': ['create'],
      'aws_vpc_endpoint.sample-ecr-api': ['create'],
      'aws_vpc_endpoint.sample-ecr-dkr': ['create'],
      'aws_vpc_endpoint.sample-s3': ['create'],
    });
    // The data sources looked up what they name (cdktf's own HCL wrote none of their arguments) ...
    expect(dataRead[`data.aws_subnet.sample-preflight-subnets["${SUBNET_C}"]`]).toMatchObject({ id: SUBNET_C, vpc_id: VPC });
    // ... the preconditions were evaluated (cdktf's own HCL wrote them as an attribute, which Terraform refuses) ...
    expect(checks['aws_security_group.sample-ecr-privatelink']).toEqual({ status: 'pass', problems: [[]] });
    // ... and the `check` block (which cdktf's own HCL dropped) warns: 10.0.0.0/16 is wider than this VPC.
    expect(JSON.stringify(checks['check.sample-preflight-allowed-cidrs-in-vpc'])).toContain(
      `allowedCidrBlocks 10.0.0.0/16 lie outside VPC ${VPC}'s CIDR blocks (10.0.0.0/20)`,
    );
  });

  test('GIVEN every optional feature WHEN planned THEN the policies render from the data sources and everything is created', () => {
    const { changes } = modulePlan(passing.json, moduleName('every_feature', 'json'));
    const all = Object.values(changes) as { actions: string[]; after: { policy?: string } }[];
    expect(all.every((change) => change.actions.join() === 'create')).toBe(true);
    expect(all).toHaveLength(1 + 8 + 2);
    const policy = (address: string) => JSON.parse((changes[address] as { after: { policy: string } }).after.policy);
    expect(policy('aws_vpc_endpoint.sample-s3').Statement[0]).toMatchObject({
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::prod-ap-northeast-1-starport-layer-bucket/*',
    });
    expect(policy('aws_vpc_endpoint.sample-ecr-api').Statement[0].Condition).toEqual({
      StringEquals: { 'aws:PrincipalAccount': EXAMPLE_WORLD.accountId },
    });
  });

  test.each(FAILING_VARIANTS.flatMap((variant) => [[variant, '_vpc'], [variant, '_services']]))(
    'GIVEN AWS that fails the preflight WHEN the %s variant is planned (world %s) THEN the HCL stops the plan with the JSON\'s messages',
    (variant, world) => {
      expect(failing.code).toBe(1);
      const json = moduleDiagnostics(failing.messages, moduleName(variant, 'json', world));
      const hcl = moduleDiagnostics(failing.messages, moduleName(variant, 'hcl', world));
      expect(json.filter((line) => line.includes('Resource precondition failed'))).toHaveLength(world === '_vpc' ? 4 : 1);
      expect(hcl).toEqual(json);
      if (world === '_vpc') {
        // The message whose quotes cdktf's own HCL left unescaped.
        expect(hcl.join('\n')).toContain(`aws ec2 modify-vpc-attribute --vpc-id ${VPC} --enable-dns-hostnames '{"Value":true}'.`);
      }
    },
  );

  test.each(BACKEND_VARIANTS.map((variant) => variant.name))(
    'GIVEN the %s variant THEN the HCL `terraform` block (backend, required providers) is the JSON one, argument for argument',
    async (name) => {
      const folder = (syntax: Syntax) => path.join(work, 'modules', moduleName(name, syntax));
      const json = JSON.parse(readFileSync(path.join(folder('json'), STACK_FILE.json), 'utf8'));
      const hcl = await parse(STACK_FILE.hcl, readFileSync(path.join(folder('hcl'), STACK_FILE.hcl), 'utf8'));
      expect(unwrapBlocks(hcl.terraform)).toEqual(unwrapBlocks(json.terraform));
    },
  );

  test.each(ROOT_VARIANTS.map((variant) => variant.name))(
    'GIVEN the %s variant (import blocks, root module only) WHEN planned as the root THEN the HCL imports and changes what the JSON does',
    (name) => {
      const changes = (syntax: Syntax) => {
        const { messages } = roots[name][syntax]!;
        const planned = messages.filter((m) => m.type === 'planned_change').map((m) => m.change!);
        return [...planned.sort((a, b) => a.resource.addr.localeCompare(b.resource.addr)), messages.find((m) => m.type === 'change_summary')?.changes];
      };
      expect(roots[name].json?.code).toBe(0);
      expect(roots[name].hcl?.code).toBe(0);
      expect(changes('json').at(-1)).toMatchObject({ import: 4, add: 0, change: 0, remove: 0 });
      expect(changes('hcl')).toEqual(changes('json'));
    },
  );

  test('GIVEN config/example.json WHEN the app runs as `cdktf synth --hcl` runs it (SYNTH_HCL_OUTPUT=true) THEN it writes the HCL tested here', async () => {
    const project = tempProject('app-hcl');
    const app = await runApp(project, undefined, { SYNTH_HCL_OUTPUT: 'true' });
    expect(app.code).toBe(0);
    const tested = synthInProject(tempProject('synth-hcl'), {}, { hcl: true });
    expect(readFileSync(path.join(stackDirectory(project, 'sample'), 'cdk.tf'), 'utf8')).toBe(readFileSync(path.join(tested, 'cdk.tf'), 'utf8'));
  });

  test('GIVEN the plans THEN the provider is the pinned 5.100.0', async () => {
    const result = await terraform.expect([0], path.join(work, 'passing'), 'version', '-json');
    expect(JSON.parse(result.stdout).provider_selections).toEqual({ 'registry.terraform.io/hashicorp/aws': '5.100.0' });
  });
});
