import { tempProject } from '../support/app-process';
import { DUAL_STACK_WORLD, EXAMPLE_WORLD, FakeAwsWorld, IPV6_ONLY_WORLD, startFakeAws } from '../support/fake-aws';
import { optionVariant } from '../support/option-matrix';
import { synthInProject } from '../support/synth-in-project';
import { describeWithTerraform, Terraform } from '../support/terraform';

jest.setTimeout(120_000);

/**
 * Validate and plan of the dual-stack / IPv6 / fixed-address / Name-tag / S3-preset options, each stack a
 * root of its own against a fake AWS holding the world it needs (the example's other plans are in the
 * option matrix, terraform/hcl-and-json-plans.test.ts).
 */
describeWithTerraform('Terraform judges the example stack with the endpoint options', (terraformFor) => {
  let terraform: Terraform;

  beforeAll(() => {
    terraform = terraformFor();
  });

  /** Plans `dir` against a fake AWS holding `world`; returns the planned changes as `terraform show -json` gives them. */
  async function planAgainst(
    world: FakeAwsWorld,
    dir: string,
  ): Promise<{ exitCode: number; changes: Record<string, any>; outputs: Record<string, any> }> {
    const aws = await startFakeAws(world);
    try {
      const { exitCode, json } = await terraform.against(aws.url).plan(dir);
      return {
        exitCode,
        changes: Object.fromEntries((json.resource_changes ?? []).map((c) => [c.address, c.change])),
        outputs: json.output_changes ?? {},
      };
    } finally {
      await aws.close();
    }
  }

  describe('GIVEN dual-stack endpoints with fixed addresses, IPv6 clients, a dual-stack S3 gateway, Name tags and the Amazon Linux presets', () => {
    let dir: string;

    beforeAll(async () => {
      dir = synthInProject(tempProject('example-dual-stack'), {
        ...optionVariant('dual_stack').overrides,
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
});
