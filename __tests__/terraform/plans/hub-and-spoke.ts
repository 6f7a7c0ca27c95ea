import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { runApp, stackDirectory, tempProject } from '../../support/app-process';
import { FakeAwsWorld, withWorld } from '../../support/fake-aws';
import { HUB_AND_SPOKES_CONFIG, HUB_WORLD, TEAM_A_VPC, TEAM_B_ROLE, TEAM_B_VPC, withTeamAEndpoint } from '../../support/hub-and-spoke';
import { moduleActions, moduleChanges, moduleDiagnostics, STACK_FILE } from '../../support/module-root';
import { moduleSource, SharedRoot } from '../../support/shared-root';
import { diagnosticKinds, expectHclPlannedAsJson, moduleConfiguration } from './module-plan';
import { Syntax, SYNTAXES } from './option-matrix';
import { PlanTopic } from './plan-topic';

/**
 * A hub with two spokes (one in another account) as the app synthesizes them from a config, as JSON and as
 * HCL, each stack a module of the hub root. The hub keeps its aliased provider block, which assumes a role
 * in team-b's account (Terraform allows provider blocks in a module called without `count` or `for_each`);
 * each stack's default block, a region only, gives way to the root's, so that the six modules share one
 * provider configuration (each costs Terraform two provider processes). What each stack creates, through
 * which provider; and, with copies of the JSON stacks planned against AWS of their own, what the preflight
 * lets through and what it stops.
 */

const HUB_STACKS = HUB_AND_SPOKES_CONFIG.stacks.map((stack) => stack.name);
/** The stack of the config that is the hub: the one that is no spoke. */
const HUB = HUB_AND_SPOKES_CONFIG.stacks.find((stack) => !('spokeOf' in stack))!.name;
const hubModuleName = (stack: string, syntax: Syntax): string => `hub_and_spokes_${stack.replace('-', '_')}_${syntax}`;

/** AWS publishing another private DNS name for ecr.dkr than the hub's zone stands in for. */
const RENAMED_DKR_WORLD = withWorld(HUB_WORLD, (w) => {
  w.endpointServices.find((s) => s.serviceName.endsWith('.ecr.dkr'))!.privateDnsName = '*.dkr-ecr.ap-northeast-1.on.aws';
});

/** Spoke team-a against AWS that must stop its plan: the title, the world, and the message. */
const FAILING_SPOKES: [title: string, module: string, world: FakeAwsWorld, message: string][] = [
  [
    'its own ecr.dkr endpoint with private DNS',
    'spoke_own_private_dns_endpoint',
    withTeamAEndpoint(HUB_WORLD, 'ecr.dkr', true),
    `Spoke VPC ${TEAM_A_VPC} has its own interface endpoints with private DNS for services of hub hub: vpce-0a0a0a0a0a0a0a0e1 (com.amazonaws.ap-northeast-1.ecr.dkr); Route 53 refuses`,
  ],
  [
    'DNS hostnames off',
    'spoke_dns_hostnames_off',
    withWorld(HUB_WORLD, (w) => {
      w.vpcs.find((v) => v.id === TEAM_A_VPC)!.enableDnsHostnames = false;
    }),
    `Spoke VPC ${TEAM_A_VPC} needs enableDnsSupport and enableDnsHostnames to resolve through hub hub's private hosted zones (now true and false)`,
  ],
];

/** Spoke team-a against AWS whose endpoints do not conflict with the hub's zones. */
const PASSING_SPOKES: [title: string, module: string, world: FakeAwsWorld][] = [
  ['an ecr.dkr endpoint without private DNS', 'spoke_endpoint_without_private_dns', withTeamAEndpoint(HUB_WORLD, 'ecr.dkr', false)],
  ['a private-DNS endpoint of a service the hub does not serve (logs)', 'spoke_logs_endpoint', withTeamAEndpoint(HUB_WORLD, 'logs', true)],
];
const RENAMED_HUB = 'hub_renamed_dkr_dns';

/** Copies the stack file of `stack` in `project` into module `name` of `root`. */
function copyStack(project: string, stack: string, syntax: Syntax, root: SharedRoot, name: string): void {
  mkdirSync(root.moduleFolder(name), { recursive: true });
  copyFileSync(path.join(stackDirectory(project, stack), STACK_FILE[syntax]), path.join(root.moduleFolder(name), STACK_FILE[syntax]));
}

/** A default provider block as the app writes it in HCL: the region, nothing else (an aliased one has `alias`). */
const HCL_REGION_ONLY_PROVIDER = /^provider "aws" \{\nregion = "[a-z0-9-]+"\n\}\n/gm;

/**
 * Takes the default provider block out of the stack file of module `name` of `root`, so that the module
 * inherits the root's. That block must be a region only: anything more is the stack's own and must stay
 * planned as written (this throws). Aliased blocks (the hub's role in another account) stay.
 */
function dropRegionOnlyDefaultProvider(root: SharedRoot, name: string, syntax: Syntax): void {
  const file = path.join(root.moduleFolder(name), STACK_FILE[syntax]);
  const text = readFileSync(file, 'utf8');
  const unexpected = (found: string) => new Error(`${file}: expected one default provider "aws" block with a region only, found ${found}`);
  if (syntax === 'hcl') {
    const found = text.match(HCL_REGION_ONLY_PROVIDER) ?? [];
    if (found.length !== 1) {
      throw unexpected(`${found.length}`);
    }
    writeFileSync(file, text.replace(HCL_REGION_ONLY_PROVIDER, ''));
    return;
  }
  const stack = JSON.parse(text) as { provider: { aws: Record<string, unknown>[] } };
  const defaults = stack.provider.aws.filter((block) => !('alias' in block));
  if (defaults.length !== 1 || Object.keys(defaults[0]).join() !== 'region') {
    throw unexpected(JSON.stringify(defaults));
  }
  const aliased = stack.provider.aws.filter((block) => block !== defaults[0]);
  writeFileSync(file, JSON.stringify({ ...stack, provider: aliased.length > 0 ? { aws: aliased } : undefined }));
}

export const hubAndSpokePlans: PlanTopic = {
  async addModules(roots) {
    const config = path.join(roots.work, 'hub.json');
    writeFileSync(config, JSON.stringify(HUB_AND_SPOKES_CONFIG));
    await Promise.all(
      SYNTAXES.map(async (syntax) => {
        const project = tempProject(`hub-${syntax}`);
        const synth = await runApp(project, config, { SYNTH_HCL_OUTPUT: String(syntax === 'hcl') });
        expect(synth.stderr).toBe('');
        expect(synth.code).toBe(0);
        for (const stack of HUB_STACKS) {
          const name = hubModuleName(stack, syntax);
          copyStack(project, stack, syntax, roots.hub, name);
          dropRegionOnlyDefaultProvider(roots.hub, name, syntax);
          roots.hub.add(name, { ownProviders: stack === HUB });
        }
        if (syntax === 'json') {
          copyStack(project, HUB, syntax, roots.failing, RENAMED_HUB);
          roots.failing.add(RENAMED_HUB, { ownProviders: true, world: RENAMED_DKR_WORLD });
          for (const [, name, world] of FAILING_SPOKES) {
            copyStack(project, 'team-a', syntax, roots.failing, name);
            roots.failing.add(name, { ownProviders: true, world });
          }
          for (const [, name, world] of PASSING_SPOKES) {
            copyStack(project, 'team-a', syntax, roots.hub, name);
            roots.hub.add(name, { ownProviders: true, world });
          }
        }
      }),
    );
  },

  declareTests(suite) {
    const hubPlan = () => suite().plans.hub;
    const hubJson = hubModuleName(HUB, 'json');
    const after = (address: string) => moduleChanges(hubPlan().json, hubJson)[address].after as Record<string, any>;
    const providerOf = (module: string, address: string): string =>
      moduleConfiguration(hubPlan().json, module).resources.find((r: { address: string }) => r.address === address).provider_config_key;

    describe('A hub with two spokes, as the app writes them', () => {
      test('GIVEN the hub and its spokes as JSON and as HCL WHEN planned THEN Terraform warns of nothing but the ignored backends', () => {
        expect(diagnosticKinds(hubPlan().messages)).toEqual(new Set(['warning: Backend configuration ignored']));
      });

      test.each(HUB_STACKS)(
        'GIVEN stack %s WHEN planned THEN the HCL plans exactly what the JSON plans: changes, data read, configuration, checks',
        (stack) => expectHclPlannedAsJson(hubPlan().json, hubModuleName(stack, 'json'), hubModuleName(stack, 'hcl'), 1),
      );

      test('GIVEN the hub WHEN planned THEN it creates the endpoints, a zone per service with alias records, and both spokes’ associations', () => {
        expect(moduleActions(hubPlan().json, hubJson)).toEqual(
          Object.fromEntries(
            [
              'aws_security_group.hub-ecr-privatelink',
              'aws_vpc_endpoint.hub-ecr-api',
              'aws_vpc_endpoint.hub-ecr-dkr',
              'aws_vpc_endpoint.hub-s3',
              'aws_route53_zone.hub-ecr-api-zone',
              'aws_route53_zone.hub-ecr-dkr-zone',
              'aws_route53_record.hub-ecr-api-apex',
              'aws_route53_record.hub-ecr-dkr-apex',
              'aws_route53_record.hub-ecr-dkr-wildcard',
              `aws_route53_zone_association.hub-ecr-api-${TEAM_A_VPC}`,
              `aws_route53_zone_association.hub-ecr-dkr-${TEAM_A_VPC}`,
              `aws_route53_vpc_association_authorization.hub-ecr-api-${TEAM_B_VPC}-authorization`,
              `aws_route53_vpc_association_authorization.hub-ecr-dkr-${TEAM_B_VPC}-authorization`,
              `aws_route53_zone_association.hub-ecr-api-${TEAM_B_VPC}`,
              `aws_route53_zone_association.hub-ecr-dkr-${TEAM_B_VPC}`,
            ].map((address) => [address, ['create']]),
          ),
        );
      });

      test('GIVEN the hub WHEN planned THEN the endpoints have private DNS off, and the zones are named for ECR and created in the hub VPC', () => {
        expect(after('aws_vpc_endpoint.hub-ecr-dkr').private_dns_enabled).toBe(false);
        expect(after('aws_vpc_endpoint.hub-ecr-api').private_dns_enabled).toBe(false);
        expect(after('aws_route53_zone.hub-ecr-dkr-zone')).toMatchObject({
          name: 'dkr.ecr.ap-northeast-1.amazonaws.com',
          vpc: [expect.objectContaining({ vpc_id: 'vpc-0a1b2c3d4e5f60718' })],
        });
        expect(after('aws_route53_zone.hub-ecr-api-zone').name).toBe('api.ecr.ap-northeast-1.amazonaws.com');
        expect(after('aws_route53_record.hub-ecr-dkr-wildcard')).toMatchObject({
          name: '*.dkr.ecr.ap-northeast-1.amazonaws.com',
          type: 'A',
        });
      });

      test("GIVEN the hub WHEN planned THEN the security group admits team-a's configured network and team-b's VPC network, read through team-b's role", () => {
        const spokes = after('aws_security_group.hub-ecr-privatelink').ingress.find(
          (rule: { description: string }) => rule.description === 'HTTPS from spoke VPCs',
        );
        expect(spokes).toMatchObject({ from_port: 443, to_port: 443, protocol: 'tcp' });
        expect([...spokes.cidr_blocks].sort()).toEqual(['10.1.0.0/16', '10.2.0.0/16']);
        expect(suite().plans.hubFake.requestsAsRoles).toContain(`${TEAM_B_ROLE} DescribeVpcs`);
      });

      test.each(SYNTAXES)(
        "GIVEN the hub as %s WHEN planned THEN team-b's VPC is authorized by the hub's provider and associated through the provider assuming team-b's role",
        (syntax) => {
          const hub = hubModuleName(HUB, syntax);
          // `aws` is the hub's default provider: the root's, which its region-only block gave way to (see above).
          expect(providerOf(hub, `aws_route53_vpc_association_authorization.hub-ecr-dkr-${TEAM_B_VPC}-authorization`)).toBe('aws');
          expect(providerOf(hub, `aws_route53_zone_association.hub-ecr-dkr-${TEAM_B_VPC}`)).toBe(
            `module.${hub}:aws.spoke-210987654321-hub-zone-association`,
          );
          expect(providerOf(hub, `aws_route53_zone_association.hub-ecr-dkr-${TEAM_A_VPC}`)).toBe('aws');
          expect(moduleActions(hubPlan().json, hub)[`aws_route53_zone_association.hub-ecr-dkr-${TEAM_B_VPC}`]).toEqual(['create']);
          expect(suite().plans.hubFake.assumedRoles).toContain(TEAM_B_ROLE);
        },
      );

      test('GIVEN AWS publishing another private DNS name for ecr.dkr WHEN the hub is planned THEN the plan stops naming both', () => {
        expect(suite().plans.failing.code).toBe(1);
        expect(moduleDiagnostics(suite().plans.failing.messages, moduleSource(RENAMED_HUB)).join('\n')).toContain(
          "The hub's private hosted zone for com.amazonaws.ap-northeast-1.ecr.dkr stands in for *.dkr.ecr.ap-northeast-1.amazonaws.com, but AWS publishes *.dkr-ecr.ap-northeast-1.on.aws for it",
        );
      });

      test('GIVEN spoke team-a WHEN planned THEN it creates only its S3 gateway and its clients’ egress rules to the hub and S3', () => {
        expect(moduleActions(hubPlan().json, hubModuleName('team-a', 'json'))).toEqual({
          'aws_vpc_endpoint.team-a-s3': ['create'],
          'aws_vpc_security_group_egress_rule.team-a-sg-0a0a0a0a0a0a0a0a1-to-hub-1': ['create'],
          'aws_vpc_security_group_egress_rule.team-a-sg-0a0a0a0a0a0a0a0a1-to-hub-2': ['create'],
          'aws_vpc_security_group_egress_rule.team-a-sg-0a0a0a0a0a0a0a0a1-to-s3': ['create'],
        });
      });

      test('GIVEN spoke team-b (another account, no endpoints in its VPC) WHEN planned THEN it creates only its S3 gateway', () => {
        expect(moduleActions(hubPlan().json, hubModuleName('team-b', 'json'))).toEqual({ 'aws_vpc_endpoint.team-b-s3': ['create'] });
      });

      test.each(FAILING_SPOKES)(
        'GIVEN spoke team-a’s VPC with %s WHEN planned THEN the plan stops with what to change',
        (_, name, __, message) => {
          expect(suite().plans.failing.code).toBe(1);
          const diagnostics = moduleDiagnostics(suite().plans.failing.messages, moduleSource(name)).join('\n');
          expect(diagnostics).toContain('error: Resource precondition failed');
          expect(diagnostics).toContain(message);
        },
      );

      test.each(PASSING_SPOKES)(
        'GIVEN spoke team-a’s VPC with %s WHEN planned THEN the plan passes (no zone conflicts with it)',
        (_, name) => {
          expect(moduleDiagnostics(hubPlan().messages, moduleSource(name))).toEqual([]);
          expect(moduleActions(hubPlan().json, name)['aws_vpc_endpoint.team-a-s3']).toEqual(['create']);
        },
      );
    });
  },
};
