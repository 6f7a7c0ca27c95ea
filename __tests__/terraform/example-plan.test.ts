import { runApp, stackDirectory, tempProject } from '../support/app-process';
import { EXAMPLE_WORLD } from '../support/fake-aws';
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
