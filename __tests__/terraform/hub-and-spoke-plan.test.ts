import { writeFileSync } from 'fs';
import * as path from 'path';
import { runApp, stackDirectory, tempProject } from '../support/app-process';
import { FakeAws, FakeAwsWorld, startFakeAws, withWorld } from '../support/fake-aws';
import { HUB_AND_SPOKES_CONFIG, HUB_WORLD, TEAM_A_VPC, TEAM_B_ROLE, TEAM_B_VPC, withTeamAEndpoint } from '../support/hub-and-spoke';
import { describeWithTerraform, diagnosticLine, Terraform } from '../support/terraform';

jest.setTimeout(180_000);

interface ShownPlan {
  resource_changes: { address: string; change: { actions: string[]; after: Record<string, any> } }[];
  configuration: { root_module: { resources: { address: string; provider_config_key: string }[] } };
}

/**
 * A hub with two spokes (one in another account) as the app synthesizes them, judged by Terraform and
 * planned against the in-process fake AWS: what each stack creates, through which provider, and what
 * the spokes' preflight stops.
 */
describeWithTerraform('A hub with two spokes, planned by Terraform', (terraformFor) => {
  let terraform: Terraform;
  let project: string;
  const stack = (name: string) => stackDirectory(project, name);

  beforeAll(async () => {
    terraform = terraformFor();
    project = tempProject('hub-and-spoke');
    const config = path.join(project, 'hub.json');
    writeFileSync(config, JSON.stringify(HUB_AND_SPOKES_CONFIG));
    const synth = await runApp(project, config);
    expect(synth.stderr).toBe('');
    expect(synth.code).toBe(0);
    for (const name of ['hub', 'team-a', 'team-b']) {
      await terraform.expect([0], stack(name), 'init', '-input=false');
    }
  });

  /**
   * Plans `name` against `world` with `terraform plan -json`: exit code, the diagnostics (one per line, as
   * `severity: summary: detail`), each changed resource's action by address and, with `show`, the plan as
   * `terraform show -json` gives it (which starts the provider once more, so only where a test reads it).
   * Whether the stacks are valid Terraform, without a warning, is tested in hcl-and-json-plans.test.ts.
   */
  async function planAgainst(
    name: string,
    world: FakeAwsWorld,
    { show = false } = {},
  ): Promise<{ code: number; output: string; actions: Record<string, string>; shown?: ShownPlan; aws: FakeAws }> {
    const aws = await startFakeAws(world);
    try {
      const against = terraform.against(aws.url);
      const { code, messages } = await against.planMessages(stack(name), '-out=test.plan');
      const output = messages.flatMap(({ diagnostic }) => (diagnostic ? [diagnosticLine(diagnostic)] : [])).join('\n');
      const actions = Object.fromEntries(
        messages.filter((m) => m.type === 'planned_change').map((m) => [m.change!.resource.addr, m.change!.action]),
      );
      const shown =
        show && code === 0 ? JSON.parse((await against.expect([0], stack(name), 'show', '-json', 'test.plan')).stdout) : undefined;
      return { code, output, actions, shown, aws };
    } finally {
      await aws.close();
    }
  }

  describe('GIVEN the hub planned against AWS as configured', () => {
    let plan: Awaited<ReturnType<typeof planAgainst>>;
    const after = (address: string) => plan.shown!.resource_changes.find((c) => c.address === address)!.change.after;

    beforeAll(async () => {
      plan = await planAgainst('hub', HUB_WORLD, { show: true });
    });

    test('THEN it creates the endpoints, a zone per service with alias records, and both spokes’ associations', () => {
      expect(plan.code).toBe(0);
      expect(plan.actions).toEqual({
        'aws_security_group.hub-ecr-privatelink': 'create',
        'aws_vpc_endpoint.hub-ecr-api': 'create',
        'aws_vpc_endpoint.hub-ecr-dkr': 'create',
        'aws_vpc_endpoint.hub-s3': 'create',
        'aws_route53_zone.hub-ecr-api-zone': 'create',
        'aws_route53_zone.hub-ecr-dkr-zone': 'create',
        'aws_route53_record.hub-ecr-api-apex': 'create',
        'aws_route53_record.hub-ecr-dkr-apex': 'create',
        'aws_route53_record.hub-ecr-dkr-wildcard': 'create',
        [`aws_route53_zone_association.hub-ecr-api-${TEAM_A_VPC}`]: 'create',
        [`aws_route53_zone_association.hub-ecr-dkr-${TEAM_A_VPC}`]: 'create',
        [`aws_route53_vpc_association_authorization.hub-ecr-api-${TEAM_B_VPC}-authorization`]: 'create',
        [`aws_route53_vpc_association_authorization.hub-ecr-dkr-${TEAM_B_VPC}-authorization`]: 'create',
        [`aws_route53_zone_association.hub-ecr-api-${TEAM_B_VPC}`]: 'create',
        [`aws_route53_zone_association.hub-ecr-dkr-${TEAM_B_VPC}`]: 'create',
      });
    });

    test('THEN the endpoints have private DNS off, and the zones are named for ECR and created in the hub VPC', () => {
      expect(after('aws_vpc_endpoint.hub-ecr-dkr').private_dns_enabled).toBe(false);
      expect(after('aws_vpc_endpoint.hub-ecr-api').private_dns_enabled).toBe(false);
      expect(after('aws_route53_zone.hub-ecr-dkr-zone')).toMatchObject({
        name: 'dkr.ecr.ap-northeast-1.amazonaws.com',
        vpc: [expect.objectContaining({ vpc_id: 'vpc-0a1b2c3d4e5f60718' })],
      });
      expect(after('aws_route53_zone.hub-ecr-api-zone').name).toBe('api.ecr.ap-northeast-1.amazonaws.com');
      expect(after('aws_route53_record.hub-ecr-dkr-wildcard')).toMatchObject({ name: '*.dkr.ecr.ap-northeast-1.amazonaws.com', type: 'A' });
    });

    test("THEN the security group admits team-a's configured network and team-b's VPC network, read through team-b's role", () => {
      const spokes = after('aws_security_group.hub-ecr-privatelink').ingress.find(
        (rule: { description: string }) => rule.description === 'HTTPS from spoke VPCs',
      );
      expect(spokes).toMatchObject({ from_port: 443, to_port: 443, protocol: 'tcp' });
      expect([...spokes.cidr_blocks].sort()).toEqual(['10.1.0.0/16', '10.2.0.0/16']);
      expect(plan.aws.requestsAsRoles).toContain(`${TEAM_B_ROLE} DescribeVpcs`);
    });

    test("THEN team-b's VPC is authorized by the hub's provider and associated through the provider assuming team-b's role", () => {
      const providerOf = (address: string) =>
        plan.shown!.configuration.root_module.resources.find((r) => r.address === address)!.provider_config_key;
      expect(providerOf(`aws_route53_vpc_association_authorization.hub-ecr-dkr-${TEAM_B_VPC}-authorization`)).toBe('aws');
      expect(providerOf(`aws_route53_zone_association.hub-ecr-dkr-${TEAM_B_VPC}`)).toBe('aws.spoke-210987654321-hub-zone-association');
      expect(providerOf(`aws_route53_zone_association.hub-ecr-dkr-${TEAM_A_VPC}`)).toBe('aws');
      expect(plan.aws.assumedRoles).toContain(TEAM_B_ROLE);
    });
  });

  test('GIVEN AWS publishing another private DNS name for ecr.dkr WHEN the hub is planned THEN the plan stops naming both', async () => {
    const renamed = withWorld(HUB_WORLD, (w) => {
      w.endpointServices.find((s) => s.serviceName.endsWith('.ecr.dkr'))!.privateDnsName = '*.dkr-ecr.ap-northeast-1.on.aws';
    });
    const result = await planAgainst('hub', renamed);
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      "The hub's private hosted zone for com.amazonaws.ap-northeast-1.ecr.dkr stands in for *.dkr.ecr.ap-northeast-1.amazonaws.com, but AWS publishes *.dkr-ecr.ap-northeast-1.on.aws for it",
    );
  });

  test('GIVEN spoke team-a WHEN planned THEN it creates only its S3 gateway and its clients’ egress rules to the hub and S3', async () => {
    const plan = await planAgainst('team-a', HUB_WORLD);
    expect(plan.code).toBe(0);
    expect(plan.actions).toEqual({
      'aws_vpc_endpoint.team-a-s3': 'create',
      'aws_vpc_security_group_egress_rule.team-a-sg-0a0a0a0a0a0a0a0a1-to-hub-1': 'create',
      'aws_vpc_security_group_egress_rule.team-a-sg-0a0a0a0a0a0a0a0a1-to-hub-2': 'create',
      'aws_vpc_security_group_egress_rule.team-a-sg-0a0a0a0a0a0a0a0a1-to-s3': 'create',
    });
  });

  test('GIVEN spoke team-b (another account, no endpoints in its VPC) WHEN planned THEN it creates only its S3 gateway', async () => {
    const plan = await planAgainst('team-b', HUB_WORLD);
    expect(plan.code).toBe(0);
    expect(plan.actions).toEqual({ 'aws_vpc_endpoint.team-b-s3': 'create' });
  });

  test.each<[string, FakeAwsWorld, string]>([
    [
      'its own ecr.dkr endpoint with private DNS',
      withTeamAEndpoint(HUB_WORLD, 'ecr.dkr', true),
      `Spoke VPC ${TEAM_A_VPC} has its own interface endpoints with private DNS for services of hub hub: vpce-0a0a0a0a0a0a0a0e1 (com.amazonaws.ap-northeast-1.ecr.dkr); Route 53 refuses`,
    ],
    [
      'DNS hostnames off',
      withWorld(HUB_WORLD, (w) => {
        w.vpcs.find((v) => v.id === TEAM_A_VPC)!.enableDnsHostnames = false;
      }),
      `Spoke VPC ${TEAM_A_VPC} needs enableDnsSupport and enableDnsHostnames to resolve through hub hub's private hosted zones (now true and false)`,
    ],
  ])('GIVEN spoke team-a’s VPC with %s WHEN planned THEN the plan stops with what to change', async (_, world, message) => {
    const result = await planAgainst('team-a', world);
    expect(result.code).toBe(1);
    expect(result.output).toContain('error: Resource precondition failed');
    expect(result.output).toContain(message);
  });

  test.each<[string, FakeAwsWorld]>([
    ['an ecr.dkr endpoint without private DNS', withTeamAEndpoint(HUB_WORLD, 'ecr.dkr', false)],
    ['a private-DNS endpoint of a service the hub does not serve (logs)', withTeamAEndpoint(HUB_WORLD, 'logs', true)],
  ])('GIVEN spoke team-a’s VPC with %s WHEN planned THEN the plan passes (no zone conflicts with it)', async (_, world) => {
    const result = await planAgainst('team-a', world);
    expect(result.output).not.toContain('precondition failed');
    expect(result.code).toBe(0);
  });
});
