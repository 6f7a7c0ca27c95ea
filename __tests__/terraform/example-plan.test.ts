import { runApp, stackDirectory, tempProject } from '../support/app-process';
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
});
