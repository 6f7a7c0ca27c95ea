import { tempProject } from '../support/app-process';
import { synthInProject } from '../support/synth-in-project';
import { describeWithTerraform } from '../support/terraform';

jest.setTimeout(120_000);

/**
 * `adopt` in the config, planned against the fake AWS whose world holds the endpoints and group that
 * original.tf created (the same values as the state fixture): taking them over is a pure import.
 */
describeWithTerraform('Adopting existing endpoints', (terraformFor) => {
  test('GIVEN adopt lists the existing group and endpoints WHEN planned with no state THEN 4 to import, 0 to add, 0 to change, 0 to destroy', async () => {
    const terraform = terraformFor();
    const stack = synthInProject(tempProject('adopt'), {
      adopt: {
        securityGroup: 'sg-0a1b2c3d4e5f60004',
        'ecr.api': 'vpce-0a1b2c3d4e5f60005',
        'ecr.dkr': 'vpce-0a1b2c3d4e5f60006',
        s3: 'vpce-0a1b2c3d4e5f60007',
      },
    });
    await terraform.expect([0], stack, 'init', '-input=false');
    const result = await terraform.expect([0, 2], stack, 'plan', '-input=false');
    expect(result.stdout).toContain('Plan: 4 to import, 0 to add, 0 to change, 0 to destroy.');
  });
});
