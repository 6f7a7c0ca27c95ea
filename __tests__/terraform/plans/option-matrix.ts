import { readFileSync } from 'fs';
import * as path from 'path';
import { parse } from '@cdktf/hcl2json';
import { runApp, stackDirectory, tempProject } from '../../support/app-process';
import { EXAMPLE_WORLD, withWorld } from '../../support/fake-aws';
import { moduleChanges, moduleDiagnostics, STACK_FILE, synthModule } from '../../support/module-root';
import { MATRIX_WORLD, OPTION_MATRIX } from '../../support/option-matrix';
import { moduleSource } from '../../support/shared-root';
import { synthInProject } from '../../support/synth-in-project';
import { diagnosticKinds, expectHclPlannedAsJson, modulePlan } from './module-plan';
import { PlanTopic } from './plan-topic';

/**
 * Every option of the stack, synthesized as JSON and as HCL (`cdktf synth --hcl`, the way off CDKTF),
 * judged by Terraform: the HCL plans exactly what the JSON plans, against AWS as configured and against
 * AWS that fails the preflight. The `adopt` variant has import blocks, which only a root module may have:
 * see adopt.test.ts.
 */

export type Syntax = 'json' | 'hcl';
export const SYNTAXES: readonly Syntax[] = ['json', 'hcl'];

const VARIANTS = OPTION_MATRIX.filter((variant) => !variant.rootOnly);
const BACKEND_VARIANTS = VARIANTS.filter((variant) => variant.overrides.backend);
/** Made to fail every precondition: all kinds of them, the most services (EKS), another partition, IPv6's own. */
const FAILING_VARIANTS = ['example', 'every_feature', 'china', 'dual_stack'];

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
const BROKEN_WORLDS = { _vpc: BROKEN_VPC_WORLD, _services: BROKEN_SERVICE_WORLD };
export type BrokenWorld = keyof typeof BROKEN_WORLDS;

const moduleName = (variant: string, syntax: Syntax, world = ''): string => `${variant}_${syntax}${world}`;
/** The module of the example as JSON, planned against a broken world (in the failing root). */
export const brokenExampleModule = (world: BrokenWorld): string => moduleName('example', 'json', world);

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

export const optionMatrixPlans: PlanTopic = {
  addModules(roots) {
    for (const variant of VARIANTS) {
      const failing = FAILING_VARIANTS.includes(variant.name);
      const region = variant.overrides.region;
      for (const syntax of SYNTAXES) {
        // A folder per module call (the failing variants have three), so a diagnostic's file names its module.
        const worlds = ['', ...(failing ? Object.keys(BROKEN_WORLDS) : [])];
        synthModule(
          worlds.map((world) => roots.passing.moduleFolder(moduleName(variant.name, syntax, world))),
          variant.overrides,
          { hcl: syntax === 'hcl' },
        );
        roots.passing.add(moduleName(variant.name, syntax), { world: variant.world ?? PASSING_WORLD, region });
        if (failing) {
          for (const [suffix, world] of Object.entries(BROKEN_WORLDS)) {
            roots.failing.add(moduleName(variant.name, syntax, suffix), { world, region });
          }
        }
      }
    }
  },

  declareTests(suite) {
    const plans = () => suite().plans;
    describe('Every option as JSON and as HCL (`cdktf synth --hcl`)', () => {
      /** The stack file of a variant's module, as Terraform's diagnostics name it. */
      const variantFile = (variant: string, syntax: Syntax): string => `${moduleSource(moduleName(variant, syntax))}/${STACK_FILE[syntax]}`;
      const variantFiles = VARIANTS.flatMap((variant) => SYNTAXES.map((syntax) => variantFile(variant.name, syntax)));

      test('GIVEN every option as JSON and as HCL WHEN planned THEN Terraform only warns (each ignored child backend, the check block), and read every backend block', () => {
        const ofVariants = plans().passing.messages.filter(
          (m) => m.diagnostic && variantFiles.includes(m.diagnostic.range?.filename ?? ''),
        );
        expect(diagnosticKinds(ofVariants)).toEqual(
          new Set(['warning: Backend configuration ignored', 'warning: Check block assertion failed']),
        );
        const backendWarned = new Set(
          ofVariants.filter((m) => m.diagnostic!.summary === 'Backend configuration ignored').map((m) => m.diagnostic!.range!.filename),
        );
        for (const variant of VARIANTS.filter((v) => v.overrides.backend?.type !== 'cloud')) {
          for (const syntax of SYNTAXES) {
            expect(backendWarned).toContain(variantFile(variant.name, syntax));
          }
        }
      });

      test.each(VARIANTS.map((variant) => variant.name))(
        'GIVEN the %s variant WHEN planned THEN the HCL plans exactly what the JSON plans: changes, data read, configuration, checks',
        (name) => expectHclPlannedAsJson(plans().passing.json, moduleName(name, 'json'), moduleName(name, 'hcl'), 4),
      );

      test('GIVEN the example WHEN planned THEN exactly the security group and three endpoints are created, and the HCL keeps the preflight', () => {
        const { changes, checks, dataRead } = modulePlan(plans().passing.json, moduleName('example', 'hcl'));
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
        const { dataRead } = modulePlan(plans().passing.json, moduleName('example', 'json'));
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
        expect(
          modulePlan(plans().passing.json, moduleName('every_feature', 'json')).dataRead['data.aws_caller_identity.sample-current'],
        ).toMatchObject({ account_id: EXAMPLE_WORLD.accountId });
        // What provider 5.100.0 calls for these data sources (and for its own identity check).
        expect([...new Set(plans().passingFake.requests)].sort()).toEqual([
          'DescribeRouteTables',
          'DescribeSubnets',
          'DescribeVpcAttribute',
          'DescribeVpcEndpointServices',
          'DescribeVpcs',
          'GetCallerIdentity',
        ]);
      });

      test('GIVEN every optional feature WHEN planned THEN the policies render from the data sources and everything is created', () => {
        const changes = moduleChanges(plans().passing.json, moduleName('every_feature', 'json'));
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

      test.each(FAILING_VARIANTS.flatMap((variant) => Object.keys(BROKEN_WORLDS).map((world) => [variant, world])))(
        "GIVEN AWS that fails the preflight WHEN the %s variant is planned (world %s) THEN the HCL stops the plan with the JSON's messages",
        (variant, world) => {
          const { code, messages } = plans().failing;
          expect(code).toBe(1);
          const json = moduleDiagnostics(messages, moduleSource(moduleName(variant, 'json', world)));
          const hcl = moduleDiagnostics(messages, moduleSource(moduleName(variant, 'hcl', world)));
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
          const file = (syntax: Syntax) => path.join(suite().roots.passing.moduleFolder(moduleName(name, syntax)), STACK_FILE[syntax]);
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
        const result = await suite().terraform.expect([0], suite().roots.passing.folder, 'version', '-json');
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
        const result = await suite().terraform.run(dir, 'init', '-input=false', '-no-color');
        const output = result.stdout + result.stderr;
        expect(result.code).not.toBe(0);
        expect(output).not.toMatch(/Unsupported argument|Invalid .*argument/);
        // Path style: the bucket is in the URL's path, on the configured host.
        expect(output).toContain(`${endpoint}/tf-state`);
      });
    });
  },
};
