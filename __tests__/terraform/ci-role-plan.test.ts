import { ciRolePolicies } from '../../lib/iam/ci-role-policies';
import { tempProject } from '../support/app-process';
import { exampleStackConfig } from '../support/example-stack';
import { EXAMPLE_WORLD, startFakeAws } from '../support/fake-aws';
import { allows } from '../support/iam-allows';
import { synthInProject } from '../support/synth-in-project';
import { describeWithTerraform } from '../support/terraform';

jest.setTimeout(120_000);

/** The fake AWS answers STS's GetCallerIdentity and EC2's query API; everything else it receives is EC2. */
const qualified = (action: string): string => (action === 'GetCallerIdentity' ? `sts:${action}` : `ec2:${action}`);

/**
 * The plan role (`npm run -s iam-policies -- --role plan`) is enough for a plan: Terraform and AWS provider
 * 5.100.0 plan the example stack, with every feature that reads AWS (preflight, the account lookup of
 * leastPrivilegePolicies, and import blocks, which read the group and the endpoints), against the fake AWS,
 * and every call the fake receives must be one the role allows in the stack's region. The fake answers any
 * credentials; what AWS's own policy evaluation makes of the role is not exercised here.
 */
describeWithTerraform('The plan role allows every AWS call of a plan', (terraformFor) => {
  test("GIVEN the example adopting its four resources WHEN planned against the fake AWS THEN each call is allowed by the plan role in the stack's region", async () => {
    const terraform = terraformFor();
    const config = exampleStackConfig();
    const stack = synthInProject(tempProject('ci-role-plan'), {
      leastPrivilegePolicies: true,
      // Everything the world holds, so that the plan reads the group and each endpoint.
      adopt: {
        securityGroup: EXAMPLE_WORLD.securityGroups![0].id,
        ...Object.fromEntries(
          EXAMPLE_WORLD.vpcEndpoints!.map((endpoint) => [
            endpoint.serviceName.slice(`com.amazonaws.${EXAMPLE_WORLD.region}.`.length),
            endpoint.id,
          ]),
        ),
      },
    });
    await terraform.expect([0], stack, 'init', '-input=false');
    const fake = await startFakeAws(EXAMPLE_WORLD);
    let calls: string[];
    try {
      const result = await terraform.against(fake.url).run(stack, 'plan', '-input=false', '-detailed-exitcode');
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 2, stderr: '' });
      calls = [...new Set(fake.requests)].map(qualified).sort();
    } finally {
      await fake.close();
    }

    // The plan read the resources to import and the preflight's lookups, not only the provider's identity.
    expect(calls).toEqual(
      expect.arrayContaining(['ec2:DescribeSecurityGroups', 'ec2:DescribeVpcEndpoints', 'ec2:DescribeSubnets', 'sts:GetCallerIdentity']),
    );
    const { permissionsPolicy } = ciRolePolicies({
      role: 'plan',
      repository: 'acme/infra',
      accountId: EXAMPLE_WORLD.accountId,
      stacks: [config],
    });
    expect(config.region).toBe(EXAMPLE_WORLD.region);
    expect(calls.filter((action) => !allows(permissionsPolicy, action, { region: config.region }))).toEqual([]);
  });
});
