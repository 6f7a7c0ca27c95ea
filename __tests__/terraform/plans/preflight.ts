import { DUAL_STACK_WORLD, EXAMPLE_WORLD, FakeAwsWorld, withWorld } from '../../support/fake-aws';
import { moduleActions, moduleDiagnostics, synthModule } from '../../support/module-root';
import { moduleSource } from '../../support/shared-root';
import { BrokenWorld, brokenExampleModule } from './option-matrix';
import { PlanTopic } from './plan-topic';

/**
 * `cdktf diff`'s plan with preflight on, against AWS as it must not be for the stack: the plan must fail
 * before anything is created, with the message saying what to change. The example's own checks are read
 * from the option matrix's broken worlds; the other cases are stacks planned against a world of their own.
 * Those that must pass are planned too.
 */

const VPC = EXAMPLE_WORLD.vpcs[0].id;
const [SUBNET_A, SUBNET_C] = EXAMPLE_WORLD.subnets.map((s) => s.id);
const ROUTE_TABLE = 'rtb-0a1b2c3d4e5f60003';

/**
 * AWS as it must not be for the example: what is wrong, the broken world of the option matrix that holds it
 * (where the example is planned as JSON and as HCL: see option-matrix.ts), and the message the plan must
 * fail with. The VPC world breaks the VPC, a subnet and the route table at once; each check still names
 * its own problem.
 */
const BROKEN_WORLDS: [title: string, world: BrokenWorld, message: string][] = [
  [
    'a VPC without DNS hostnames',
    '_vpc',
    `VPC ${VPC} needs enableDnsSupport and enableDnsHostnames for private DNS on the interface endpoints (now true and false)`,
  ],
  [
    'a subnet of another VPC',
    '_vpc',
    `privateSubnetIds must be subnets of vpcId ${VPC}, but ${SUBNET_C} is in vpc-0fedcba987654321f; list private subnets of ${VPC}.`,
  ],
  [
    'two subnets in one Availability Zone',
    '_vpc',
    `privateSubnetIds share Availability Zones (${SUBNET_A} in ap-northeast-1a, ${SUBNET_C} in ap-northeast-1a)`,
  ],
  [
    "ecr.dkr not offered in a subnet's AZ",
    '_services',
    `com.amazonaws.ap-northeast-1.ecr.dkr is not offered in the Availability Zone of ${SUBNET_C} (ap-northeast-1c) (offered in ap-northeast-1a, ap-northeast-1d)`,
  ],
  [
    'a route table of another VPC',
    '_vpc',
    `privateRouteTableIds must be route tables of vpcId ${VPC}, but ${ROUTE_TABLE} is in vpc-0fedcba987654321f`,
  ],
];

const MISSING_SUBNET = 'preflight_missing_subnet';
/** A subnet ID that no world holds (a typo in a config): the second subnet of MISSING_SUBNET's stack. */
const NO_SUCH_SUBNET = 'subnet-0a1b2c3d4e5f6ffff';

/** Dual-stack endpoints with fixed addresses (one reserved, one outside its subnet). */
const DUAL_STACK_OPTIONS = {
  ipAddressType: 'dualstack',
  s3GatewayIpAddressType: 'dualstack',
  endpointAddresses: {
    'ecr.api': {
      [SUBNET_A]: { ipv4: '10.0.0.3', ipv6: '2600:1f18:4d3:5e00::10' },
      [SUBNET_C]: { ipv4: '10.0.2.10', ipv6: '2600:1f18:4d3:5e01::10' },
    },
  },
} as const;

/** The dual-stack account broken: what is wrong, and what the dual-stack plan must fail with. */
const DUAL_STACK_BROKEN: [title: string, edit: (world: FakeAwsWorld) => void, message: string][] = [
  [
    'ecr.dkr offered over IPv4 only',
    (w) => {
      w.endpointServices.find((s) => s.serviceName.endsWith('.ecr.dkr'))!.supportedIpAddressTypes = ['ipv4'];
    },
    'com.amazonaws.ap-northeast-1.ecr.dkr does not support dualstack endpoints in ap-northeast-1 (it supports ipv4); set "ipAddressType" to a type it supports there.',
  ],
  [
    'one subnet without an IPv6 block',
    (w) => {
      delete w.subnets[1].ipv6CidrBlock;
    },
    `but in ap-northeast-1 ${SUBNET_C} has no IPv6 CIDR block;`,
  ],
];

const dualCaseName = (index: number): string => `preflight_dual_broken_${index}`;
/** The dual-stack stack against the example (IPv4-only) account. */
const DUAL_NO_IPV6 = 'preflight_dual_no_ipv6';
/** The dual-stack stack against the dual-stack account: only its fixed addresses are wrong. */
const DUAL_FIXED = 'preflight_dual_fixed';
/** IPv6-only endpoints against the dual-stack account. */
const IPV6_ONLY = 'preflight_ipv6_only';

const EXAMPLE = 'preflight_example';
const PEERED = 'preflight_peered';

export const preflightPlans: PlanTopic = {
  addModules({ passing, failing }) {
    const folders = (...names: string[]) => names.map((name) => passing.moduleFolder(name));
    synthModule(folders(EXAMPLE), {});
    synthModule(folders(MISSING_SUBNET), { privateSubnetIds: [SUBNET_A, NO_SUCH_SUBNET] });
    synthModule(folders(PEERED), { allowedCidrBlocks: ['10.0.0.0/16', '192.168.0.0/16'] });
    synthModule(folders(DUAL_NO_IPV6, DUAL_FIXED, ...DUAL_STACK_BROKEN.map((_, i) => dualCaseName(i))), DUAL_STACK_OPTIONS);
    synthModule(folders(IPV6_ONLY), { ipAddressType: 'ipv6' });
    passing.add(EXAMPLE, { world: EXAMPLE_WORLD });
    passing.add(PEERED, { world: EXAMPLE_WORLD });
    const worlds: [string, FakeAwsWorld][] = [
      [MISSING_SUBNET, EXAMPLE_WORLD],
      [DUAL_NO_IPV6, EXAMPLE_WORLD],
      [DUAL_FIXED, DUAL_STACK_WORLD],
      ...DUAL_STACK_BROKEN.map(([, edit], i): [string, FakeAwsWorld] => [dualCaseName(i), withWorld(DUAL_STACK_WORLD, edit)]),
      [IPV6_ONLY, DUAL_STACK_WORLD],
    ];
    for (const [name, world] of worlds) {
      failing.add(name, { world });
    }
  },

  declareTests(suite) {
    const plans = () => suite().plans;

    describe('Preflight stops a plan that would fail at apply', () => {
      /** The resources module `name` is to create. */
      const created = (name: string): string[] =>
        Object.entries(moduleActions(plans().passing.json, name)).flatMap(([address, actions]) =>
          actions.join() === 'create' ? [address] : [],
        );

      test('GIVEN AWS as the config describes it WHEN planned THEN the plan passes, without a warning, and creates the four resources', () => {
        expect(plans().passing.exitCode).toBe(2);
        expect(moduleDiagnostics(plans().passing.messages, moduleSource(EXAMPLE))).toEqual([]);
        expect(created(EXAMPLE)).toHaveLength(4);
      });

      test.each(BROKEN_WORLDS)('GIVEN %s WHEN planned THEN the plan fails with what to change', (_, world, message) => {
        expect(plans().failing.code).toBe(1);
        expect(moduleDiagnostics(plans().failing.messages, moduleSource(brokenExampleModule(world)))).toContainEqual(
          expect.stringContaining(`error: Resource precondition failed: ${message}`),
        );
      });

      test('GIVEN a subnet that does not exist WHEN planned THEN the plan fails on that subnet, as against AWS', () => {
        const errors = plans().failing.messages.filter(
          (m) => m.diagnostic?.severity === 'error' && m.diagnostic.range?.filename.startsWith(`${moduleSource(MISSING_SUBNET)}/`),
        );
        // The provider's message names no ID (EC2's InvalidSubnetID.NotFound becomes "no matching ..."); the ID
        // is the key of the data source instance that failed.
        expect(errors.map((m) => m.diagnostic!.summary)).toEqual(['no matching EC2 Subnet found']);
        expect(errors[0].diagnostic!.address).toBe(
          `module.${MISSING_SUBNET}.data.aws_subnet.sample-preflight-subnets["${NO_SUCH_SUBNET}"]`,
        );
      });

      test('GIVEN allowedCidrBlocks outside the VPC WHEN planned THEN the plan passes with a warning (peering is legitimate)', () => {
        const diagnostics = moduleDiagnostics(plans().passing.messages, moduleSource(PEERED));
        expect(diagnostics).toEqual([expect.stringMatching(/^warning: Check block assertion failed: /)]);
        expect(diagnostics[0]).toContain(`allowedCidrBlocks 192.168.0.0/16 lie outside VPC ${VPC}'s CIDR blocks (10.0.0.0/16)`);
        expect(created(PEERED)).toHaveLength(4);
      });

      /** Module `name`'s diagnostics as one line of text (as the old whole-output assertions read them). */
      const failingText = (name: string): string =>
        moduleDiagnostics(plans().failing.messages, moduleSource(name)).join(' ').replace(/\s+/g, ' ');

      describe('GIVEN dual-stack endpoints, a dual-stack S3 gateway and fixed addresses', () => {
        test('WHEN planned against a VPC without IPv6 THEN the plan fails naming the subnets, the S3 service and the region', () => {
          expect(plans().failing.code).toBe(1);
          const text = failingText(DUAL_NO_IPV6);
          expect(text).toContain(
            `"ipAddressType": "dualstack" needs an IPv4 and an IPv6 CIDR block on every subnet of privateSubnetIds, but in ap-northeast-1 ${SUBNET_A} has no IPv6 CIDR block, ${SUBNET_C} has no IPv6 CIDR block;`,
          );
          expect(text).toContain(
            'com.amazonaws.ap-northeast-1.s3 (gateway) does not support dualstack endpoints in ap-northeast-1 (it supports ipv4); set "s3GatewayIpAddressType" to a type it supports there.',
          );
          // The interface endpoints need the group, whose check failed, so Terraform stops before theirs (next test).
        });

        test.each(DUAL_STACK_BROKEN.map(([title, , message], i) => [title, i, message] as const))(
          'WHEN planned against a dual-stack VPC with %s THEN the plan fails with what to change',
          (_, index, message) => {
            expect(plans().failing.code).toBe(1);
            const text = failingText(dualCaseName(index));
            expect(text).toContain('error: Resource precondition failed');
            expect(text).toContain(message);
          },
        );

        test('WHEN planned against a dual-stack VPC THEN the fixed addresses fail: one reserved, one outside its subnet', () => {
          expect(plans().failing.code).toBe(1);
          const text = failingText(DUAL_FIXED);
          expect(text).toContain(
            `endpointAddresses of com.amazonaws.ap-northeast-1.ecr.api must be free addresses of their subnets, but 10.0.0.3 in ${SUBNET_A} is reserved by AWS in 10.0.0.0/24, 10.0.2.10 in ${SUBNET_C} lies outside 10.0.1.0/24; AWS reserves the first four and the last address of every subnet CIDR block.`,
          );
          expect(text).not.toContain('does not support dualstack');
          expect(text).not.toContain('needs an IPv4 and an IPv6 CIDR block');
        });
      });

      test('GIVEN IPv6-only endpoints WHEN planned against dual-stack subnets THEN the plan fails: the subnets are not IPv6-only', () => {
        expect(plans().failing.code).toBe(1);
        expect(failingText(IPV6_ONLY)).toContain(
          `"ipAddressType": "ipv6" needs IPv6-only subnets, but in ap-northeast-1 ${SUBNET_A} is not (it has 10.0.0.0/24), ${SUBNET_C} is not (it has 10.0.1.0/24); use "ipAddressType": "dualstack"`,
        );
      });
    });
  },
};
