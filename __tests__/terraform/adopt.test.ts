import { ciRolePolicies } from '../../lib/iam/ci-role-policies';
import { exampleStackConfig } from '../support/example-stack';
import { EXAMPLE_WORLD, FakeAwsWorld, startFakeAws, withWorld } from '../support/fake-aws';
import { allows } from '../support/iam-allows';
import { synthModule } from '../support/module-root';
import { optionVariant } from '../support/option-matrix';
import { describeWithTerraform, PlanMessage, planMessagesIn, Terraform } from '../support/terraform';

jest.setTimeout(180_000);

/** The example stack's four resources and their IDs in EXAMPLE_WORLD, which are those of the state fixture. */
const ADOPTED: Record<string, string> = {
  'aws_security_group.sample-ecr-privatelink': 'sg-0a1b2c3d4e5f60004',
  'aws_vpc_endpoint.sample-ecr-api': 'vpce-0a1b2c3d4e5f60005',
  'aws_vpc_endpoint.sample-ecr-dkr': 'vpce-0a1b2c3d4e5f60006',
  'aws_vpc_endpoint.sample-s3': 'vpce-0a1b2c3d4e5f60007',
};

const ADOPT = optionVariant('adopt');

interface Planned {
  readonly code: number;
  /** stdout and stderr, Terraform's wrapping and │ frames folded into single spaces. */
  readonly output: string;
  /** With `-json`: Terraform's messages. */
  readonly messages: PlanMessage[];
  readonly requests: string[];
}

/** A plan's changes, as `terraform plan -json` reports them: each resource's, by address, then the summary. */
function changes({ messages }: Planned): unknown[] {
  return [
    ...messages
      .filter((m) => m.type === 'planned_change')
      .map((m) => m.change!)
      .sort((a, b) => a.resource.addr.localeCompare(b.resource.addr)),
    messages.find((m) => m.type === 'change_summary')?.changes,
  ];
}

/**
 * `adopt` in the config (import blocks), planned against the fake AWS whose world holds the endpoints and
 * group that original.tf created (the values of the state fixture): taking them over is a pure import.
 * Import blocks are allowed only in a root module, so the stack is planned as synthesized, as JSON and as
 * HCL (`cdktf synth --hcl`); the plans run side by side.
 */
describeWithTerraform('Adopting existing endpoints', (terraformFor) => {
  let json: Planned;
  let hcl: Planned;
  let otherDescription: Planned;
  let endpointGone: Planned;

  /** `terraform plan` of `stack` against a fake AWS holding `world` (the plans share no state, so no lock). */
  async function planAgainst(terraform: Terraform, stack: string, world: FakeAwsWorld, ...args: string[]): Promise<Planned> {
    const fake = await startFakeAws(world);
    try {
      const result = await terraform.against(fake.url).run(stack, 'plan', '-input=false', '-lock=false', '-detailed-exitcode', ...args);
      return {
        code: result.code,
        output: (result.stdout + result.stderr).replace(/[\s│]+/g, ' '),
        messages: planMessagesIn(result.stdout),
        requests: [...fake.requests],
      };
    } finally {
      await fake.close();
    }
  }

  beforeAll(async () => {
    const terraform = terraformFor();
    const [jsonStack, hclStack] = [false, true].map((hcl) => synthModule([], ADOPT.overrides, { hcl, provider: true }));
    await Promise.all([jsonStack, hclStack].map((stack) => terraform.expect([0], stack, 'init', '-input=false')));
    [json, hcl, otherDescription, endpointGone] = await Promise.all([
      planAgainst(terraform, jsonStack, EXAMPLE_WORLD, '-json'),
      planAgainst(terraform, hclStack, EXAMPLE_WORLD, '-json'),
      planAgainst(
        terraform,
        jsonStack,
        withWorld(EXAMPLE_WORLD, (world) => {
          world.securityGroups!.find((group) => group.id === ADOPTED['aws_security_group.sample-ecr-privatelink'])!.description =
            'Managed by hand';
        }),
      ),
      planAgainst(
        terraform,
        jsonStack,
        withWorld(EXAMPLE_WORLD, (world) => {
          world.vpcEndpoints = world.vpcEndpoints!.filter((endpoint) => endpoint.id !== ADOPTED['aws_vpc_endpoint.sample-ecr-dkr']);
        }),
      ),
    ]);
  });

  test('GIVEN adopt lists the existing group and endpoints WHEN planned with no state THEN 4 to import, 0 to add, 0 to change, 0 to destroy', () => {
    expect(json.code).toBe(2); // the outputs are new
    expect(changes(json).at(-1)).toEqual({ import: 4, add: 0, change: 0, remove: 0, operation: 'plan' });
    expect(
      Object.fromEntries(json.messages.filter((m) => m.change?.importing).map((m) => [m.change!.resource.addr, m.change!.importing!.id])),
    ).toEqual(ADOPTED);
    // What provider 5.100.0 calls to read the resources, besides the preflight data sources' reads:
    // aws_security_group: DescribeSecurityGroups by ID; aws_vpc_endpoint: DescribeVpcEndpoints by ID,
    // DescribePrefixLists by the service name (a Gateway's prefix_list_id and cidr_blocks), and
    // DescribeNetworkInterfaces for each ENI (an Interface endpoint's subnet_configuration).
    expect([...new Set(json.requests)].sort()).toEqual([
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
    expect(json.requests.filter((action) => action === 'DescribeNetworkInterfaces')).toHaveLength(4);
  });

  test("GIVEN the plan role (`npm run -s iam-policies -- --role plan`) THEN it allows each AWS call of that plan in the stack's region", () => {
    // This plan reads all that a plan of these stacks reads: the preflight's lookups, the identity (also
    // leastPrivilegePolicies' account lookup, the same GetCallerIdentity), and the group and each endpoint
    // to import. The fake answers STS's GetCallerIdentity and EC2's query API. What AWS's own policy
    // evaluation makes of the role is not exercised here.
    const config = exampleStackConfig();
    expect(config.region).toBe(EXAMPLE_WORLD.region);
    const calls = [...new Set(json.requests)].map((action) => (action === 'GetCallerIdentity' ? `sts:${action}` : `ec2:${action}`));
    const { permissionsPolicy } = ciRolePolicies({
      role: 'plan',
      repository: 'acme/infra',
      accountId: EXAMPLE_WORLD.accountId,
      stacks: [config],
    });
    expect(calls.filter((action) => !allows(permissionsPolicy, action, { region: config.region }))).toEqual([]);
  });

  test('GIVEN adopt WHEN the HCL (`cdktf synth --hcl`) is planned THEN it imports and changes exactly what the JSON does', () => {
    expect(hcl.code).toBe(2);
    expect(changes(hcl)).toEqual(changes(json));
  });

  test('GIVEN the existing group has another description WHEN the import is planned THEN the group is imported and replaced', () => {
    expect(otherDescription.code).toBe(2);
    expect(otherDescription.output).toContain('# aws_security_group.sample-ecr-privatelink must be replaced');
    expect(otherDescription.output).toContain(
      '~ description = "Managed by hand" -> "ECR PrivateLink endpoints: HTTPS from inside the VPC" # forces replacement',
    );
    expect(otherDescription.output).toContain('Plan: 4 to import, 1 to add, 2 to change, 1 to destroy.');
  });

  test('GIVEN the ecr.dkr endpoint to adopt does not exist WHEN the import is planned THEN it fails on that ID, as against AWS', () => {
    expect(endpointGone.code).toBe(1);
    // The provider takes EC2's InvalidVpcEndpointId.NotFound as "gone", and Terraform refuses the import.
    expect(endpointGone.output).toContain('Error: Cannot import non-existent remote object');
    expect(endpointGone.output).toContain(
      'import an existing object to "aws_vpc_endpoint.sample-ecr-dkr", the provider detected that no object exists',
    );
    expect(endpointGone.output).toContain('Plan: 3 to import');
  });
});
