import { tempProject } from '../support/app-process';
import { DUAL_STACK_WORLD, EXAMPLE_WORLD, FakeAwsWorld, startFakeAws, withWorld } from '../support/fake-aws';
import { synthInProject } from '../support/synth-in-project';
import { describeWithTerraform, Terraform } from '../support/terraform';

jest.setTimeout(120_000);

const VPC = EXAMPLE_WORLD.vpcs[0].id;
const [SUBNET_A, SUBNET_C] = EXAMPLE_WORLD.subnets.map((s) => s.id);
const ROUTE_TABLE = 'rtb-0a1b2c3d4e5f60003';

/**
 * `cdktf diff`'s plan with preflight on, against a fake AWS holding a broken world: the plan must fail
 * before anything is created, with the message saying what to change.
 */
describeWithTerraform('Preflight stops a plan that would fail at apply', (terraformFor) => {
  let terraform: Terraform;
  let stack: string;

  beforeAll(async () => {
    terraform = terraformFor();
    stack = synthInProject(tempProject('preflight-plan'));
    await terraform.expect([0], stack, 'init', '-input=false');
  });

  /** Plans the example stack against `world`; returns the exit code and all output. */
  async function planAgainst(world: FakeAwsWorld, dir = stack): Promise<{ code: number; output: string }> {
    const aws = await startFakeAws(world);
    try {
      const result = await terraform.against(aws.url).run(dir, 'plan', '-input=false');
      // Terraform wraps messages and frames them with │; fold that back into one line of text.
      return { code: result.code, output: (result.stdout + result.stderr).replace(/[\s│]+/g, ' ') };
    } finally {
      await aws.close();
    }
  }

  test('GIVEN AWS as the config describes it WHEN planned THEN the plan passes and creates the four resources', async () => {
    const result = await planAgainst(EXAMPLE_WORLD);
    expect(result.output).toContain('Plan: 4 to add, 0 to change, 0 to destroy.');
    expect(result.output).not.toContain('Warning');
    expect(result.code).toBe(0);
  });

  test.each<[string, (world: FakeAwsWorld) => void, string]>([
    [
      'a VPC without DNS hostnames',
      (w) => {
        w.vpcs[0].enableDnsHostnames = false;
      },
      `VPC ${VPC} needs enableDnsSupport and enableDnsHostnames for private DNS on the interface endpoints (now true and false)`,
    ],
    [
      'a subnet of another VPC',
      (w) => {
        w.vpcs.push({ ...w.vpcs[0], id: 'vpc-0fedcba987654321f', cidrBlocks: ['10.9.0.0/16'] });
        w.subnets[1].vpcId = 'vpc-0fedcba987654321f';
      },
      `privateSubnetIds must be subnets of vpcId ${VPC}, but ${SUBNET_C} is in vpc-0fedcba987654321f; list private subnets of ${VPC}.`,
    ],
    [
      'two subnets in one Availability Zone',
      (w) => {
        w.subnets[1].availabilityZone = 'ap-northeast-1a';
      },
      `privateSubnetIds share Availability Zones (${SUBNET_A} in ap-northeast-1a, ${SUBNET_C} in ap-northeast-1a)`,
    ],
    [
      "ecr.dkr not offered in a subnet's AZ",
      (w) => {
        const dkr = w.endpointServices.find((s) => s.serviceName.endsWith('.ecr.dkr'))!;
        dkr.availabilityZones = ['ap-northeast-1a', 'ap-northeast-1d'];
      },
      `com.amazonaws.ap-northeast-1.ecr.dkr is not offered in the Availability Zone of ${SUBNET_C} (ap-northeast-1c) (offered in ap-northeast-1a, ap-northeast-1d)`,
    ],
    [
      'a route table of another VPC',
      (w) => {
        w.vpcs.push({ ...w.vpcs[0], id: 'vpc-0fedcba987654321f', cidrBlocks: ['10.9.0.0/16'] });
        w.routeTables.find((t) => t.id === ROUTE_TABLE)!.vpcId = 'vpc-0fedcba987654321f';
      },
      `privateRouteTableIds must be route tables of vpcId ${VPC}, but ${ROUTE_TABLE} is in vpc-0fedcba987654321f`,
    ],
  ])('GIVEN %s WHEN planned THEN the plan fails with what to change', async (_, edit, message) => {
    const result = await planAgainst(withWorld(EXAMPLE_WORLD, edit));
    // The plan fails (Terraform may still list what it had planned before the problem).
    expect(result.code).toBe(1);
    expect(result.output).toContain('Error: Resource precondition failed');
    expect(result.output).toContain(message);
  });

  describe('GIVEN dual-stack endpoints, a dual-stack S3 gateway and fixed addresses', () => {
    let dualStack: string;

    beforeAll(async () => {
      dualStack = synthInProject(tempProject('preflight-dual-stack'), {
        ipAddressType: 'dualstack',
        s3GatewayIpAddressType: 'dualstack',
        endpointAddresses: {
          'ecr.api': {
            [SUBNET_A]: { ipv4: '10.0.0.3', ipv6: '2600:1f18:4d3:5e00::10' },
            [SUBNET_C]: { ipv4: '10.0.2.10', ipv6: '2600:1f18:4d3:5e01::10' },
          },
        },
      });
      await terraform.expect([0], dualStack, 'init', '-input=false');
    });

    test('WHEN planned against a VPC without IPv6 THEN the plan fails naming the subnets, the S3 service and the region', async () => {
      const result = await planAgainst(EXAMPLE_WORLD, dualStack);
      expect(result.code).toBe(1);
      expect(result.output).toContain(
        `"ipAddressType": "dualstack" needs an IPv4 and an IPv6 CIDR block on every subnet of privateSubnetIds, but in ap-northeast-1 ${SUBNET_A} has no IPv6 CIDR block, ${SUBNET_C} has no IPv6 CIDR block;`,
      );
      expect(result.output).toContain(
        'com.amazonaws.ap-northeast-1.s3 (gateway) does not support dualstack endpoints in ap-northeast-1 (it supports ipv4); set "s3GatewayIpAddressType" to a type it supports there.',
      );
      // The interface endpoints need the group, whose check failed, so Terraform stops before theirs (next test).
    });

    test.each<[string, (world: FakeAwsWorld) => void, string]>([
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
    ])('WHEN planned against a dual-stack VPC with %s THEN the plan fails with what to change', async (_, edit, message) => {
      const result = await planAgainst(withWorld(DUAL_STACK_WORLD, edit), dualStack);
      expect(result.code).toBe(1);
      expect(result.output).toContain('Error: Resource precondition failed');
      expect(result.output).toContain(message);
    });

    test('WHEN planned against a dual-stack VPC THEN the fixed addresses fail: one reserved, one outside its subnet', async () => {
      const result = await planAgainst(DUAL_STACK_WORLD, dualStack);
      expect(result.code).toBe(1);
      expect(result.output).toContain(
        `endpointAddresses of com.amazonaws.ap-northeast-1.ecr.api must be free addresses of their subnets, but 10.0.0.3 in ${SUBNET_A} is reserved by AWS in 10.0.0.0/24, 10.0.2.10 in ${SUBNET_C} lies outside 10.0.1.0/24; AWS reserves the first four and the last address of every subnet CIDR block.`,
      );
      expect(result.output).not.toContain('does not support dualstack');
      expect(result.output).not.toContain('needs an IPv4 and an IPv6 CIDR block');
    });
  });

  test('GIVEN IPv6-only endpoints WHEN planned against dual-stack subnets THEN the plan fails: the subnets are not IPv6-only', async () => {
    const ipv6 = synthInProject(tempProject('preflight-ipv6'), { ipAddressType: 'ipv6' });
    await terraform.expect([0], ipv6, 'init', '-input=false');
    const result = await planAgainst(DUAL_STACK_WORLD, ipv6);
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      `"ipAddressType": "ipv6" needs IPv6-only subnets, but in ap-northeast-1 ${SUBNET_A} is not (it has 10.0.0.0/24), ${SUBNET_C} is not (it has 10.0.1.0/24); use "ipAddressType": "dualstack"`,
    );
  });

  test('GIVEN allowedCidrBlocks outside the VPC WHEN planned THEN the plan passes with a warning (peering is legitimate)', async () => {
    const peered = synthInProject(tempProject('preflight-peered'), { allowedCidrBlocks: ['10.0.0.0/16', '192.168.0.0/16'] });
    await terraform.expect([0], peered, 'init', '-input=false');
    const result = await planAgainst(EXAMPLE_WORLD, peered);
    expect(result.code).toBe(0);
    expect(result.output).toContain('Check block assertion failed');
    expect(result.output).toContain(`allowedCidrBlocks 192.168.0.0/16 lie outside VPC ${VPC}'s CIDR blocks (10.0.0.0/16)`);
    expect(result.output).toContain('Plan: 4 to add');
  });
});
