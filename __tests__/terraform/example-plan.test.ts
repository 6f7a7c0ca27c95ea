import { runApp, stackDirectory, tempProject } from '../support/app-process';
import { DUAL_STACK_WORLD, EXAMPLE_WORLD, FakeAwsWorld, IPV6_ONLY_WORLD, startFakeAws } from '../support/fake-aws';
import { synthInProject } from '../support/synth-in-project';
import { describeWithTerraform, Terraform } from '../support/terraform';

jest.setTimeout(120_000);

describeWithTerraform('Terraform judges the example stack', (terraformFor) => {
  let terraform: Terraform;
  let stack: string;

  beforeAll(async () => {
    terraform = terraformFor();
    const project = tempProject('example-plan');
    const synth = await runApp(project);
    expect(synth.code).toBe(0);
    stack = stackDirectory(project, 'sample');
    await terraform.expect([0], stack, 'init', '-input=false');
  });

  test('GIVEN the synthesized example WHEN `terraform validate` runs THEN the configuration is valid', async () => {
    const result = await terraform.expect([0], stack, 'validate');
    expect(result.stdout).toContain('The configuration is valid');
  });

  test('GIVEN no state WHEN planned THEN exactly the security group and three endpoints are created', async () => {
    const plan = await terraform.plan(stack);
    expect(plan.exitCode).toBe(2);
    expect(plan.actions).toEqual({
      'aws_security_group.sample-ecr-privatelink': ['create'],
      'aws_vpc_endpoint.sample-ecr-api': ['create'],
      'aws_vpc_endpoint.sample-ecr-dkr': ['create'],
      'aws_vpc_endpoint.sample-s3': ['create'],
    });
  });

  test('GIVEN the plan THEN the provider is the pinned 5.100.0 from the mirror', async () => {
    const result = await terraform.expect([0], stack, 'version', '-json');
    expect(JSON.parse(result.stdout).provider_selections).toEqual({ 'registry.terraform.io/hashicorp/aws': '5.100.0' });
  });

  describe('GIVEN every optional feature (EKS profile, least privilege, client groups, tags)', () => {
    let full: string;

    beforeAll(async () => {
      full = synthInProject(tempProject('example-full'), {
        workload: 'eks',
        interfaceServices: undefined,
        leastPrivilegePolicies: true,
        extraS3BucketArns: ['arn:aws:s3:::team-artifacts'],
        clientSecurityGroupIds: ['sg-0a1b2c3d4e5f60021'],
        tags: { team: 'platform' },
      });
      await terraform.expect([0], full, 'init', '-input=false');
    });

    test('WHEN validated THEN Terraform accepts the data sources and rule resources', async () => {
      await terraform.expect([0], full, 'validate');
    });

    test('WHEN planned THEN the policies render from the data sources and everything is created', async () => {
      const plan = await terraform.plan(full);
      expect(Object.values(plan.actions).every((actions) => actions.join() === 'create')).toBe(true);
      expect(Object.keys(plan.actions)).toHaveLength(1 + 8 + 2);
      const shown = JSON.parse((await terraform.expect([0], full, 'show', '-json', 'test.plan')).stdout);
      const s3 = shown.resource_changes.find((c: { address: string }) => c.address === 'aws_vpc_endpoint.sample-s3');
      expect(JSON.parse(s3.change.after.policy).Statement[0]).toMatchObject({
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::prod-ap-northeast-1-starport-layer-bucket/*',
      });
      const ecrApi = shown.resource_changes.find((c: { address: string }) => c.address === 'aws_vpc_endpoint.sample-ecr-api');
      expect(JSON.parse(ecrApi.change.after.policy).Statement[0].Condition).toEqual({
        StringEquals: { 'aws:PrincipalAccount': EXAMPLE_WORLD.accountId },
      });
    });
  });

  /** Plans `dir` against a fake AWS holding `world`; returns the planned changes as `terraform show -json` gives them. */
  async function planAgainst(
    world: FakeAwsWorld,
    dir: string,
  ): Promise<{ exitCode: number; changes: Record<string, any>; outputs: Record<string, any> }> {
    const aws = await startFakeAws(world);
    try {
      const against = terraform.against(aws.url);
      const { exitCode } = await against.plan(dir);
      const shown = JSON.parse((await against.expect([0], dir, 'show', '-json', 'test.plan')).stdout);
      return {
        exitCode,
        changes: Object.fromEntries(shown.resource_changes.map((c: { address: string; change: unknown }) => [c.address, c.change])),
        outputs: shown.output_changes,
      };
    } finally {
      await aws.close();
    }
  }

  describe('GIVEN dual-stack endpoints with fixed addresses, IPv6 clients, a dual-stack S3 gateway, Name tags and the Amazon Linux presets', () => {
    let dir: string;

    beforeAll(async () => {
      dir = synthInProject(tempProject('example-dual-stack'), {
        ipAddressType: 'dualstack',
        dnsRecordIpType: 'service-defined',
        allowedIpv6CidrBlocks: ['2600:1f18:4d3:5e00::/56'],
        s3GatewayIpAddressType: 'dualstack',
        endpointAddresses: {
          'ecr.dkr': {
            'subnet-0a1b2c3d4e5f60001': { ipv4: '10.0.0.11', ipv6: '2600:1f18:4d3:5e00::11' },
            'subnet-0a1b2c3d4e5f60002': { ipv4: '10.0.1.11', ipv6: '2600:1f18:4d3:5e01::11' },
          },
        },
        addressOutputs: true,
        nameTags: true,
        leastPrivilegePolicies: true,
        s3GatewayPresets: ['amazon-linux-2', 'amazon-linux-2023'],
      });
      await terraform.expect([0], dir, 'init', '-input=false');
    });

    test('WHEN validated THEN provider 5.100.0 accepts ip_address_type, dns_options, subnet_configuration and the outputs', async () => {
      await terraform.expect([0], dir, 'validate');
    });

    test('WHEN planned against a dual-stack VPC THEN preflight passes and the four resources are created as configured', async () => {
      const plan = await planAgainst(DUAL_STACK_WORLD, dir);
      expect(plan.exitCode).toBe(2);
      expect(Object.entries(plan.changes).map(([address, change]) => [address, change.actions.join()])).toEqual([
        ['aws_security_group.sample-ecr-privatelink', 'create'],
        ['aws_vpc_endpoint.sample-ecr-api', 'create'],
        ['aws_vpc_endpoint.sample-ecr-dkr', 'create'],
        ['aws_vpc_endpoint.sample-s3', 'create'],
      ]);
      const dkr = plan.changes['aws_vpc_endpoint.sample-ecr-dkr'].after;
      expect(dkr).toMatchObject({ ip_address_type: 'dualstack', tags: { Name: 'sample-ecr-dkr' } });
      expect(dkr.dns_options).toEqual([expect.objectContaining({ dns_record_ip_type: 'service-defined' })]);
      expect(dkr.subnet_configuration).toEqual(
        expect.arrayContaining([
          { subnet_id: 'subnet-0a1b2c3d4e5f60001', ipv4: '10.0.0.11', ipv6: '2600:1f18:4d3:5e00::11' },
          { subnet_id: 'subnet-0a1b2c3d4e5f60002', ipv4: '10.0.1.11', ipv6: '2600:1f18:4d3:5e01::11' },
        ]),
      );
      const s3 = plan.changes['aws_vpc_endpoint.sample-s3'].after;
      expect(s3).toMatchObject({ ip_address_type: 'dualstack', tags: { Name: 'sample-s3' } });
      expect(JSON.parse(s3.policy).Statement.map((statement: { Sid: string }) => statement.Sid)).toEqual([
        'EcrImageLayers',
        'AmazonLinux2Repositories',
        'AmazonLinux2023Repositories',
      ]);
      expect(plan.changes['aws_security_group.sample-ecr-privatelink'].after.ingress).toEqual([
        expect.objectContaining({ cidr_blocks: ['10.0.0.0/16'], ipv6_cidr_blocks: ['2600:1f18:4d3:5e00::/56'] }),
      ]);
      // Fixed addresses are known at plan time; the others only once AWS has picked them.
      expect(plan.outputs.ecr_dkr_addresses).toMatchObject({
        actions: ['create'],
        after: {
          'subnet-0a1b2c3d4e5f60001': { ipv4: '10.0.0.11', ipv6: '2600:1f18:4d3:5e00::11' },
          'subnet-0a1b2c3d4e5f60002': { ipv4: '10.0.1.11', ipv6: '2600:1f18:4d3:5e01::11' },
        },
      });
      expect(plan.outputs.ecr_api_addresses).toMatchObject({ actions: ['create'], after_unknown: true });
    });
  });

  describe('GIVEN IPv6-only endpoints with fixed IPv6 addresses', () => {
    test('WHEN validated and planned against IPv6-only subnets THEN preflight passes and the endpoints are created', async () => {
      const dir = synthInProject(tempProject('example-ipv6'), {
        ipAddressType: 'ipv6',
        dnsRecordIpType: 'ipv6',
        endpointAddresses: {
          'ecr.api': {
            'subnet-0a1b2c3d4e5f60001': { ipv6: '2600:1f18:4d3:5e00::10' },
            'subnet-0a1b2c3d4e5f60002': { ipv6: '2600:1f18:4d3:5e01::10' },
          },
        },
      });
      await terraform.expect([0], dir, 'init', '-input=false');
      await terraform.expect([0], dir, 'validate');
      const plan = await planAgainst(IPV6_ONLY_WORLD, dir);
      expect(plan.exitCode).toBe(2);
      expect(plan.changes['aws_vpc_endpoint.sample-ecr-api'].after).toMatchObject({
        ip_address_type: 'ipv6',
        subnet_configuration: expect.arrayContaining([{ subnet_id: 'subnet-0a1b2c3d4e5f60001', ipv4: '', ipv6: '2600:1f18:4d3:5e00::10' }]),
      });
    });
  });

  describe('GIVEN fixed IPv4 addresses, their outputs and Name tags in the example VPC', () => {
    test('WHEN validated and planned THEN preflight passes and only the outputs are new besides the four resources', async () => {
      const dir = synthInProject(tempProject('example-addresses'), {
        endpointAddresses: {
          'ecr.api': { 'subnet-0a1b2c3d4e5f60001': { ipv4: '10.0.0.10' }, 'subnet-0a1b2c3d4e5f60002': { ipv4: '10.0.1.10' } },
          'ecr.dkr': { 'subnet-0a1b2c3d4e5f60001': { ipv4: '10.0.0.11' }, 'subnet-0a1b2c3d4e5f60002': { ipv4: '10.0.1.11' } },
        },
        addressOutputs: true,
        nameTags: true,
      });
      await terraform.expect([0], dir, 'init', '-input=false');
      await terraform.expect([0], dir, 'validate');
      const plan = await planAgainst(EXAMPLE_WORLD, dir);
      expect(Object.values(plan.changes).map((change) => change.actions.join())).toEqual(['create', 'create', 'create', 'create']);
      expect(plan.changes['aws_vpc_endpoint.sample-ecr-api'].after.subnet_configuration).toEqual(
        expect.arrayContaining([{ subnet_id: 'subnet-0a1b2c3d4e5f60002', ipv4: '10.0.1.10', ipv6: '' }]),
      );
      expect(
        Object.keys(plan.outputs)
          .filter((name) => name.endsWith('_addresses'))
          .sort(),
      ).toEqual(['ecr_api_addresses', 'ecr_dkr_addresses']);
    });
  });

  describe.each([
    [
      'S3 (with use_lockfile, set by override)',
      { type: 's3', bucket: 'tf-state-123', key: 'ecr/sample.tfstate', region: 'ap-northeast-1', encrypt: true, useLockfile: true },
    ],
    [
      'S3 with a DynamoDB lock table and a role',
      {
        type: 's3',
        bucket: 'tf-state-123',
        key: 'k',
        region: 'ap-northeast-1',
        encrypt: true,
        useLockfile: false,
        dynamodbTable: 'tf-locks',
        roleArn: 'arn:aws:iam::123456789012:role/state',
      },
    ],
    ['HCP Terraform', { type: 'cloud', organization: 'acme', workspace: 'ecr-privatelink-prod' }],
  ] as const)('GIVEN the %s backend', (_, backend) => {
    test('WHEN `terraform init -backend=false` and `validate` run THEN Terraform accepts the backend block', async () => {
      const dir = synthInProject(tempProject('backend'), { backend });
      await terraform.expect([0], dir, 'init', '-input=false', '-backend=false');
      await terraform.expect([0], dir, 'validate');
    });
  });

  test('GIVEN an S3 backend on an S3-compatible store WHEN `terraform init` runs THEN Terraform takes the endpoint and path style, and calls that endpoint', async () => {
    const endpoint = 'http://127.0.0.1:9'; // the discard port: nothing answers
    const dir = synthInProject(tempProject('backend-endpoint'), {
      backend: {
        type: 's3',
        bucket: 'tf-state',
        key: 'k',
        region: 'ap-northeast-1',
        encrypt: true,
        useLockfile: true,
        endpoint,
        usePathStyle: true,
      },
    });
    const result = await terraform.run(dir, 'init', '-input=false', '-no-color');
    const output = result.stdout + result.stderr;
    expect(result.code).not.toBe(0);
    expect(output).not.toMatch(/Unsupported argument|Invalid .*argument/);
    // Path style: the bucket is in the URL's path, on the configured host.
    expect(output).toContain(`${endpoint}/tf-state`);
  });
});
