import { writeFileSync } from 'fs';
import * as path from 'path';
import { TerraformCondition } from '../../lib/preflight/conditions';
import * as conditions from '../../lib/preflight/hub-conditions';
import { tempProject } from '../support/app-process';
import { describeWithTerraform } from '../support/terraform';

jest.setTimeout(60_000);

/**
 * The hub's and spokes' plan-time conditions evaluated by Terraform itself, against stand-ins for the
 * data sources (`local.*` objects shaped like what aws_vpc_endpoint_service, aws_vpc and aws_vpc_endpoint
 * return; endpoints as a map from ID, as a `for_each` data source gives them). The wiring to the real data
 * sources is planned against the fake AWS in plans.test.ts (plans/hub-and-spoke.ts).
 */
const DKR = 'com.amazonaws.ap-northeast-1.ecr.dkr';
const API = 'com.amazonaws.ap-northeast-1.ecr.api';
const LOGS = 'com.amazonaws.ap-northeast-1.logs';
const service = (private_dns_name: string | null) => ({ private_dns_name });
const vpc = (enable_dns_support: boolean, enable_dns_hostnames: boolean) => ({ enable_dns_support, enable_dns_hostnames });
const endpoint = (service_name: string, private_dns_enabled: boolean) => ({ service_name, private_dns_enabled });
const zone = (at: (name: string) => string) =>
  conditions.zoneMatchesPrivateDnsNameCondition({ address: at('svc'), id: DKR }, '*.dkr.ecr.ap-northeast-1.amazonaws.com');
const noConflict = (at: (name: string) => string) => conditions.noConflictingPrivateDnsCondition(at('e'), 'vpc-spoke', 'hub', [API, DKR]);

const CASES: Record<string, { locals: Record<string, unknown>; condition: (at: (name: string) => string) => TerraformCondition }> = {
  zone_matches: { locals: { svc: service('*.dkr.ecr.ap-northeast-1.amazonaws.com') }, condition: zone },
  zone_differs: { locals: { svc: service('*.dkr-ecr.ap-northeast-1.on.aws') }, condition: zone },
  zone_unpublished: { locals: { svc: service(null) }, condition: zone },
  spoke_dns_on: {
    locals: { vpc: vpc(true, true) },
    condition: (at) => conditions.spokeVpcDnsCondition({ address: at('vpc'), id: 'vpc-spoke' }, 'hub'),
  },
  spoke_dns_off: {
    locals: { vpc: vpc(false, true) },
    condition: (at) => conditions.spokeVpcDnsCondition({ address: at('vpc'), id: 'vpc-spoke' }, 'hub'),
  },
  no_endpoints: { locals: { e: {} }, condition: noConflict },
  other_endpoints: {
    locals: { e: { 'vpce-2': endpoint(LOGS, true), 'vpce-3': endpoint(API, false) } },
    condition: noConflict,
  },
  conflicting: {
    locals: {
      e: { 'vpce-1': endpoint(DKR, true), 'vpce-2': endpoint(LOGS, true), 'vpce-3': endpoint(API, false), 'vpce-4': endpoint(API, true) },
    },
    condition: noConflict,
  },
};

describeWithTerraform('Hub and spoke conditions, evaluated by Terraform', (terraformFor) => {
  let results: Record<string, { ok: boolean; message: string }>;

  beforeAll(async () => {
    const terraform = terraformFor();
    const dir = tempProject('hub-conditions');
    const locals: Record<string, unknown> = {};
    const outputs: Record<string, unknown> = {};
    for (const [name, { locals: caseLocals, condition }] of Object.entries(CASES)) {
      Object.entries(caseLocals).forEach(([key, value]) => (locals[`${name}_${key}`] = value));
      const built = condition((key) => `local.${name}_${key}`);
      outputs[name] = { value: { ok: built.condition, message: built.errorMessage } };
    }
    writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify({ locals, output: outputs }, null, 2));
    await terraform.expect([0], dir, 'init', '-input=false');
    await terraform.expect([0], dir, 'apply', '-input=false', '-auto-approve');
    const shown = JSON.parse((await terraform.expect([0], dir, 'output', '-json')).stdout);
    results = Object.fromEntries(
      Object.entries(shown).map(([name, output]) => [name, (output as { value: { ok: boolean; message: string } }).value]),
    );
  });

  test.each([
    ['zone_matches', true, undefined],
    [
      'zone_differs',
      false,
      `The hub's private hosted zone for ${DKR} stands in for *.dkr.ecr.ap-northeast-1.amazonaws.com, but AWS publishes *.dkr-ecr.ap-northeast-1.on.aws for it`,
    ],
    ['zone_unpublished', false, 'but AWS publishes no private DNS name for it'],
    ['spoke_dns_on', true, undefined],
    [
      'spoke_dns_off',
      false,
      "Spoke VPC vpc-spoke needs enableDnsSupport and enableDnsHostnames to resolve through hub hub's private hosted zones (now false and true)",
    ],
    ['no_endpoints', true, undefined],
    ['other_endpoints', true, undefined],
    [
      'conflicting',
      false,
      `Spoke VPC vpc-spoke has its own interface endpoints with private DNS for services of hub hub: vpce-1 (${DKR}), vpce-4 (${API}); Route 53 refuses`,
    ],
  ])('GIVEN case %s THEN the condition is %s and the message says what to change', (name, ok, message) => {
    expect(results[name].ok).toBe(ok);
    if (message) {
      expect(results[name].message).toContain(message);
    }
  });
});
