import { writeFileSync } from 'fs';
import * as path from 'path';
import { quotedHclTemplate } from '../../lib/cdktf/hcl-values';
import * as conditions from '../../lib/preflight/conditions';
import { TerraformCondition } from '../../lib/preflight/conditions';
import { tempProject } from '../support/app-process';
import { describeWithTerraform, Terraform } from '../support/terraform';

jest.setTimeout(60_000);

/**
 * The preflight conditions evaluated by Terraform itself, against stand-ins for the data sources
 * (`local.*` objects shaped like what aws_vpc, aws_subnet, aws_route_table and aws_vpc_endpoint_service
 * return). This tests the expressions and messages without AWS; the wiring to the real data sources is
 * tested against the fake EC2 in plans.test.ts (plans/preflight.ts).
 */
const vpc = (enable_dns_support: boolean, enable_dns_hostnames: boolean, cidrs: string[] = ['10.0.0.0/16']) => ({
  enable_dns_support,
  enable_dns_hostnames,
  cidr_block_associations: cidrs.map((cidr_block) => ({ cidr_block })),
});
const subnet = (vpc_id: string, availability_zone: string) => ({ vpc_id, availability_zone });
const DKR = { id: 'com.amazonaws.ap-northeast-1.ecr.dkr' };
const offeredIn = (...availability_zones: string[]) => ({ availability_zones });
const supporting = (...supported_ip_address_types: string[]) => ({ supported_ip_address_types });
/** An aws_subnet stand-in with the address attributes ("" where AWS has no block). */
const addressed = (cidr_block: string, ipv6_cidr_block = '', ipv6_native = false) => ({
  vpc_id: 'vpc-1',
  availability_zone: 'ap-northeast-1a',
  cidr_block,
  ipv6_cidr_block,
  ipv6_native,
});
const DUAL_A = addressed('10.0.0.0/24', '2600:1f18:4d3:5e00::/64');
const DUAL_C = addressed('10.0.1.0/24', '2600:1f18:4d3:5e01::/64');
const fixed = (subnetId: string, version: 'ipv4' | 'ipv6', address: string) => ({ subnetId, version, address });

/**
 * Each case: the locals it reads, and the condition built from their addresses. Subnets and route tables
 * are maps from ID to object, as a `for_each` data source gives them.
 */
const CASES: Record<string, { locals: Record<string, unknown>; condition: (at: (name: string) => string) => TerraformCondition }> = {
  dns_ok: { locals: { vpc: vpc(true, true) }, condition: (at) => conditions.vpcDnsCondition({ address: at('vpc'), id: 'vpc-1' }) },
  dns_off: { locals: { vpc: vpc(true, false) }, condition: (at) => conditions.vpcDnsCondition({ address: at('vpc'), id: 'vpc-1' }) },
  subnets_in_vpc: {
    locals: { s: { 'subnet-a': subnet('vpc-1', 'ap-northeast-1a'), 'subnet-c': subnet('vpc-1', 'ap-northeast-1c') } },
    condition: (at) => conditions.subnetsInVpcCondition(at('s'), 'vpc-1'),
  },
  subnets_elsewhere: {
    locals: {
      s: {
        'subnet-a': subnet('vpc-1', 'ap-northeast-1a'),
        'subnet-c': subnet('vpc-other', 'ap-northeast-1c'),
        'subnet-d': subnet('vpc-9', 'ap-northeast-1d'),
      },
    },
    condition: (at) => conditions.subnetsInVpcCondition(at('s'), 'vpc-1'),
  },
  azs_distinct: {
    locals: { s: { 'subnet-a': subnet('vpc-1', 'ap-northeast-1a'), 'subnet-c': subnet('vpc-1', 'ap-northeast-1c') } },
    condition: (at) => conditions.distinctAzsCondition(at('s')),
  },
  azs_shared: {
    locals: {
      s: {
        'subnet-a': subnet('vpc-1', 'ap-northeast-1a'),
        'subnet-b': subnet('vpc-1', 'ap-northeast-1a'),
        'subnet-c': subnet('vpc-1', 'ap-northeast-1c'),
      },
    },
    condition: (at) => conditions.distinctAzsCondition(at('s')),
  },
  az_offered: {
    locals: {
      svc: offeredIn('ap-northeast-1a', 'ap-northeast-1c'),
      s: { 'subnet-a': subnet('vpc-1', 'ap-northeast-1a'), 'subnet-c': subnet('vpc-1', 'ap-northeast-1c') },
    },
    condition: (at) => conditions.serviceOfferedCondition({ address: at('svc'), ...DKR }, at('s')),
  },
  az_not_offered: {
    locals: {
      svc: offeredIn('ap-northeast-1a', 'ap-northeast-1c'),
      s: { 'subnet-a': subnet('vpc-1', 'ap-northeast-1a'), 'subnet-d': subnet('vpc-1', 'ap-northeast-1d') },
    },
    condition: (at) => conditions.serviceOfferedCondition({ address: at('svc'), ...DKR }, at('s')),
  },
  rtbs_in_vpc: {
    locals: { rtb: { 'rtb-1': { vpc_id: 'vpc-1' }, 'rtb-2': { vpc_id: 'vpc-1' } } },
    condition: (at) => conditions.routeTablesInVpcCondition(at('rtb'), 'vpc-1'),
  },
  rtbs_elsewhere: {
    locals: { rtb: { 'rtb-1': { vpc_id: 'vpc-1' }, 'rtb-2': { vpc_id: 'vpc-2' } } },
    condition: (at) => conditions.routeTablesInVpcCondition(at('rtb'), 'vpc-1'),
  },
  cidrs_inside: {
    locals: { vpc: vpc(true, true, ['10.0.0.0/16', '100.64.0.0/16']) },
    condition: (at) => conditions.cidrsInVpcAssertion({ address: at('vpc'), id: 'vpc-1' }, ['10.0.0.0/16', '10.0.5.0/24', '100.64.1.0/24']),
  },
  cidrs_outside: {
    locals: { vpc: vpc(true, true, ['10.0.0.0/16']) },
    condition: (at) => conditions.cidrsInVpcAssertion({ address: at('vpc'), id: 'vpc-1' }, ['10.0.1.0/24', '10.0.0.0/8', '192.168.0.0/16']),
  },
  dualstack_supported: {
    locals: { svc: supporting('ipv4', 'ipv6') },
    condition: (at) =>
      conditions.ipAddressTypeSupportedCondition({ address: at('svc'), ...DKR }, 'ap-northeast-1', 'ipAddressType', 'dualstack'),
  },
  dualstack_unsupported: {
    locals: { svc: supporting('ipv4') },
    condition: (at) =>
      conditions.ipAddressTypeSupportedCondition({ address: at('svc'), ...DKR }, 'ap-northeast-1', 'ipAddressType', 'dualstack'),
  },
  ipv6_supported: {
    locals: { svc: supporting('ipv6', 'ipv4') },
    condition: (at) =>
      conditions.ipAddressTypeSupportedCondition({ address: at('svc'), ...DKR }, 'ap-northeast-1', 'ipAddressType', 'ipv6'),
  },
  subnets_dualstack: {
    locals: { s: { 'subnet-a': DUAL_A, 'subnet-c': DUAL_C } },
    condition: (at) => conditions.subnetsSuitIpAddressTypeCondition(at('s'), 'ap-northeast-1', 'dualstack'),
  },
  subnets_ipv4_only: {
    locals: { s: { 'subnet-a': DUAL_A, 'subnet-c': addressed('10.0.1.0/24'), 'subnet-d': addressed('10.0.2.0/24') } },
    condition: (at) => conditions.subnetsSuitIpAddressTypeCondition(at('s'), 'ap-northeast-1', 'dualstack'),
  },
  subnets_ipv6_native: {
    locals: { s: { 'subnet-a': addressed('', '2600:1f18:4d3:5e00::/64', true) } },
    condition: (at) => conditions.subnetsSuitIpAddressTypeCondition(at('s'), 'ap-northeast-1', 'ipv6'),
  },
  subnets_not_ipv6_native: {
    locals: { s: { 'subnet-a': addressed('', '2600:1f18:4d3:5e00::/64', true), 'subnet-c': DUAL_C } },
    condition: (at) => conditions.subnetsSuitIpAddressTypeCondition(at('s'), 'ap-northeast-1', 'ipv6'),
  },
  addresses_free: {
    locals: { s: { 'subnet-a': DUAL_A, 'subnet-c': DUAL_C } },
    condition: (at) =>
      conditions.endpointAddressesCondition({ address: '', ...DKR }, at('s'), [
        fixed('subnet-a', 'ipv4', '10.0.0.4'),
        fixed('subnet-a', 'ipv6', '2600:1f18:4d3:5e00::10'),
        fixed('subnet-c', 'ipv4', '10.0.1.254'),
        fixed('subnet-c', 'ipv6', '2600:1f18:4d3:5e01:ffff:ffff:ffff:fffe'),
      ]),
  },
  addresses_taken: {
    locals: { s: { 'subnet-a': DUAL_A, 'subnet-c': addressed('10.0.1.0/24') } },
    condition: (at) =>
      conditions.endpointAddressesCondition({ address: '', ...DKR }, at('s'), [
        fixed('subnet-a', 'ipv4', '10.0.0.3'),
        fixed('subnet-a', 'ipv4', '10.0.0.10'),
        fixed('subnet-a', 'ipv6', '2600:1f18:4d3:5e00:ffff:ffff:ffff:ffff'),
        fixed('subnet-c', 'ipv4', '10.0.9.10'),
        fixed('subnet-c', 'ipv4', '10.0.1.255'),
        fixed('subnet-c', 'ipv6', '2600:1f18:4d3:5e01::10'),
      ]),
  },
};

/** Templates whose literal text needs escaping in HCL, beside the conditions' messages. */
const TRICKY_TEMPLATES: Record<string, string> = {
  quotes_and_backslash: 'say "hi" \\ ${upper("x")} "there"',
  newline_and_tab: 'a\n\tb ${length(["x", "y"])}',
  escaped_interpolation: '$${not.a.reference} "${"quoted"}"',
  directive: '%{if true}"yes"%{endif}',
};

/** Applies a configuration of locals and outputs only (no provider) in `dir`; returns the outputs' values. */
async function outputsOf(terraform: Terraform, dir: string): Promise<Record<string, unknown>> {
  await terraform.expect([0], dir, 'init', '-input=false');
  await terraform.expect([0], dir, 'apply', '-input=false', '-auto-approve');
  const shown = JSON.parse((await terraform.expect([0], dir, 'output', '-json')).stdout);
  return Object.fromEntries(Object.entries(shown).map(([name, output]) => [name, (output as { value: unknown }).value]));
}

describeWithTerraform('Preflight conditions, evaluated by Terraform', (terraformFor) => {
  let results: Record<string, { ok: boolean; message: string }>;
  let fromJson: Record<string, unknown>;
  let fromHcl: Record<string, unknown>;

  beforeAll(async () => {
    const terraform = terraformFor();
    const locals: Record<string, unknown> = {};
    const outputs: Record<string, { ok: string; message: string }> = {};
    for (const [name, { locals: caseLocals, condition }] of Object.entries(CASES)) {
      Object.entries(caseLocals).forEach(([key, value]) => (locals[`${name}_${key}`] = value));
      const built = condition((key) => `local.${name}_${key}`);
      outputs[name] = { ok: built.condition, message: built.errorMessage };
    }
    // The same outputs in both syntaxes: JSON as `cdktf synth` writes them, HCL as `cdktf synth --hcl` does.
    const json = tempProject('preflight-conditions');
    writeFileSync(
      path.join(json, 'main.tf.json'),
      JSON.stringify(
        {
          locals,
          output: {
            ...Object.fromEntries(Object.entries(outputs).map(([name, { ok, message }]) => [name, { value: { ok, message } }])),
            ...Object.fromEntries(Object.entries(TRICKY_TEMPLATES).map(([name, template]) => [name, { value: template }])),
          },
        },
        null,
        2,
      ),
    );
    const hcl = tempProject('preflight-conditions-hcl');
    writeFileSync(path.join(hcl, 'locals.tf.json'), JSON.stringify({ locals }, null, 2));
    writeFileSync(
      path.join(hcl, 'outputs.tf'),
      [
        ...Object.entries(outputs).map(
          ([name, { ok, message }]) =>
            `output "${name}" {\n  value = {\n    ok      = ${quotedHclTemplate(ok)}\n    message = ${quotedHclTemplate(message)}\n  }\n}\n`,
        ),
        ...Object.entries(TRICKY_TEMPLATES).map(([name, template]) => `output "${name}" {\n  value = ${quotedHclTemplate(template)}\n}\n`),
      ].join('\n'),
    );
    [fromJson, fromHcl] = await Promise.all([outputsOf(terraform, json), outputsOf(terraform, hcl)]);
    results = fromJson as Record<string, { ok: boolean; message: string }>;
  });

  test('GIVEN every condition and message written as HCL (as `cdktf synth --hcl` writes them) THEN Terraform evaluates them exactly as the JSON', () => {
    expect(fromHcl).toEqual(fromJson);
    expect(fromJson.quotes_and_backslash).toBe('say "hi" \\ X "there"');
    expect(fromJson.newline_and_tab).toBe('a\n\tb 2');
    expect(fromJson.escaped_interpolation).toBe('${not.a.reference} "quoted"');
    expect(fromJson.directive).toBe('"yes"');
  });

  test.each([
    ['dns_ok', true, undefined],
    [
      'dns_off',
      false,
      'VPC vpc-1 needs enableDnsSupport and enableDnsHostnames for private DNS on the interface endpoints (now true and false)',
    ],
    ['subnets_in_vpc', true, undefined],
    [
      'subnets_elsewhere',
      false,
      'privateSubnetIds must be subnets of vpcId vpc-1, but subnet-c is in vpc-other, subnet-d is in vpc-9; list private subnets of vpc-1.',
    ],
    ['azs_distinct', true, undefined],
    [
      'azs_shared',
      false,
      'privateSubnetIds share Availability Zones (subnet-a in ap-northeast-1a, subnet-b in ap-northeast-1a); an interface endpoint',
    ],
    ['az_offered', true, undefined],
    [
      'az_not_offered',
      false,
      'com.amazonaws.ap-northeast-1.ecr.dkr is not offered in the Availability Zone of subnet-d (ap-northeast-1d) (offered in ap-northeast-1a, ap-northeast-1c); use subnets in offered AZs.',
    ],
    ['rtbs_in_vpc', true, undefined],
    [
      'rtbs_elsewhere',
      false,
      "privateRouteTableIds must be route tables of vpcId vpc-1, but rtb-2 is in vpc-2; list the route tables of vpc-1's private subnets.",
    ],
    ['cidrs_inside', true, undefined],
    ['cidrs_outside', false, "allowedCidrBlocks 10.0.0.0/8, 192.168.0.0/16 lie outside VPC vpc-1's CIDR blocks (10.0.0.0/16)"],
    ['dualstack_supported', true, undefined],
    [
      'dualstack_unsupported',
      false,
      'com.amazonaws.ap-northeast-1.ecr.dkr does not support dualstack endpoints in ap-northeast-1 (it supports ipv4); set "ipAddressType" to a type it supports there.',
    ],
    ['ipv6_supported', true, undefined],
    ['subnets_dualstack', true, undefined],
    [
      'subnets_ipv4_only',
      false,
      '"ipAddressType": "dualstack" needs an IPv4 and an IPv6 CIDR block on every subnet of privateSubnetIds, but in ap-northeast-1 subnet-c has no IPv6 CIDR block, subnet-d has no IPv6 CIDR block; associate one',
    ],
    ['subnets_ipv6_native', true, undefined],
    [
      'subnets_not_ipv6_native',
      false,
      '"ipAddressType": "ipv6" needs IPv6-only subnets, but in ap-northeast-1 subnet-c is not (it has 10.0.1.0/24); use "ipAddressType": "dualstack"',
    ],
    ['addresses_free', true, undefined],
    [
      'addresses_taken',
      false,
      'endpointAddresses of com.amazonaws.ap-northeast-1.ecr.dkr must be free addresses of their subnets, but ' +
        '10.0.0.3 in subnet-a is reserved by AWS in 10.0.0.0/24, ' +
        '2600:1f18:4d3:5e00:ffff:ffff:ffff:ffff in subnet-a is reserved by AWS in 2600:1f18:4d3:5e00::/64, ' +
        '10.0.9.10 in subnet-c lies outside 10.0.1.0/24, 10.0.1.255 in subnet-c is reserved by AWS in 10.0.1.0/24, ' +
        '2600:1f18:4d3:5e01::10 in subnet-c (its subnet has no ipv6 CIDR block); AWS reserves the first four and the last address',
    ],
  ])('GIVEN case %s THEN the condition is %s and the message says what to change', (name, ok, message) => {
    expect(results[name].ok).toBe(ok);
    if (message) {
      expect(results[name].message).toContain(message);
    }
  });
});
