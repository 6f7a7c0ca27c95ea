import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { parse } from '@cdktf/hcl2json';
import { runApp, stackDirectory, tempProject } from '../support/app-process';
import { EXAMPLE_WORLD, FakeAws, FakeAwsWorld, startFakeAws, withWorld } from '../support/fake-aws';
import {
  moduleChanges,
  moduleDiagnostics,
  providerWithKey,
  STACK_FILE,
  synthModule,
  worldAccessKey,
  writeRoot,
} from '../support/module-root';
import { HUB_AND_SPOKES_CONFIG, HUB_WORLD, TEAM_B_VPC } from '../support/hub-and-spoke';
import { MATRIX_WORLD, OPTION_MATRIX } from '../support/option-matrix';
import { synthInProject } from '../support/synth-in-project';
import { describeWithTerraform, PlanJson, PlanMessage, PlanResult, Terraform } from '../support/terraform';

jest.setTimeout(300_000);

/**
 * Every option of the stack, synthesized as JSON and as HCL (`cdktf synth --hcl`, the way off CDKTF),
 * judged by Terraform: valid, and the HCL plans exactly what the JSON plans. Each synthesized stack is a
 * child module of one test configuration (see support/module-root.ts), so all of them take three
 * Terraform runs: validate, a plan against AWS as configured, a plan against AWS that fails the preflight.
 * A hub with two spokes, as the app writes it from a config, is a fourth configuration (validated and
 * planned beside the others). The `adopt` variant has import blocks, which only a root module may have:
 * see adopt.test.ts.
 */

type Syntax = 'json' | 'hcl';
const SYNTAXES: readonly Syntax[] = ['json', 'hcl'];

const VARIANTS = OPTION_MATRIX.filter((variant) => !variant.rootOnly);
const BACKEND_VARIANTS = VARIANTS.filter((variant) => variant.overrides.backend);
/** Made to fail every precondition: all kinds of them, the most services (EKS), another partition, IPv6's own. */
const FAILING_VARIANTS = ['example', 'every_feature', 'china', 'dual_stack'];
/** The variants planned against an AWS of their own, each through a provider signing with its world's key. */
const OWN_WORLDS = VARIANTS.filter((variant) => variant.world);
const ownWorldProvider = (variant: string): string => `world_${variant}`;
const CHINA = 'china';

const VPC = EXAMPLE_WORLD.vpcs[0].id;
const [SUBNET_A, SUBNET_C] = EXAMPLE_WORLD.subnets.map((subnet) => subnet.id);
const ROUTE_TABLE = 'rtb-0a1b2c3d4e5f60003';
const OTHER_VPC = 'vpc-0fedcba987654321f';
const AZS = ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'];

/** As the config describes it, but with a smaller VPC CIDR: the soft `check` (allowedCidrBlocks inside the VPC) warns. */
const PASSING_WORLD = withWorld(MATRIX_WORLD, (world) => {
  world.vpcs[0].cidrBlocks = ['10.0.0.0/20'];
});
/** Every check of the VPC, the subnets and the route tables fails (so the interface endpoints are never planned). */
const BROKEN_VPC_WORLD = withWorld(MATRIX_WORLD, (world) => {
  world.vpcs[0].enableDnsHostnames = false;
  world.vpcs.push({ ...world.vpcs[0], id: OTHER_VPC, cidrBlocks: ['10.9.0.0/16'] });
  world.subnets[1] = { ...world.subnets[1], vpcId: OTHER_VPC, availabilityZone: 'ap-northeast-1a' };
  world.routeTables.find((table) => table.id === ROUTE_TABLE)!.vpcId = OTHER_VPC;
});
/** ecr.dkr is not offered in the second subnet's AZ: only the ecr.dkr endpoint's check fails. */
const BROKEN_SERVICE_WORLD = withWorld(MATRIX_WORLD, (world) => {
  world.endpointServices
    .filter((service) => service.serviceName.endsWith('.ecr.dkr'))
    .forEach((service) => {
      service.availabilityZones = ['ap-northeast-1a', 'ap-northeast-1d'];
    });
});

/** The stacks of a hub with two spokes, one in another account, as the app writes them from a config. */
const HUB_STACKS = HUB_AND_SPOKES_CONFIG.stacks.map((stack) => stack.name);
const HUB_ROOT = 'hub_and_spokes';

const moduleName = (variant: string, syntax: Syntax, world = ''): string => `${variant}_${syntax}${world}`;
const moduleFolder = (name: string): string => `../modules/${name}`;
const hubModuleName = (stack: string, syntax: Syntax): string => moduleName(`${HUB_ROOT}_${stack.replace('-', '_')}`, syntax);

/** Everything Terraform made of one module in a plan, with the module's name taken out of addresses. */
interface ModulePlan {
  readonly changes: Record<string, unknown>;
  readonly dataRead: Record<string, Record<string, unknown>>;
  readonly configuration: unknown;
  readonly checks: Record<string, { status: string; problems?: unknown[] }>;
}

function modulePlan(plan: PlanJson, name: string): ModulePlan {
  const address = `module.${name}`;
  const local = (full: string): string => full.slice(address.length + 1);
  const priorModules = ((plan.prior_state as any)?.values?.root_module?.child_modules ?? []) as {
    address: string;
    resources: { address: string; values: Record<string, unknown> }[];
  }[];
  const checks = (plan.checks ?? []) as {
    address: { module?: string; to_display: string };
    status: string;
    instances?: { problems?: unknown }[];
  }[];
  return {
    changes: moduleChanges(plan, name),
    dataRead: Object.fromEntries(
      (priorModules.find((module) => module.address === address)?.resources ?? []).map((resource) => [
        local(resource.address),
        resource.values,
      ]),
    ),
    configuration: comparableConfiguration((plan.configuration as any).root_module.module_calls[name].module, name),
    checks: Object.fromEntries(
      checks
        .filter((check) => check.address.module === address)
        .map((check) => [
          local(check.address.to_display),
          { status: check.status, problems: check.instances?.map((i) => i.problems ?? []) },
        ]),
    ),
  };
}

/**
 * A module's configuration as Terraform read it, without what differs only by syntax: the provider key
 * names the module, and where the JSON syntax holds a template (`${...}`), Terraform also shows the JSON
 * text as a `constant_value`, while for HCL it shows only the references (none, for `toset([...])`).
 * What the templates evaluate to is compared through the plan itself.
 */
function comparableConfiguration(configuration: unknown, name: string): unknown {
  const isObject = (value: unknown): value is Record<string, unknown> =>
    value !== null && typeof value === 'object' && !Array.isArray(value);
  return JSON.parse(JSON.stringify(configuration).replaceAll(`module.${name}:`, 'module:'), (_key, value) => {
    if (!isObject(value)) {
      return value;
    }
    const template = 'references' in value || (typeof value.constant_value === 'string' && value.constant_value.includes('${'));
    return Object.fromEntries(
      Object.entries(value).filter(
        ([key, inner]) => !(template && key === 'constant_value') && !(isObject(inner) && Object.keys(inner).length === 0),
      ),
    );
  });
}

/** Blocks as `@cdktf/hcl2json` gives them ([{...}]) and as the JSON syntax holds them ({...}), made alike. */
function unwrapBlocks(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.length === 1 && typeof value[0] === 'object' && value[0] !== null && !Array.isArray(value[0])
      ? unwrapBlocks(value[0])
      : value.map(unwrapBlocks);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, unwrapBlocks(inner)]));
  }
  return value;
}

/** `terraform validate -json` output. */
interface Validation {
  readonly valid: boolean;
  readonly diagnostics: readonly { severity: string; summary: string; range?: { filename: string } }[];
}

/** Valid, and Terraform only warns, for each local or S3 backend, that a child module's backend is ignored. */
function expectValidButForIgnoredBackends(validation: Validation): void {
  expect(validation.valid).toBe(true);
  expect(new Set(validation.diagnostics.map((d) => `${d.severity}: ${d.summary}`))).toEqual(
    new Set(['warning: Backend configuration ignored']),
  );
}

/** Module `hclModule` plans exactly what `jsonModule` plans (at least `minChanges` changes): changes, data read, configuration, checks. */
function expectHclPlannedAsJson(plan: PlanJson, jsonModule: string, hclModule: string, minChanges: number): void {
  const json = modulePlan(plan, jsonModule);
  const hcl = modulePlan(plan, hclModule);
  expect(Object.keys(json.changes).length).toBeGreaterThanOrEqual(minChanges);
  expect(hcl.changes).toEqual(json.changes);
  expect(hcl.dataRead).toEqual(json.dataRead);
  expect(hcl.configuration).toEqual(json.configuration);
  expect(hcl.checks).toEqual(json.checks);
}

describeWithTerraform('Every option as JSON and as HCL (`cdktf synth --hcl`), judged by Terraform', (terraformFor) => {
  let terraform: Terraform;
  let work: string;
  let validated: Validation;
  let passing: PlanResult;
  let failing: { code: number; messages: PlanMessage[] };
  let hubValidated: Validation;
  let hubPlan: PlanResult;
  let passingFake: FakeAws;
  const fakes: FakeAws[] = [];

  async function fake(world: FakeAwsWorld, byAccessKey: Record<string, FakeAwsWorld> = {}): Promise<FakeAws> {
    const started = await startFakeAws(world, byAccessKey);
    fakes.push(started);
    return started;
  }

  beforeAll(async () => {
    terraform = terraformFor();
    work = tempProject('option-matrix');
    // A folder per module call (the failing variants have three), so a diagnostic's file names its module.
    for (const variant of VARIANTS) {
      for (const syntax of SYNTAXES) {
        const worlds = ['', ...(FAILING_VARIANTS.includes(variant.name) ? ['_vpc', '_services'] : [])];
        synthModule(
          worlds.map((world) => path.join(work, 'modules', moduleName(variant.name, syntax, world))),
          variant.overrides,
          { hcl: syntax === 'hcl' },
        );
      }
    }
    // The broken worlds share one fake: the `services` providers sign with the key of the second world.
    const [passingAws, brokenAws] = await Promise.all([
      fake(PASSING_WORLD, Object.fromEntries(OWN_WORLDS.map((variant, i) => [worldAccessKey(10 + i), variant.world!]))),
      fake(BROKEN_VPC_WORLD, { [worldAccessKey(1)]: BROKEN_SERVICE_WORLD }),
    ]);
    passingFake = passingAws;
    // cn-north-1 needs a provider configuration of its own; so does a variant's own AWS (not in the broken worlds).
    const defaultProvider = (variant: string, world: string) =>
      variant === CHINA
        ? 'aws.china'
        : !world && OWN_WORLDS.some((v) => v.name === variant)
          ? `aws.${ownWorldProvider(variant)}`
          : undefined;
    const call = (variant: string, syntax: Syntax, world = '', provider = defaultProvider(variant, world)) => [
      moduleName(variant, syntax, world),
      { source: moduleFolder(moduleName(variant, syntax, world)), provider },
    ];
    const passingRoot = writeRoot(
      path.join(work, 'passing'),
      [
        { region: 'ap-northeast-1' },
        { alias: 'china', region: 'cn-north-1' },
        ...OWN_WORLDS.map((variant, i) => providerWithKey(worldAccessKey(10 + i), ownWorldProvider(variant.name))),
      ],
      Object.fromEntries(VARIANTS.flatMap((variant) => SYNTAXES.map((syntax) => call(variant.name, syntax)))),
    );
    // Both broken worlds in one plan: the default providers see one, the `services` ones the other.
    const failingRoot = writeRoot(
      path.join(work, 'failing'),
      [
        { region: 'ap-northeast-1' },
        { alias: 'china', region: 'cn-north-1' },
        providerWithKey(worldAccessKey(1), 'services'),
        providerWithKey(worldAccessKey(1), 'china_services', 'cn-north-1'),
      ],
      Object.fromEntries(
        FAILING_VARIANTS.flatMap((variant) =>
          SYNTAXES.flatMap((syntax) => [
            call(variant, syntax, '_vpc'),
            call(variant, syntax, '_services', variant === CHINA ? 'aws.china_services' : 'aws.services'),
          ]),
        ),
      ),
    );

    const [hubRoot, hubAws] = await Promise.all([hubAndSpokesRoot(), fake(HUB_WORLD)]);

    await Promise.all([passingRoot, failingRoot, hubRoot].map((root) => terraform.expect([0], root, 'init', '-input=false')));
    const validate = (root: string) => terraform.expect([0], root, 'validate', '-json').then((result) => JSON.parse(result.stdout));
    [validated, passing, failing, hubValidated, hubPlan] = await Promise.all([
      validate(passingRoot),
      terraform.against(passingAws.url).plan(passingRoot),
      terraform.against(brokenAws.url).planMessages(failingRoot),
      validate(hubRoot),
      terraform.against(hubAws.url).plan(hubRoot),
    ]);
  });

  afterAll(() => Promise.all(fakes.map((started) => started.close())));

  /**
   * The hub-and-spokes config synthesized by the app as JSON and as HCL, each stack a module of one root.
   * The modules keep their own provider blocks (the hub's second one assumes a role in team-b's account),
   * which Terraform allows in a module called without `count` or `for_each`.
   */
  async function hubAndSpokesRoot(): Promise<string> {
    const config = path.join(work, 'hub.json');
    writeFileSync(config, JSON.stringify(HUB_AND_SPOKES_CONFIG));
    const modules: Record<string, { source: string }> = {};
    await Promise.all(
      SYNTAXES.map(async (syntax) => {
        const project = tempProject(`hub-${syntax}`);
        const synth = await runApp(project, config, { SYNTH_HCL_OUTPUT: String(syntax === 'hcl') });
        expect(synth.stderr).toBe('');
        for (const stack of HUB_STACKS) {
          const name = hubModuleName(stack, syntax);
          mkdirSync(path.join(work, 'modules', name), { recursive: true });
          copyFileSync(path.join(stackDirectory(project, stack), STACK_FILE[syntax]), path.join(work, 'modules', name, STACK_FILE[syntax]));
          modules[name] = { source: moduleFolder(name) };
        }
      }),
    );
    return writeRoot(path.join(work, HUB_ROOT), [], modules);
  }

  test('GIVEN every option as JSON and as HCL WHEN `terraform validate` runs THEN both are valid, and Terraform read every backend block', () => {
    expectValidButForIgnoredBackends(validated);
    const warned = new Set(validated.diagnostics.map((d) => d.range?.filename));
    for (const variant of VARIANTS.filter((v) => v.overrides.backend?.type !== 'cloud')) {
      for (const syntax of SYNTAXES) {
        expect(warned).toContain(`${moduleFolder(moduleName(variant.name, syntax))}/${STACK_FILE[syntax]}`);
      }
    }
  });

  test.each(VARIANTS.map((variant) => variant.name))(
    'GIVEN the %s variant WHEN planned THEN the HCL plans exactly what the JSON plans: changes, data read, configuration, checks',
    (name) => expectHclPlannedAsJson(passing.json, moduleName(name, 'json'), moduleName(name, 'hcl'), 4),
  );

  test('GIVEN a hub and its spokes as the app writes them, as JSON and as HCL, WHEN `terraform validate` runs THEN both are valid with no warning but the ignored backends', () => {
    expectValidButForIgnoredBackends(hubValidated);
  });

  test.each(HUB_STACKS)(
    'GIVEN stack %s of a hub with two spokes WHEN planned THEN the HCL plans exactly what the JSON plans: changes, data read, configuration, checks',
    (stack) => expectHclPlannedAsJson(hubPlan.json, hubModuleName(stack, 'json'), hubModuleName(stack, 'hcl'), 1),
  );

  test("GIVEN the hub as HCL WHEN planned THEN team-b's zone associations go through the provider assuming team-b's role", () => {
    const hub = (hubPlan.json.configuration as any).root_module.module_calls[hubModuleName('hub', 'hcl')].module;
    const association = hub.resources.find(
      (resource: { address: string }) => resource.address === `aws_route53_zone_association.hub-ecr-dkr-${TEAM_B_VPC}`,
    );
    expect(association.provider_config_key).toBe(`module.${hubModuleName('hub', 'hcl')}:aws.spoke-210987654321-hub-zone-association`);
    expect(
      moduleChanges(hubPlan.json, hubModuleName('hub', 'hcl'))[`aws_route53_zone_association.hub-ecr-dkr-${TEAM_B_VPC}`].actions,
    ).toEqual(['create']);
  });

  test('GIVEN the example WHEN planned THEN exactly the security group and three endpoints are created, and the HCL keeps the preflight', () => {
    const { changes, checks, dataRead } = modulePlan(passing.json, moduleName('example', 'hcl'));
    expect(
      Object.fromEntries(Object.entries(changes).map(([address, change]) => [address, (change as { actions: string[] }).actions])),
    ).toEqual({
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

  test('GIVEN the fake AWS WHEN the preflight data sources are read THEN each holds what the world says, read with the calls AWS would get', () => {
    const { dataRead } = modulePlan(passing.json, moduleName('example', 'json'));
    expect(dataRead['data.aws_vpc.sample-preflight-vpc']).toMatchObject({
      id: VPC,
      enable_dns_support: true,
      enable_dns_hostnames: true,
      cidr_block_associations: [expect.objectContaining({ cidr_block: '10.0.0.0/20' })],
      main_route_table_id: 'rtb-0a1b2c3d4e5f6000a',
    });
    expect(dataRead[`data.aws_subnet.sample-preflight-subnets["${SUBNET_A}"]`]).toMatchObject({
      vpc_id: VPC,
      cidr_block: '10.0.0.0/24',
      availability_zone: 'ap-northeast-1a',
      availability_zone_id: 'apne1-az1',
    });
    expect(dataRead[`data.aws_subnet.sample-preflight-subnets["${SUBNET_C}"]`]).toMatchObject({
      vpc_id: VPC,
      cidr_block: '10.0.1.0/24',
      availability_zone: 'ap-northeast-1c',
      availability_zone_id: 'apne1-az3',
    });
    expect(dataRead[`data.aws_route_table.sample-preflight-route-tables["${ROUTE_TABLE}"]`]).toMatchObject({ vpc_id: VPC });
    expect(dataRead['data.aws_vpc_endpoint_service.sample-preflight-services["com.amazonaws.ap-northeast-1.ecr.dkr"]']).toMatchObject({
      service_type: 'Interface',
      availability_zones: AZS,
    });
    expect(modulePlan(passing.json, moduleName('every_feature', 'json')).dataRead['data.aws_caller_identity.sample-current']).toMatchObject(
      {
        account_id: EXAMPLE_WORLD.accountId,
      },
    );
    // What provider 5.100.0 calls for these data sources (and for its own identity check).
    expect([...new Set(passingFake.requests)].sort()).toEqual([
      'DescribeRouteTables',
      'DescribeSubnets',
      'DescribeVpcAttribute',
      'DescribeVpcEndpointServices',
      'DescribeVpcs',
      'GetCallerIdentity',
    ]);
  });

  test('GIVEN every optional feature WHEN planned THEN the policies render from the data sources and everything is created', () => {
    const changes = moduleChanges(passing.json, moduleName('every_feature', 'json'));
    const all = Object.values(changes);
    expect(all.every((change) => change.actions.join() === 'create')).toBe(true);
    expect(all).toHaveLength(1 + 8 + 2);
    const policy = (address: string) => JSON.parse((changes[address].after as { policy: string }).policy);
    expect(policy('aws_vpc_endpoint.sample-s3').Statement[0]).toMatchObject({
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::prod-ap-northeast-1-starport-layer-bucket/*',
    });
    expect(policy('aws_vpc_endpoint.sample-ecr-api').Statement[0].Condition).toEqual({
      StringEquals: { 'aws:PrincipalAccount': EXAMPLE_WORLD.accountId },
    });
  });

  test.each(
    FAILING_VARIANTS.flatMap((variant) => [
      [variant, '_vpc'],
      [variant, '_services'],
    ]),
  )(
    "GIVEN AWS that fails the preflight WHEN the %s variant is planned (world %s) THEN the HCL stops the plan with the JSON's messages",
    (variant, world) => {
      expect(failing.code).toBe(1);
      const json = moduleDiagnostics(failing.messages, moduleFolder(moduleName(variant, 'json', world)));
      const hcl = moduleDiagnostics(failing.messages, moduleFolder(moduleName(variant, 'hcl', world)));
      const failed = json.filter((line) => line.startsWith('error: Resource precondition failed'));
      if (variant === 'dual_stack') {
        // Neither broken world has IPv6 blocks on its subnets nor IPv6 on its services.
        expect(failed.join('\n')).toMatch(/IPv6/);
      } else {
        expect(failed).toHaveLength(world === '_vpc' ? 4 : 1);
      }
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
      const file = (syntax: Syntax) => path.join(work, 'modules', moduleName(name, syntax), STACK_FILE[syntax]);
      const json = JSON.parse(readFileSync(file('json'), 'utf8'));
      const hcl = await parse(STACK_FILE.hcl, readFileSync(file('hcl'), 'utf8'));
      expect(unwrapBlocks(hcl.terraform)).toEqual(unwrapBlocks(json.terraform));
    },
  );

  test('GIVEN config/example.json WHEN the app runs as `cdktf synth --hcl` runs it (SYNTH_HCL_OUTPUT=true) THEN it writes the HCL tested here, provider block included', async () => {
    const project = tempProject('app-hcl');
    const app = await runApp(project, undefined, { SYNTH_HCL_OUTPUT: 'true' });
    expect(app.code).toBe(0);
    const tested = synthInProject(tempProject('synth-hcl'), {}, { hcl: true });
    const written = readFileSync(path.join(stackDirectory(project, 'sample'), STACK_FILE.hcl), 'utf8');
    expect(written).toBe(readFileSync(path.join(tested, STACK_FILE.hcl), 'utf8'));
    expect(written).toContain('provider "aws" {\nregion = "ap-northeast-1"\n}');
  });

  test('GIVEN the plans THEN the provider is the pinned 5.100.0', async () => {
    const result = await terraform.expect([0], path.join(work, 'passing'), 'version', '-json');
    expect(JSON.parse(result.stdout).provider_selections).toEqual({ 'registry.terraform.io/hashicorp/aws': '5.100.0' });
  });

  test('GIVEN an S3 backend on an S3-compatible store WHEN `terraform init` runs THEN Terraform takes the endpoint and path style, and calls that endpoint', async () => {
    const endpoint = 'http://127.0.0.1:9'; // the discard port: nothing answers
    const dir = synthInProject(tempProject('backend-endpoint'), {
      backend: {
        type: 's3',
        bucket: 'tf-state',
        key: 'k',
        region: 'ap-northeast-1',
        encrypt: true,
        useLockfile: true,
        endpoint,
        usePathStyle: true,
      },
    });
    const result = await terraform.run(dir, 'init', '-input=false', '-no-color');
    const output = result.stdout + result.stderr;
    expect(result.code).not.toBe(0);
    expect(output).not.toMatch(/Unsupported argument|Invalid .*argument/);
    // Path style: the bucket is in the URL's path, on the configured host.
    expect(output).toContain(`${endpoint}/tf-state`);
  });
});
