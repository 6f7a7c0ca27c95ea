import { copyFileSync, readFileSync } from 'fs';
import * as path from 'path';
import { verdictOf } from '../../lib/migration/migration-report';
import { InterfaceService } from '../../lib/naming/interface-service';
import { tempProject } from '../support/app-process';
import { REPO_ROOT } from '../support/example-stack';
import { synthInProject } from '../support/synth-in-project';
import { describeWithTerraform, Terraform } from '../support/terraform';

jest.setTimeout(120_000);

/** State written by `terraform apply` of reference/original.tf (Terraform 1.11.4, AWS provider 5.100.0). */
const ORIGINAL_STATE = path.join(REPO_ROOT, '__tests__', 'fixtures', 'original.tfstate');

/** The four resources that move from the original project to the stack (docs/migrating.md). */
const MOVED = [
  'aws_security_group.sample-ecr-privatelink',
  'aws_vpc_endpoint.sample-ecr-api',
  'aws_vpc_endpoint.sample-ecr-dkr',
  'aws_vpc_endpoint.sample-s3',
];

const allNoOp = (addresses: readonly string[]): Record<string, string[]> =>
  Object.fromEntries(addresses.map((address) => [address, ['no-op']]));

describeWithTerraform('State compatibility with the original Terraform', (terraformFor) => {
  let terraform: Terraform;
  let project: string;

  beforeAll(() => {
    terraform = terraformFor();
    project = tempProject('state');
  });

  test("GIVEN the state fixture WHEN original.tf plans against it THEN nothing changes (the fixture is that config's state)", async () => {
    const original = tempProject('original');
    copyFileSync(path.join(REPO_ROOT, 'reference', 'original.tf'), path.join(original, 'main.tf'));
    copyFileSync(ORIGINAL_STATE, path.join(original, 'terraform.tfstate'));
    await terraform.expect([0], original, 'init', '-input=false');

    const plan = await terraform.plan(original, '-refresh=false');

    expect(plan.exitCode).toBe(0);
    expect(Object.keys(plan.actions)).toEqual(expect.arrayContaining(MOVED));
    expect(Object.values(plan.actions).every((a) => a.join() === 'no-op')).toBe(true);
  });

  describe("GIVEN the four resources moved with `terraform state mv` into the example stack's state", () => {
    let stack: string;
    const fixtureBefore = readFileSync(ORIGINAL_STATE);

    beforeAll(async () => {
      copyFileSync(ORIGINAL_STATE, path.join(project, 'original.tfstate'));
      for (const address of MOVED) {
        await terraform.expect(
          [0],
          project,
          'state',
          'mv',
          '-state=original.tfstate',
          '-state-out=terraform.sample.tfstate',
          address,
          address,
        );
      }
      stack = synthInProject(project);
      await terraform.expect([0], stack, 'init', '-input=false');
    });

    test('WHEN the stack plans (no refresh) THEN all four are unchanged, and only the new outputs are to add', async () => {
      const plan = await terraform.plan(stack, '-refresh=false');
      expect(plan.actions).toEqual(allNoOp(MOVED));
      expect(new Set(Object.values(plan.outputActions).flat())).toEqual(new Set(['create']));
    });

    test('WHEN that plan is applied (outputs only, no AWS call) THEN the next plan exits 0: no changes', async () => {
      await terraform.expect([0], stack, 'apply', '-input=false', '-auto-approve', 'test.plan');
      const plan = await terraform.plan(stack, '-refresh=false');
      expect(plan.exitCode).toBe(0);
      const outputs = JSON.parse((await terraform.expect([0], stack, 'output', '-json')).stdout);
      expect(outputs.ecr_dkr_endpoint_id.value).toBe('vpce-0a1b2c3d4e5f60006');
      expect(outputs.s3_prefix_list_id.value).toBe('pl-61a54008');
    });

    test('WHEN the state was moved THEN the original project keeps its VPC, subnets and route table', async () => {
      const left = await terraform.expect([0], project, 'state', 'list', '-state=original.tfstate');
      expect(left.stdout.trim().split('\n').sort()).toEqual([
        'aws_route_table.sample-private',
        'aws_route_table_association.sample-private[0]',
        'aws_route_table_association.sample-private[1]',
        'aws_subnet.sample-private-subnets[0]',
        'aws_subnet.sample-private-subnets[1]',
        'aws_vpc.sample',
      ]);
      expect(readFileSync(ORIGINAL_STATE)).toEqual(fixtureBefore);
    });

    test('WHEN a further interface service is added THEN it is created and the moved four stay unchanged', async () => {
      synthInProject(project, {
        interfaceServices: [InterfaceService.ECR_API, InterfaceService.ECR_DKR, InterfaceService.LOGS],
      });
      expect((await terraform.plan(stack, '-refresh=false')).actions).toEqual({
        ...allNoOp(MOVED),
        'aws_vpc_endpoint.sample-logs': ['create'],
      });
    });

    test('WHEN least-privilege policies are turned on THEN the endpoints are updated in place, never replaced', async () => {
      synthInProject(project, { leastPrivilegePolicies: true });
      expect((await terraform.plan(stack, '-refresh=false')).actions).toEqual({
        'aws_security_group.sample-ecr-privatelink': ['no-op'],
        'aws_vpc_endpoint.sample-ecr-api': ['update'],
        'aws_vpc_endpoint.sample-ecr-dkr': ['update'],
        'aws_vpc_endpoint.sample-s3': ['update'],
      });
    });

    test('WHEN client security groups are added THEN the group is updated in place and only their rules are created', async () => {
      synthInProject(project, { clientSecurityGroupIds: ['sg-0a1b2c3d4e5f60021'] });
      expect((await terraform.plan(stack, '-refresh=false')).actions).toEqual({
        ...allNoOp(MOVED),
        'aws_security_group.sample-ecr-privatelink': ['update'],
        'aws_vpc_security_group_egress_rule.sample-sg-0a1b2c3d4e5f60021-to-endpoints': ['create'],
        'aws_vpc_security_group_egress_rule.sample-sg-0a1b2c3d4e5f60021-to-s3': ['create'],
      });
    });

    test('WHEN the name prefix differs THEN the check reports every resource destroyed and re-created', async () => {
      synthInProject(project, { namePrefix: 'other' });
      expect((await terraform.plan(stack, '-refresh=false')).actions).toEqual({
        ...Object.fromEntries(MOVED.map((address) => [address, ['delete']])),
        'aws_security_group.other-ecr-privatelink': ['create'],
        'aws_vpc_endpoint.other-ecr-api': ['create'],
        'aws_vpc_endpoint.other-ecr-dkr': ['create'],
        'aws_vpc_endpoint.other-s3': ['create'],
      });
    });

    test('WHEN the security group description differs THEN the check reports the group replaced', async () => {
      synthInProject(project, { securityGroupDescription: 'ECR endpoints' });
      const { actions } = await terraform.plan(stack, '-refresh=false');
      expect(actions['aws_security_group.sample-ecr-privatelink']).toEqual(['delete', 'create']);
      expect(actions['aws_vpc_endpoint.sample-ecr-api']).toEqual(['update']);
    });

    test('WHEN Name tags are turned on (opt-in) THEN all four are updated in place, which migrate-check calls safe', async () => {
      synthInProject(project, { nameTags: true });
      const { actions } = await terraform.plan(stack, '-refresh=false');
      expect(actions).toEqual(Object.fromEntries(MOVED.map((address) => [address, ['update']])));
      expect(new Set(Object.values(actions).map(verdictOf))).toEqual(new Set(['updated in place']));
    });

    test('WHEN the endpoints go dual-stack (and the S3 gateway) THEN they are updated in place, never replaced', async () => {
      // Preflight off, as migrate-check plans: the example's fake VPC has no IPv6 blocks, which preflight would refuse.
      synthInProject(project, {
        ipAddressType: 'dualstack',
        dnsRecordIpType: 'dualstack',
        s3GatewayIpAddressType: 'dualstack',
        preflight: false,
      });
      expect((await terraform.plan(stack, '-refresh=false')).actions).toEqual({
        'aws_security_group.sample-ecr-privatelink': ['no-op'],
        'aws_vpc_endpoint.sample-ecr-api': ['update'],
        'aws_vpc_endpoint.sample-ecr-dkr': ['update'],
        'aws_vpc_endpoint.sample-s3': ['update'],
      });
    });

    test('WHEN the addresses the endpoints already have are fixed THEN nothing changes; new addresses update the endpoint in place', async () => {
      // The state's own addresses (the provider read them from the network interfaces into subnet_configuration).
      const current = {
        'ecr.api': { 'subnet-0a1b2c3d4e5f60001': { ipv4: '10.0.0.171' }, 'subnet-0a1b2c3d4e5f60002': { ipv4: '10.0.1.46' } },
        'ecr.dkr': { 'subnet-0a1b2c3d4e5f60001': { ipv4: '10.0.0.219' }, 'subnet-0a1b2c3d4e5f60002': { ipv4: '10.0.1.203' } },
      };
      synthInProject(project, { endpointAddresses: current });
      expect((await terraform.plan(stack, '-refresh=false')).actions).toEqual(allNoOp(MOVED));

      synthInProject(project, {
        endpointAddresses: { ...current, 'ecr.api': { ...current['ecr.api'], 'subnet-0a1b2c3d4e5f60002': { ipv4: '10.0.1.10' } } },
      });
      expect((await terraform.plan(stack, '-refresh=false')).actions).toEqual({
        ...allNoOp(MOVED),
        'aws_vpc_endpoint.sample-ecr-api': ['update'],
      });
    });

    test("WHEN address outputs are turned on and applied THEN they list the article's network interface addresses, with nothing else changed", async () => {
      synthInProject(project, { addressOutputs: true });
      const plan = await terraform.plan(stack, '-refresh=false');
      expect(plan.actions).toEqual(allNoOp(MOVED));
      await terraform.expect([0], stack, 'apply', '-input=false', '-auto-approve', 'test.plan');
      const outputs = JSON.parse((await terraform.expect([0], stack, 'output', '-json')).stdout);
      expect(outputs.ecr_api_addresses.value).toEqual({
        'subnet-0a1b2c3d4e5f60001': { ipv4: '10.0.0.171', ipv6: '' },
        'subnet-0a1b2c3d4e5f60002': { ipv4: '10.0.1.46', ipv6: '' },
      });
      expect(outputs.ecr_dkr_addresses.value['subnet-0a1b2c3d4e5f60002']).toEqual({ ipv4: '10.0.1.203', ipv6: '' });
    });
  });
});
