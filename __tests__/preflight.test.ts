import { DataAwsRouteTable } from '@cdktf/provider-aws/lib/data-aws-route-table';
import { DataAwsSubnet } from '@cdktf/provider-aws/lib/data-aws-subnet';
import { DataAwsVpc } from '@cdktf/provider-aws/lib/data-aws-vpc';
import { DataAwsVpcEndpointService } from '@cdktf/provider-aws/lib/data-aws-vpc-endpoint-service';
import { synthExample, synthExampleJson } from './support/example-stack';

const preconditionsOf = (resource: { lifecycle?: { precondition?: { error_message: string }[] } }): string[] =>
  (resource.lifecycle?.precondition ?? []).map((p) => p.error_message);

describe('Preflight (plan-time checks)', () => {
  describe('GIVEN the example stack (preflight on by default)', () => {
    const synthesized = synthExample();
    const json = JSON.parse(synthesized);

    test('THEN the VPC, each subnet, each route table and each interface service are looked up', () => {
      expect(synthesized).toHaveDataSourceWithProperties(DataAwsVpc, { id: 'vpc-0a1b2c3d4e5f60718' });
      expect(synthesized).toHaveDataSourceWithProperties(DataAwsSubnet, { id: 'subnet-0a1b2c3d4e5f60001' });
      expect(synthesized).toHaveDataSourceWithProperties(DataAwsSubnet, { id: 'subnet-0a1b2c3d4e5f60002' });
      expect(synthesized).toHaveDataSourceWithProperties(DataAwsRouteTable, { route_table_id: 'rtb-0a1b2c3d4e5f60003' });
      for (const service of ['ecr.api', 'ecr.dkr']) {
        expect(synthesized).toHaveDataSourceWithProperties(DataAwsVpcEndpointService, {
          service_name: `com.amazonaws.ap-northeast-1.${service}`,
          service_type: 'Interface',
        });
      }
    });

    test('THEN the security group checks the VPC DNS attributes, the subnets\' VPC and their distinct AZs', () => {
      expect(preconditionsOf(json.resource.aws_security_group['sample-ecr-privatelink'])).toEqual([
        expect.stringMatching(/^VPC vpc-0a1b2c3d4e5f60718 needs enableDnsSupport and enableDnsHostnames/),
        expect.stringMatching(/^Subnet subnet-0a1b2c3d4e5f60001 \(privateSubnetIds\) is in VPC \$\{data\.aws_subnet\./),
        expect.stringMatching(/^Subnet subnet-0a1b2c3d4e5f60002 \(privateSubnetIds\) is in VPC/),
        expect.stringMatching(/^privateSubnetIds subnet-0a1b2c3d4e5f60001, subnet-0a1b2c3d4e5f60002 are in the Availability Zones/),
      ]);
    });

    test('THEN each interface endpoint checks that its service is offered in every subnet\'s AZ', () => {
      for (const name of ['sample-ecr-api', 'sample-ecr-dkr']) {
        expect(preconditionsOf(json.resource.aws_vpc_endpoint[name])).toEqual([
          expect.stringMatching(/^Subnet subnet-0a1b2c3d4e5f60001 is in .* where com\.amazonaws\.ap-northeast-1\.ecr\.(api|dkr) is not offered/),
          expect.stringMatching(/^Subnet subnet-0a1b2c3d4e5f60002 is in /),
        ]);
      }
    });

    test('THEN the S3 gateway checks its route tables\' VPC', () => {
      expect(preconditionsOf(json.resource.aws_vpc_endpoint['sample-s3'])).toEqual([
        expect.stringMatching(/^Route table rtb-0a1b2c3d4e5f60003 \(privateRouteTableIds\) is in VPC/),
      ]);
    });

    test('THEN a soft check block warns when allowedCidrBlocks lie outside the VPC', () => {
      expect(json.check['sample-preflight-allowed-cidrs-in-vpc'].assert).toEqual([
        { condition: expect.stringContaining('data.aws_vpc.sample-preflight-vpc.cidr_block_associations'), error_message: expect.stringContaining('allowedCidrBlocks') },
      ]);
    });
  });

  describe('GIVEN preflight turned off', () => {
    const on = synthExampleJson();
    const off = synthExampleJson({ preflight: false });

    test('THEN there are no lookups, preconditions or checks', () => {
      expect(off.data).toBeUndefined();
      expect(off.check).toBeUndefined();
      expect(JSON.stringify(off.resource)).not.toContain('precondition');
    });

    test('THEN the managed resources are the same as with it on, but for the preconditions', () => {
      const withoutLifecycle = (resources: Record<string, Record<string, Record<string, unknown>>>) =>
        Object.fromEntries(
          Object.entries(resources).map(([type, byName]) => [
            type,
            Object.fromEntries(Object.entries(byName).map(([name, { lifecycle: _checks, ...args }]) => [name, args])),
          ]),
        );
      expect(withoutLifecycle(on.resource)).toEqual(off.resource);
    });
  });
});
