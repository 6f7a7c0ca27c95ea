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

    test('THEN the VPC is looked up, and the subnets, route tables and interface services each by one data source over their IDs', () => {
      expect(synthesized).toHaveDataSourceWithProperties(DataAwsVpc, { id: 'vpc-0a1b2c3d4e5f60718' });
      expect(synthesized).toHaveDataSourceWithProperties(DataAwsSubnet, {
        for_each: '${toset(["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"])}',
        id: '${each.value}',
      });
      expect(synthesized).toHaveDataSourceWithProperties(DataAwsRouteTable, {
        for_each: '${toset(["rtb-0a1b2c3d4e5f60003"])}',
        route_table_id: '${each.value}',
      });
      expect(synthesized).toHaveDataSourceWithProperties(DataAwsVpcEndpointService, {
        for_each: '${toset(["com.amazonaws.ap-northeast-1.ecr.api", "com.amazonaws.ap-northeast-1.ecr.dkr"])}',
        service_name: '${each.value}',
        service_type: 'Interface',
      });
      expect(Object.values(json.data).flatMap((byName) => Object.keys(byName as object))).toHaveLength(4);
    });

    test("THEN the security group checks the VPC DNS attributes, the subnets' VPC and their distinct AZs", () => {
      expect(preconditionsOf(json.resource.aws_security_group['sample-ecr-privatelink'])).toEqual([
        expect.stringMatching(/^VPC vpc-0a1b2c3d4e5f60718 needs enableDnsSupport and enableDnsHostnames/),
        expect.stringMatching(
          /^privateSubnetIds must be subnets of vpcId vpc-0a1b2c3d4e5f60718, but \$\{join\(", ", \[for id, x in data\.aws_subnet\.sample-preflight-subnets /,
        ),
        expect.stringMatching(
          /^privateSubnetIds share Availability Zones \(\$\{join\(", ", \[for id, s in data\.aws_subnet\.sample-preflight-subnets /,
        ),
      ]);
    });

    test("THEN each interface endpoint checks that its own service is offered in every subnet's AZ", () => {
      for (const service of ['ecr.api', 'ecr.dkr']) {
        const [offered, ...others] = preconditionsOf(json.resource.aws_vpc_endpoint[`sample-${service.replace('.', '-')}`]);
        expect(others).toEqual([]);
        expect(offered).toMatch(
          new RegExp(`^com\\.amazonaws\\.ap-northeast-1\\.${service.replace('.', '\\.')} is not offered in the Availability Zone of `),
        );
        expect(offered).toContain(
          `data.aws_vpc_endpoint_service.sample-preflight-services["com.amazonaws.ap-northeast-1.${service}"].availability_zones`,
        );
      }
    });

    test("THEN the S3 gateway checks its route tables' VPC", () => {
      expect(preconditionsOf(json.resource.aws_vpc_endpoint['sample-s3'])).toEqual([
        expect.stringMatching(/^privateRouteTableIds must be route tables of vpcId vpc-0a1b2c3d4e5f60718, but /),
      ]);
    });

    test('THEN a soft check block warns when allowedCidrBlocks lie outside the VPC', () => {
      expect(json.check['sample-preflight-allowed-cidrs-in-vpc'].assert).toEqual([
        {
          condition: expect.stringContaining('data.aws_vpc.sample-preflight-vpc.cidr_block_associations'),
          error_message: expect.stringContaining('allowedCidrBlocks'),
        },
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
