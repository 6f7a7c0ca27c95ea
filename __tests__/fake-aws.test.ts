import { EXAMPLE_WORLD, FakeAwsWorld, startFakeAws, withWorld } from './support/fake-aws';

/**
 * The fake AWS of the Terraform suites (support/fake-aws.ts), on the wire. What Terraform makes of its
 * answers is tested where a user relies on it: the preflight data sources in terraform/plans (its option
 * matrix and preflight topics), the reads of the stack's own resources (import, refresh) in terraform/adopt
 * and terraform/state-compatibility.
 */

const VPC = 'vpc-0a1b2c3d4e5f60718';
const SUBNET_A = 'subnet-0a1b2c3d4e5f60001';
const SUBNET_C = 'subnet-0a1b2c3d4e5f60002';
const ROUTE_TABLE = 'rtb-0a1b2c3d4e5f60003';

/** The wire format, for what Terraform's messages do not show: EC2 error codes and unhandled actions. */
describe('fake-aws on the wire', () => {
  async function call(world: FakeAwsWorld, body: Record<string, string>): Promise<{ status: number; text: string }> {
    const fake = await startFakeAws(world);
    try {
      const response = await fetch(fake.url, { method: 'POST', body: new URLSearchParams(body) });
      return { status: response.status, text: await response.text() };
    } finally {
      await fake.close();
    }
  }

  test.each([
    ['DescribeVpcs', { 'VpcId.1': 'vpc-0000000000000000f' }, 'InvalidVpcID.NotFound', "The vpc ID 'vpc-0000000000000000f' does not exist"],
    [
      'DescribeSubnets',
      { 'SubnetId.1': 'subnet-0000000000000000f' },
      'InvalidSubnetID.NotFound',
      "The subnet ID 'subnet-0000000000000000f' does not exist",
    ],
    [
      'DescribeRouteTables',
      { 'RouteTableId.1': 'rtb-0000000000000000f' },
      'InvalidRouteTableID.NotFound',
      "The routeTable ID 'rtb-0000000000000000f' does not exist",
    ],
    [
      'DescribeVpcEndpointServices',
      { 'ServiceName.1': 'com.amazonaws.ap-northeast-1.nope' },
      'InvalidServiceName',
      "The Vpc Endpoint Service 'com.amazonaws.ap-northeast-1.nope' does not exist",
    ],
    [
      'DescribeSubnets',
      { 'Filter.1.Name': 'no-such-filter', 'Filter.1.Value.1': 'x' },
      'InvalidParameterValue',
      "The filter 'no-such-filter' is invalid",
    ],
    [
      'DescribeSecurityGroups',
      { 'GroupId.1': 'sg-0000000000000000f' },
      'InvalidGroup.NotFound',
      "The security group 'sg-0000000000000000f' does not exist",
    ],
    [
      'DescribeVpcEndpoints',
      { 'VpcEndpointId.1': 'vpce-0000000000000000f' },
      'InvalidVpcEndpointId.NotFound',
      "The Vpc Endpoint Id 'vpce-0000000000000000f' does not exist",
    ],
    [
      'DescribeNetworkInterfaces',
      { 'NetworkInterfaceId.1': 'eni-0000000000000000f' },
      'InvalidNetworkInterfaceID.NotFound',
      "The networkInterface ID 'eni-0000000000000000f' does not exist",
    ],
    [
      'DescribePrefixLists',
      { 'PrefixListId.1': 'pl-0000000f' },
      'InvalidPrefixListId.NotFound',
      "The prefix list ID 'pl-0000000f' does not exist",
    ],
    ['CreateVpc', { CidrBlock: '10.9.0.0/16' }, 'UnsupportedOperation', 'fake-aws has no handler for CreateVpc'],
  ])('GIVEN %s with %j WHEN asked THEN it answers 400 with EC2 error %s', async (action, params, code, message) => {
    const { status, text } = await call(EXAMPLE_WORLD, { Action: action, Version: '2016-11-15', ...params });

    expect(status).toBe(400);
    expect(text).toContain(`<Response><Errors><Error><Code>${code}</Code><Message>${message}`);
  });

  test('GIVEN a vpc-id filter WHEN DescribeSubnets THEN only that VPC’s subnets come back', async () => {
    const world = withWorld(EXAMPLE_WORLD, (edited) => {
      edited.subnets[1].vpcId = 'vpc-0f0f0f0f0f0f0f0f0';
    });

    const { status, text } = await call(world, {
      Action: 'DescribeSubnets',
      Version: '2016-11-15',
      'Filter.1.Name': 'vpc-id',
      'Filter.1.Value.1': VPC,
    });

    expect(status).toBe(200);
    expect(text).toContain(`<subnetId>${SUBNET_A}</subnetId>`);
    expect(text).not.toContain(SUBNET_C);
  });

  test('GIVEN the filters aws_vpc reads its default group with WHEN DescribeSecurityGroups THEN only the VPC’s default group comes back', async () => {
    const { status, text } = await call(EXAMPLE_WORLD, {
      Action: 'DescribeSecurityGroups',
      Version: '2016-11-15',
      'Filter.1.Name': 'group-name',
      'Filter.1.Value.1': 'default',
      'Filter.2.Name': 'vpc-id',
      'Filter.2.Value.1': VPC,
    });

    expect(status).toBe(200);
    expect(text).toContain('<groupId>sg-0a1b2c3d4e5f6000b</groupId><groupName>default</groupName>');
    expect(text).not.toContain('<groupId>sg-0a1b2c3d4e5f60004</groupId><groupName>');
  });

  test('GIVEN the S3 gateway endpoint WHEN DescribeRouteTables of its route table THEN the table routes the S3 prefix list through it', async () => {
    const { status, text } = await call(EXAMPLE_WORLD, {
      Action: 'DescribeRouteTables',
      Version: '2016-11-15',
      'RouteTableId.1': ROUTE_TABLE,
    });

    expect(status).toBe(200);
    expect(text).toContain('<destinationPrefixListId>pl-61a54008</destinationPrefixListId><gatewayId>vpce-0a1b2c3d4e5f60007</gatewayId>');
  });

  test('GIVEN EXAMPLE_WORLD WHEN a test tries to change it THEN it throws (use withWorld)', () => {
    expect(() => {
      EXAMPLE_WORLD.vpcs[0].enableDnsHostnames = false;
    }).toThrow(TypeError);
  });

  test('GIVEN a world derived with withWorld WHEN the fake answers THEN it holds the changes, and EXAMPLE_WORLD is untouched', async () => {
    const changed = withWorld(EXAMPLE_WORLD, (world) => {
      world.vpcs[0].enableDnsHostnames = false;
      world.subnets[1] = { ...world.subnets[1], vpcId: 'vpc-0f0f0f0f0f0f0f0f0' };
    });

    const { text } = await call(changed, { Action: 'DescribeSubnets', Version: '2016-11-15', 'SubnetId.1': SUBNET_C });

    expect(text).toContain('<vpcId>vpc-0f0f0f0f0f0f0f0f0</vpcId>');
    expect(changed.vpcs[0].enableDnsHostnames).toBe(false);
    expect(EXAMPLE_WORLD.vpcs[0]).toEqual({ id: VPC, cidrBlocks: ['10.0.0.0/16'], enableDnsSupport: true, enableDnsHostnames: true });
    expect(EXAMPLE_WORLD.subnets[1].vpcId).toBe(VPC);
  });
});
