import { tempProject } from '../support/app-process';
import { EXAMPLE_WORLD, FakeAwsWorld, startFakeAws, withWorld } from '../support/fake-aws';
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
