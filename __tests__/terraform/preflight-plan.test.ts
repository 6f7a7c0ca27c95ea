import * as path from 'path';
import { tempProject } from '../support/app-process';
import { EXAMPLE_WORLD, FakeAws, FakeAwsWorld, startFakeAws, withWorld } from '../support/fake-aws';
import { moduleDiagnostics, providerWithKey, synthModule, worldAccessKey, writeRoot } from '../support/module-root';
import { describeWithTerraform, PlanMessage } from '../support/terraform';

jest.setTimeout(180_000);

const VPC = EXAMPLE_WORLD.vpcs[0].id;
const [SUBNET_A, SUBNET_C] = EXAMPLE_WORLD.subnets.map((s) => s.id);
const ROUTE_TABLE = 'rtb-0a1b2c3d4e5f60003';

/** AWS as it must not be for the example: what is wrong, and the message the plan must fail with. */
const BROKEN_WORLDS: [title: string, edit: (world: FakeAwsWorld) => void, message: string][] = [
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
];

const caseName = (index: number): string => `broken_${index}`;
const MISSING_SUBNET = 'missing_subnet';

/**
 * `cdktf diff`'s plan with preflight on, against a fake AWS holding a broken world: the plan must fail
 * before anything is created, with the message saying what to change. Each case is the example stack as a
 * child module of one test configuration, its provider signing with the access key of its own world in
 * the fake AWS, so that all cases are one Terraform run (see support/module-root.ts); those that must
 * pass are another.
 */
describeWithTerraform('Preflight stops a plan that would fail at apply', (terraformFor) => {
  let passing: { code: number; messages: PlanMessage[] };
  let failing: { code: number; messages: PlanMessage[] };
  let fake: FakeAws | undefined;

  beforeAll(async () => {
    const terraform = terraformFor();
    const work = tempProject('preflight-plan');
    const modules = (name: string) => path.join(work, 'modules', name);
    synthModule([modules('example'), ...BROKEN_WORLDS.map((_, i) => modules(caseName(i))), modules(MISSING_SUBNET)], {});
    synthModule([modules('peered')], { allowedCidrBlocks: ['10.0.0.0/16', '192.168.0.0/16'] });
    const worlds: [string, FakeAwsWorld][] = [
      ...BROKEN_WORLDS.map(([, edit], i): [string, FakeAwsWorld] => [caseName(i), withWorld(EXAMPLE_WORLD, edit)]),
      [
        MISSING_SUBNET,
        withWorld(EXAMPLE_WORLD, (world) => {
          world.subnets = world.subnets.filter((subnet) => subnet.id !== SUBNET_C);
        }),
      ],
    ];
    // One fake for all broken worlds: each case's provider signs with the access key of its world.
    fake = await startFakeAws(EXAMPLE_WORLD, Object.fromEntries(worlds.map(([, world], i) => [worldAccessKey(i), world])));
    const passingRoot = writeRoot(path.join(work, 'passing'), [{ region: 'ap-northeast-1' }], {
      example: { source: '../modules/example' },
      peered: { source: '../modules/peered' },
    });
    const failingRoot = writeRoot(
      path.join(work, 'failing'),
      worlds.map(([name], i) => providerWithKey(worldAccessKey(i), name)),
      Object.fromEntries(worlds.map(([name]) => [name, { source: `../modules/${name}`, provider: `aws.${name}` }])),
    );
    await Promise.all([passingRoot, failingRoot].map((root) => terraform.expect([0], root, 'init', '-input=false')));
    [passing, failing] = await Promise.all([terraform.planMessages(passingRoot), terraform.against(fake.url).planMessages(failingRoot)]);
  });

  afterAll(() => fake?.close());

  /** The resources module `name` is to create. */
  const created = (name: string): string[] =>
    passing.messages
      .filter((m) => m.type === 'planned_change' && m.change!.action === 'create' && m.change!.resource.addr.startsWith(`module.${name}.`))
      .map((m) => m.change!.resource.addr);

  test('GIVEN AWS as the config describes it WHEN planned THEN the plan passes, without a warning, and creates the four resources', () => {
    expect(passing.code).toBe(0);
    expect(moduleDiagnostics(passing.messages, '../modules/example')).toEqual([]);
    expect(created('example')).toHaveLength(4);
  });

  test.each(BROKEN_WORLDS.map(([title, , message], i) => [title, i, message] as const))(
    'GIVEN %s WHEN planned THEN the plan fails with what to change',
    (_, index, message) => {
      expect(failing.code).toBe(1);
      expect(moduleDiagnostics(failing.messages, `../modules/${caseName(index)}`)).toContainEqual(
        expect.stringContaining(`error: Resource precondition failed: ${message}`),
      );
    },
  );

  test('GIVEN a subnet that does not exist WHEN planned THEN the plan fails on that subnet, as against AWS', () => {
    const errors = failing.messages.filter(
      (m) => m.diagnostic?.severity === 'error' && m.diagnostic.range?.filename.startsWith(`../modules/${MISSING_SUBNET}/`),
    );
    // The provider's message names no ID (EC2's InvalidSubnetID.NotFound becomes "no matching ..."); the ID
    // is the key of the data source instance that failed.
    expect(errors.map((m) => m.diagnostic!.summary)).toEqual(['no matching EC2 Subnet found']);
    expect(errors[0].diagnostic!.address).toBe(`module.${MISSING_SUBNET}.data.aws_subnet.sample-preflight-subnets["${SUBNET_C}"]`);
  });

  test('GIVEN allowedCidrBlocks outside the VPC WHEN planned THEN the plan passes with a warning (peering is legitimate)', () => {
    const diagnostics = moduleDiagnostics(passing.messages, '../modules/peered');
    expect(diagnostics).toEqual([expect.stringMatching(/^warning: Check block assertion failed: /)]);
    expect(diagnostics[0]).toContain(`allowedCidrBlocks 192.168.0.0/16 lie outside VPC ${VPC}'s CIDR blocks (10.0.0.0/16)`);
    expect(created('peered')).toHaveLength(4);
  });
});
