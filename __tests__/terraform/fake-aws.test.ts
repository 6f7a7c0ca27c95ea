import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { AWS_PROVIDER_VERSION } from '../../lib/provider-version';
import { EXAMPLE_WORLD, FakeAwsWorld, startFakeAws, withWorld } from '../support/fake-aws';
import { CommandResult, run } from '../support/run';
import { describeWithTerraform, locateTerraform, Terraform } from '../support/terraform';

jest.setTimeout(60_000);

const VPC = 'vpc-0a1b2c3d4e5f60718';
const SUBNET_A = 'subnet-0a1b2c3d4e5f60001';
const SUBNET_C = 'subnet-0a1b2c3d4e5f60002';
const ROUTE_TABLE = 'rtb-0a1b2c3d4e5f60003';
const REGION = 'ap-northeast-1';
const AZS = ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'];

/**
 * The five data sources the preflight reads, by the example's IDs. Subnets are named by their IDs, as the
 * Preflight construct names its data sources, so Terraform's "with data.aws_subnet.<name>" names the ID.
 */
const CONFIG = {
  terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: AWS_PROVIDER_VERSION } } },
  provider: { aws: { region: REGION } },
  data: {
    aws_caller_identity: { current: {} },
    aws_vpc: { vpc: { id: VPC } },
    aws_subnet: { [SUBNET_A]: { id: SUBNET_A }, [SUBNET_C]: { id: SUBNET_C } },
    aws_route_table: { private: { route_table_id: ROUTE_TABLE } },
    aws_vpc_endpoint_service: {
      ecr_dkr: { service_name: `com.amazonaws.${REGION}.ecr.dkr`, service_type: 'Interface' },
      s3: { service_name: `com.amazonaws.${REGION}.s3`, service_type: 'Gateway' },
    },
  },
  output: {
    account_id: { value: '${data.aws_caller_identity.current.account_id}' },
    vpc: {
      value: {
        enable_dns_support: '${data.aws_vpc.vpc.enable_dns_support}',
        enable_dns_hostnames: '${data.aws_vpc.vpc.enable_dns_hostnames}',
        cidr_blocks: '${[for association in data.aws_vpc.vpc.cidr_block_associations : association.cidr_block]}',
        main_route_table_id: '${data.aws_vpc.vpc.main_route_table_id}',
      },
    },
    subnets: {
      value: Object.fromEntries(
        [SUBNET_A, SUBNET_C].map((id) => [
          id,
          {
            vpc_id: `\${data.aws_subnet.${id}.vpc_id}`,
            cidr_block: `\${data.aws_subnet.${id}.cidr_block}`,
            availability_zone: `\${data.aws_subnet.${id}.availability_zone}`,
            availability_zone_id: `\${data.aws_subnet.${id}.availability_zone_id}`,
          },
        ]),
      ),
    },
    route_table_vpc_id: { value: '${data.aws_route_table.private.vpc_id}' },
    ecr_dkr: {
      value: {
        service_type: '${data.aws_vpc_endpoint_service.ecr_dkr.service_type}',
        availability_zones: '${data.aws_vpc_endpoint_service.ecr_dkr.availability_zones}',
      },
    },
    s3: {
      value: {
        service_type: '${data.aws_vpc_endpoint_service.s3.service_type}',
        availability_zones: '${data.aws_vpc_endpoint_service.s3.availability_zones}',
      },
    },
  },
};

interface Applied {
  readonly result: CommandResult;
  /** The actions the fake received during the run. */
  readonly requests: string[];
  /** The outputs' values, when the run succeeded. */
  readonly outputs: Record<string, unknown>;
}

describeWithTerraform('The fake AWS answers the preflight data sources in a real Terraform run', (terraformFor) => {
  let terraform: Terraform;
  let binary: string;
  let dir: string;

  beforeAll(async () => {
    terraform = terraformFor();
    const setup = locateTerraform();
    if (!('terraform' in setup)) {
      throw new Error(setup.missing);
    }
    binary = setup.terraform;
    dir = mkdtempSync(path.join(tmpdir(), 'ecr-privatelink-fake-aws-'));
    writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify(CONFIG, null, 2));
    await terraform.expect([0], dir, 'init', '-input=false');
  });

  let runs = 0;

  /**
   * `terraform apply -refresh=false` with EC2 and STS answered by a fake of `world`. With only data sources
   * and outputs, the apply's plan reads the data sources and the apply saves the outputs, in a state of
   * its own (`output` then needs no provider, which is faster than `plan -out` and `show -json`).
   */
  async function applyAgainst(world: FakeAwsWorld): Promise<Applied> {
    const state = `run-${++runs}.tfstate`;
    const fake = await startFakeAws(world);
    try {
      const env = { ...terraform.env, AWS_ENDPOINT_URL_EC2: fake.url, AWS_ENDPOINT_URL_STS: fake.url };
      const result = await run(binary, ['apply', '-no-color', '-input=false', '-auto-approve', '-refresh=false', `-state=${state}`], { cwd: dir, env });
      if (result.code !== 0) {
        return { result, requests: [...fake.requests], outputs: {} };
      }
      const shown = await terraform.expect([0], dir, 'output', '-json', `-state=${state}`);
      const outputs = JSON.parse(shown.stdout) as Record<string, { value: unknown }>;
      return {
        result,
        requests: [...fake.requests],
        outputs: Object.fromEntries(Object.entries(outputs).map(([name, output]) => [name, output.value])),
      };
    } finally {
      await fake.close();
    }
  }

  test('GIVEN the example world WHEN applied with -refresh=false THEN every data source reads its values from the world', async () => {
    const { result, requests, outputs } = await applyAgainst(EXAMPLE_WORLD);

    expect(result.code).toBe(0);
    expect(outputs).toEqual({
      account_id: '123456789012',
      vpc: { enable_dns_support: true, enable_dns_hostnames: true, cidr_blocks: ['10.0.0.0/16'], main_route_table_id: 'rtb-0a1b2c3d4e5f6000a' },
      subnets: {
        [SUBNET_A]: { vpc_id: VPC, cidr_block: '10.0.0.0/24', availability_zone: 'ap-northeast-1a', availability_zone_id: 'apne1-az1' },
        [SUBNET_C]: { vpc_id: VPC, cidr_block: '10.0.1.0/24', availability_zone: 'ap-northeast-1c', availability_zone_id: 'apne1-az3' },
      },
      route_table_vpc_id: VPC,
      ecr_dkr: { service_type: 'Interface', availability_zones: AZS },
      s3: { service_type: 'Gateway', availability_zones: AZS },
    });
    // What provider 5.100.0 calls for these five data sources (and the provider's own identity check).
    expect([...new Set(requests)].sort()).toEqual([
      'DescribeRouteTables',
      'DescribeSubnets',
      'DescribeVpcAttribute',
      'DescribeVpcEndpointServices',
      'DescribeVpcs',
      'GetCallerIdentity',
    ]);
  });

  test('GIVEN a world derived with withWorld WHEN applied THEN Terraform sees the changes and EXAMPLE_WORLD is untouched', async () => {
    const broken = withWorld(EXAMPLE_WORLD, (world) => {
      world.vpcs[0].enableDnsHostnames = false;
      world.vpcs[0].cidrBlocks.push('10.1.0.0/16');
      world.subnets[1] = { ...world.subnets[1], vpcId: 'vpc-0f0f0f0f0f0f0f0f0', availabilityZone: 'ap-northeast-1d' };
      world.endpointServices.find((service) => service.serviceName.endsWith('.ecr.dkr'))!.availabilityZones = ['ap-northeast-1a'];
    });

    const { result, outputs } = await applyAgainst(broken);

    expect(result.code).toBe(0);
    expect(outputs.vpc).toMatchObject({ enable_dns_support: true, enable_dns_hostnames: false, cidr_blocks: ['10.0.0.0/16', '10.1.0.0/16'] });
    expect(outputs.subnets).toMatchObject({ [SUBNET_C]: { vpc_id: 'vpc-0f0f0f0f0f0f0f0f0', availability_zone: 'ap-northeast-1d' } });
    expect(outputs.ecr_dkr).toEqual({ service_type: 'Interface', availability_zones: ['ap-northeast-1a'] });
    expect(EXAMPLE_WORLD.vpcs[0]).toEqual({ id: VPC, cidrBlocks: ['10.0.0.0/16'], enableDnsSupport: true, enableDnsHostnames: true });
    expect(EXAMPLE_WORLD.subnets[1].vpcId).toBe(VPC);
  });

  test('GIVEN a world without one subnet WHEN applied THEN planning fails on that subnet, as against AWS', async () => {
    const world = withWorld(EXAMPLE_WORLD, (edited) => {
      edited.subnets = edited.subnets.filter((subnet) => subnet.id !== SUBNET_C);
    });

    const { result, requests } = await applyAgainst(world);

    expect(result.code).toBe(1);
    // The provider's message names no ID (EC2's InvalidSubnetID.NotFound becomes "no matching ..."); the ID
    // comes from Terraform's "with data.aws_subnet.<name>" line and source snippet.
    expect(result.stderr).toContain('Error: no matching EC2 Subnet found');
    expect(result.stderr).toContain(`with data.aws_subnet.${SUBNET_C}`);
    expect(result.stderr).not.toContain(`with data.aws_subnet.${SUBNET_A}`);
    expect(requests).toContain('DescribeSubnets');
  });
});

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
    ['DescribeSubnets', { 'SubnetId.1': 'subnet-0000000000000000f' }, 'InvalidSubnetID.NotFound', "The subnet ID 'subnet-0000000000000000f' does not exist"],
    ['DescribeRouteTables', { 'RouteTableId.1': 'rtb-0000000000000000f' }, 'InvalidRouteTableID.NotFound', "The routeTable ID 'rtb-0000000000000000f' does not exist"],
    ['DescribeVpcEndpointServices', { 'ServiceName.1': 'com.amazonaws.ap-northeast-1.nope' }, 'InvalidServiceName', "The Vpc Endpoint Service 'com.amazonaws.ap-northeast-1.nope' does not exist"],
    ['DescribeSubnets', { 'Filter.1.Name': 'no-such-filter', 'Filter.1.Value.1': 'x' }, 'InvalidParameterValue', "The filter 'no-such-filter' is invalid"],
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
      Action: 'DescribeSubnets', Version: '2016-11-15', 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': VPC,
    });

    expect(status).toBe(200);
    expect(text).toContain(`<subnetId>${SUBNET_A}</subnetId>`);
    expect(text).not.toContain(SUBNET_C);
  });

  test('GIVEN EXAMPLE_WORLD WHEN a test tries to change it THEN it throws (use withWorld)', () => {
    expect(() => {
      EXAMPLE_WORLD.vpcs[0].enableDnsHostnames = false;
    }).toThrow(TypeError);
  });
});
