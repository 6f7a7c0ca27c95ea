import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { AWS_PROVIDER_VERSION } from '../../lib/provider-version';
import { runApp, stackDirectory, tempProject } from '../support/app-process';
import { EXAMPLE_WORLD, FakeAwsWorld, ORIGINAL_STATE_PATH, startFakeAws, TerraformState, withWorld } from '../support/fake-aws';
import { CommandResult, run } from '../support/run';
import { describeWithTerraform, Terraform } from '../support/terraform';

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
    binary = terraform.binary;
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

/** The example stack's four resources and their IDs in EXAMPLE_WORLD, which are those of the state fixture. */
const ADOPTED: Record<string, string> = {
  'aws_security_group.sample-ecr-privatelink': 'sg-0a1b2c3d4e5f60004',
  'aws_vpc_endpoint.sample-ecr-api': 'vpce-0a1b2c3d4e5f60005',
  'aws_vpc_endpoint.sample-ecr-dkr': 'vpce-0a1b2c3d4e5f60006',
  'aws_vpc_endpoint.sample-s3': 'vpce-0a1b2c3d4e5f60007',
};

interface Planned {
  readonly code: number;
  /** stdout and stderr, Terraform's wrapping and │ frames folded into single spaces. */
  readonly output: string;
  readonly requests: string[];
}

describeWithTerraform('The fake AWS answers the reads of the stack\'s own resources (import, refresh)', (terraformFor) => {
  let terraform: Terraform;
  let stack: string;
  /** Where the stack's local backend keeps its state (`backend.path` of config/example.json). */
  let statePath: string;
  let synthesized: Record<string, unknown>;

  beforeAll(async () => {
    terraform = terraformFor();
    const project = tempProject('fake-aws-resources');
    const app = await runApp(project);
    if (app.code !== 0) {
      throw new Error(`the app exited ${app.code}\n${app.stdout}\n${app.stderr}`);
    }
    stack = stackDirectory(project, 'sample');
    statePath = path.join(project, 'terraform.sample.tfstate');
    synthesized = JSON.parse(readFileSync(path.join(stack, 'cdk.tf.json'), 'utf8')) as Record<string, unknown>;
    await terraform.expect([0], stack, 'init', '-input=false');
  });

  /** The stack as the app synthesized it, changed by `edit`, and its state: `state`, or none. */
  function prepare(edit: (config: Record<string, unknown>) => void, state?: object): void {
    const config = structuredClone(synthesized);
    edit(config);
    writeFileSync(path.join(stack, 'cdk.tf.json'), JSON.stringify(config, null, 2));
    rmSync(statePath, { force: true });
    if (state) {
      writeFileSync(statePath, JSON.stringify(state, null, 2));
    }
  }

  const withImportBlocks = (config: Record<string, unknown>): void => {
    config.import = Object.entries(ADOPTED).map(([to, id]) => ({ to, id }));
  };

  /** `terraform plan` of the stack (with refresh) against a fake AWS holding `world`. */
  async function planAgainst(world: FakeAwsWorld, ...args: string[]): Promise<Planned> {
    const fake = await startFakeAws(world);
    try {
      const result = await terraform.against(fake.url).run(stack, 'plan', '-input=false', '-detailed-exitcode', ...args);
      return { code: result.code, output: (result.stdout + result.stderr).replace(/[\s│]+/g, ' '), requests: [...fake.requests] };
    } finally {
      await fake.close();
    }
  }

  test('GIVEN import blocks for the four resources and no state WHEN planned THEN all four are imported and nothing else changes', async () => {
    prepare(withImportBlocks);

    const { code, output, requests } = await planAgainst(EXAMPLE_WORLD);

    expect(output).toContain('Plan: 4 to import, 0 to add, 0 to change, 0 to destroy.');
    expect(code).toBe(2); // the outputs are new
    for (const [address, id] of Object.entries(ADOPTED)) {
      expect(output).toContain(`# ${address} will be imported`);
      expect(output).toContain(`id = "${id}"`);
    }
    // What provider 5.100.0 calls to read the resources, besides the preflight data sources' reads:
    // aws_security_group: DescribeSecurityGroups by ID; aws_vpc_endpoint: DescribeVpcEndpoints by ID,
    // DescribePrefixLists by the service name (a Gateway's prefix_list_id and cidr_blocks), and
    // DescribeNetworkInterfaces for each ENI (an Interface endpoint's subnet_configuration).
    expect([...new Set(requests)].sort()).toEqual([
      'DescribeNetworkInterfaces',
      'DescribePrefixLists',
      'DescribeRouteTables',
      'DescribeSecurityGroups',
      'DescribeSubnets',
      'DescribeVpcAttribute',
      'DescribeVpcEndpointServices',
      'DescribeVpcEndpoints',
      'DescribeVpcs',
      'GetCallerIdentity',
    ]);
    expect(requests.filter((action) => action === 'DescribeNetworkInterfaces')).toHaveLength(4);
  });

  test('GIVEN the existing group has another description WHEN the import is planned THEN the group is imported and replaced', async () => {
    prepare(withImportBlocks);
    const world = withWorld(EXAMPLE_WORLD, (edited) => {
      edited.securityGroups!.find((group) => group.id === ADOPTED['aws_security_group.sample-ecr-privatelink'])!.description = 'Managed by hand';
    });

    const { code, output } = await planAgainst(world);

    expect(code).toBe(2);
    expect(output).toContain('# aws_security_group.sample-ecr-privatelink must be replaced');
    expect(output).toContain('~ description = "Managed by hand" -> "ECR PrivateLink endpoints: HTTPS from inside the VPC" # forces replacement');
    expect(output).toContain('Plan: 4 to import, 1 to add, 2 to change, 1 to destroy.');
  });

  test('GIVEN a world without the ecr.dkr endpoint WHEN the import is planned THEN it fails on that ID, as against AWS', async () => {
    prepare(withImportBlocks);
    const world = withWorld(EXAMPLE_WORLD, (edited) => {
      edited.vpcEndpoints = edited.vpcEndpoints!.filter((endpoint) => endpoint.id !== ADOPTED['aws_vpc_endpoint.sample-ecr-dkr']);
    });

    const { code, output } = await planAgainst(world);

    expect(code).toBe(1);
    // The provider takes EC2's InvalidVpcEndpointId.NotFound as "gone", and Terraform refuses the import.
    expect(output).toContain('Error: Cannot import non-existent remote object');
    expect(output).toContain('import an existing object to "aws_vpc_endpoint.sample-ecr-dkr", the provider detected that no object exists');
    expect(output).toContain('Plan: 3 to import');
  });

  test('GIVEN the fixture\'s four resources as the stack\'s state WHEN planned with refresh THEN no changes: the world is the fixture', async () => {
    const fixture = JSON.parse(readFileSync(ORIGINAL_STATE_PATH, 'utf8')) as TerraformState & Record<string, unknown>;
    const four = fixture.resources.filter((resource) => `${resource.type}.${resource.name}` in ADOPTED);
    // The stack's outputs are left out on both sides: they are new to this state, and not what is tested.
    prepare((config) => delete config.output, { ...fixture, outputs: {}, resources: four });

    const { code, output } = await planAgainst(EXAMPLE_WORLD, '-out=refresh.plan');

    expect(output).toContain('No changes. Your infrastructure matches the configuration.');
    expect(output).not.toContain('changed outside of Terraform');
    expect(code).toBe(0);
    // Stronger than "no changes": every attribute Terraform read back is the fixture's.
    const shown = JSON.parse((await terraform.expect([0], stack, 'show', '-json', 'refresh.plan')).stdout) as {
      prior_state: { values: { root_module: { resources: { address: string; values: Record<string, unknown> }[] } } };
    };
    const refreshed = shown.prior_state.values.root_module.resources.filter((resource) => resource.address in ADOPTED);
    // A refresh turns `tags = null` into `{}`: the provider reads AWS's empty tag set. The same happened when
    // the fixture's own apply was refreshed against the mock it was made with.
    expect(Object.fromEntries(refreshed.map((resource) => [resource.address, resource.values]))).toEqual(
      Object.fromEntries(four.map((resource) => [`${resource.type}.${resource.name}`, { ...resource.instances[0].attributes, tags: {} }])),
    );
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
    ['DescribeSecurityGroups', { 'GroupId.1': 'sg-0000000000000000f' }, 'InvalidGroup.NotFound', "The security group 'sg-0000000000000000f' does not exist"],
    ['DescribeVpcEndpoints', { 'VpcEndpointId.1': 'vpce-0000000000000000f' }, 'InvalidVpcEndpointId.NotFound', "The Vpc Endpoint Id 'vpce-0000000000000000f' does not exist"],
    ['DescribeNetworkInterfaces', { 'NetworkInterfaceId.1': 'eni-0000000000000000f' }, 'InvalidNetworkInterfaceID.NotFound', "The networkInterface ID 'eni-0000000000000000f' does not exist"],
    ['DescribePrefixLists', { 'PrefixListId.1': 'pl-0000000f' }, 'InvalidPrefixListId.NotFound', "The prefix list ID 'pl-0000000f' does not exist"],
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

  test('GIVEN the filters aws_vpc reads its default group with WHEN DescribeSecurityGroups THEN only the VPC’s default group comes back', async () => {
    const { status, text } = await call(EXAMPLE_WORLD, {
      Action: 'DescribeSecurityGroups', Version: '2016-11-15',
      'Filter.1.Name': 'group-name', 'Filter.1.Value.1': 'default', 'Filter.2.Name': 'vpc-id', 'Filter.2.Value.1': VPC,
    });

    expect(status).toBe(200);
    expect(text).toContain('<groupId>sg-0a1b2c3d4e5f6000b</groupId><groupName>default</groupName>');
    expect(text).not.toContain('<groupId>sg-0a1b2c3d4e5f60004</groupId><groupName>');
  });

  test('GIVEN the S3 gateway endpoint WHEN DescribeRouteTables of its route table THEN the table routes the S3 prefix list through it', async () => {
    const { status, text } = await call(EXAMPLE_WORLD, { Action: 'DescribeRouteTables', Version: '2016-11-15', 'RouteTableId.1': ROUTE_TABLE });

    expect(status).toBe(200);
    expect(text).toContain('<destinationPrefixListId>pl-61a54008</destinationPrefixListId><gatewayId>vpce-0a1b2c3d4e5f60007</gatewayId>');
  });

  test('GIVEN EXAMPLE_WORLD WHEN a test tries to change it THEN it throws (use withWorld)', () => {
    expect(() => {
      EXAMPLE_WORLD.vpcs[0].enableDnsHostnames = false;
    }).toThrow(TypeError);
  });
});
