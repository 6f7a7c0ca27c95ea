import { spawn } from 'child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { runApp, stackDirectory, tempProject } from '../support/app-process';
import { exampleWith } from '../support/bad-configs';
import { REPO_ROOT } from '../support/example-stack';
import { EXAMPLE_WORLD, FakeVpcEndpoint, ORIGINAL_STATE_PATH, startFakeAws, withWorld } from '../support/fake-aws';
import { CommandResult, run } from '../support/run';
import { describeWithTerraform, Terraform } from '../support/terraform';

jest.setTimeout(180_000);

const GROUP = 'aws_security_group.sample-ecr-privatelink';
/** The stack's state file, relative to the project folder, as the example config's local backend names it. */
const STACK_STATE = exampleWith(() => {}).stacks[0].backend.path as string;
const MANAGED = [GROUP, 'aws_vpc_endpoint.sample-ecr-api', 'aws_vpc_endpoint.sample-ecr-dkr', 'aws_vpc_endpoint.sample-s3'];

/** The `"adopt": {...}` block of the check's output, read as the config will read it once pasted. */
function pastedAdopt(stdout: string): Record<string, string> {
  const block = /^"adopt": \{[\s\S]*?^\}/m.exec(stdout);
  if (!block) {
    throw new Error(`no "adopt" block in:\n${stdout}`);
  }
  return JSON.parse(`{${block[0]}}`).adopt;
}

/**
 * `npm run orphans` against the fake AWS, whose world holds what original.tf created (the security group
 * sg-...04, ecr.api vpce-...05, ecr.dkr vpce-...06, the S3 gateway vpce-...07), and a state that lacks
 * some of it, as a killed `cdktf deploy` leaves it. The state is read by the real Terraform through the
 * stack's local backend.
 */
describeWithTerraform('npm run orphans', (terraformFor) => {
  let terraform: Terraform;
  /** The scenarios other than the killed deploy's chain, started side by side with it in beforeAll. */
  let nothing: Promise<CommandResult>;
  let complete: Promise<CommandResult>;
  let duplicate: Promise<{ result: CommandResult; requests: string[] }>;
  let locked: Promise<{ blocked: CommandResult; result: CommandResult; state: string }>;
  let unreadable: Promise<CommandResult>;

  beforeAll(() => {
    terraform = terraformFor();
    nothing = started(project('nothing', []).then(({ dir, config }) => orphans(dir, config)));
    complete = started(project('complete', MANAGED).then(({ dir, config }) => orphans(dir, config)));
    duplicate = started(checkWithDuplicates());
    locked = started(checkWhileLocked());
    unreadable = started(
      project('unreadable', []).then(({ dir, config }) => {
        writeFileSync(path.join(dir, STACK_STATE), 'not a state');
        return orphans(dir, config);
      }),
    );
  });

  /** `promise`, whose failure is reported by the test that awaits it rather than as an unhandled rejection first. */
  function started<T>(promise: Promise<T>): Promise<T> {
    promise.catch(() => undefined);
    return promise;
  }

  /** A project folder with the example config (changed by `edit`) and the state holding `addresses` of original.tfstate. */
  async function project(
    label: string,
    addresses: readonly string[],
    edit: (stack: Record<string, any>) => void = () => {},
  ): Promise<{ dir: string; config: string }> {
    const dir = tempProject(`orphans-${label}`);
    copyFileSync(ORIGINAL_STATE_PATH, path.join(dir, 'original.tfstate'));
    for (const address of addresses) {
      await terraform.expect([0], dir, 'state', 'mv', '-state=original.tfstate', `-state-out=${STACK_STATE}`, address, address);
    }
    const config = path.join(dir, 'stacks.json');
    writeFileSync(config, JSON.stringify(exampleWith(edit)));
    return { dir, config };
  }

  /** The check as `npm run -s orphans -- --stack sample --config FILE` runs it, from the project folder. */
  function orphans(dir: string, config: string, aws: Terraform = terraform): Promise<CommandResult> {
    const script = ['--require', path.join(REPO_ROOT, 'scripts', 'register-ts.js'), path.join(REPO_ROOT, 'scripts', 'orphans.ts')];
    return run(process.execPath, [...script, '--stack', 'sample', '--config', config], { cwd: dir, env: aws.env });
  }

  /** The check against AWS holding a rerun's second ecr.dkr endpoint, one being deleted and one that failed. */
  async function checkWithDuplicates(): Promise<{ result: CommandResult; requests: string[] }> {
    const copyOf = (id: string, service: string, state: string, creationTimestamp: string): FakeVpcEndpoint => ({
      ...EXAMPLE_WORLD.vpcEndpoints!.find((e) => e.serviceName.endsWith(`.${service}`))!,
      id,
      state,
      creationTimestamp,
    });
    const aws = await startFakeAws(
      withWorld(EXAMPLE_WORLD, (world) => {
        world.vpcEndpoints!.push(
          copyOf('vpce-0a1b2c3d4e5f6000a', 'ecr.dkr', 'available', '2025-06-10T04:00:00.000Z'),
          copyOf('vpce-0a1b2c3d4e5f6000b', 'ecr.api', 'deleted', '2025-06-10T02:00:00.000Z'),
          copyOf('vpce-0a1b2c3d4e5f6000c', 'ecr.api', 'failed', '2025-06-10T02:30:00.000Z'),
        );
      }),
    );
    try {
      const { dir, config } = await project('duplicate', MANAGED);
      return { result: await orphans(dir, config, terraform.against(aws.url)), requests: [...aws.requests] };
    } finally {
      await aws.close();
    }
  }

  /**
   * A plan's lock attempt and the check, while an apply waiting for input holds the state's lock. The lock is
   * the state file's, whichever configuration takes it: this apply's configuration shares the stack's state
   * and asks for a variable's value, which Terraform does once it holds the lock and before it starts the
   * provider (the stack's own apply, as `cdktf deploy` runs it, would plan first, then ask for approval).
   */
  async function checkWhileLocked(): Promise<{ blocked: CommandResult; result: CommandResult; state: string }> {
    const { dir, config } = await project('locked', [GROUP]);
    const state = path.join(dir, STACK_STATE);
    const holder = path.join(dir, 'lock-holder');
    mkdirSync(holder);
    writeFileSync(
      path.join(holder, 'main.tf.json'),
      JSON.stringify({ terraform: { backend: { local: { path: state } } }, variable: { hold: {} } }),
    );
    await terraform.expect([0], holder, 'init', '-input=false');
    const apply = spawn(terraform.binary, ['apply', '-input=true', '-no-color'], { cwd: holder, env: { ...terraform.env, TF_INPUT: '1' } });
    try {
      let shown = '';
      await new Promise<void>((resolve, reject) => {
        apply.stdout.on('data', (chunk: Buffer) => {
          shown += chunk.toString();
          if (shown.includes('Enter a value:')) {
            resolve();
          }
        });
        apply.on('exit', (code) => reject(new Error(`terraform apply exited ${code} before asking:\n${shown}`)));
      });
      const blocked = await terraform.run(holder, 'plan', '-input=false', '-lock-timeout=0s', '-var=hold=1');
      return { blocked, result: await orphans(dir, config), state };
    } finally {
      apply.kill('SIGKILL');
    }
  }

  describe('GIVEN a deploy killed after the security group reached the state, its three endpoints in AWS only', () => {
    let dir: string;
    let config: string;
    let found: CommandResult;

    beforeAll(async () => {
      ({ dir, config } = await project('killed', [GROUP]));
      found = await orphans(dir, config);
    });

    test('WHEN checked THEN it exits 1 and lists each endpoint with the address it belongs at', () => {
      expect(found.stderr).toBe('');
      expect(found.code).toBe(1);
      expect(found.stdout).toContain('its state holds 1 resource(s)');
      expect(found.stdout).toContain('In AWS but not in the state: 3 orphan(s).');
      expect(found.stdout).toMatch(/^ {2}ecr\.api +vpce-0a1b2c3d4e5f60005 {2}available {2}-> adopt as aws_vpc_endpoint\.sample-ecr-api$/m);
      expect(found.stdout).toMatch(/^ {2}ecr\.dkr +vpce-0a1b2c3d4e5f60006 {2}available {2}-> adopt as aws_vpc_endpoint\.sample-ecr-dkr$/m);
      expect(found.stdout).toMatch(/^ {2}s3 +vpce-0a1b2c3d4e5f60007 {2}available {2}-> adopt as aws_vpc_endpoint\.sample-s3$/m);
      expect(found.stdout).not.toContain('sg-0a1b2c3d4e5f60004  ->');
    });

    test('WHEN checked THEN the adopt entry names the three endpoints, and the steps say diff, deploy, check again', () => {
      expect(pastedAdopt(found.stdout)).toEqual({
        'ecr.api': 'vpce-0a1b2c3d4e5f60005',
        'ecr.dkr': 'vpce-0a1b2c3d4e5f60006',
        s3: 'vpce-0a1b2c3d4e5f60007',
      });
      expect(found.stdout).toContain(`ECR_PRIVATELINK_CONFIG=${config} npx cdktf diff sample`);
      expect(found.stdout).toContain(`ECR_PRIVATELINK_CONFIG=${config} npx cdktf deploy sample`);
    });

    describe('WHEN the adopt entry is pasted into the stack and the stack synthesized as cdktf does', () => {
      let stack: string;

      beforeAll(async () => {
        writeFileSync(
          config,
          JSON.stringify(
            exampleWith((s) => {
              s.adopt = pastedAdopt(found.stdout);
            }),
          ),
        );
        const synth = await runApp(dir, config);
        expect(synth.stderr).toBe('');
        stack = stackDirectory(dir, 'sample');
        await terraform.expect([0], stack, 'init', '-input=false');
      });

      test('THEN its plan (what cdktf diff shows) imports the three and creates, changes and destroys nothing, and so does the apply', async () => {
        // Planned and applied in one command, as `cdktf deploy` does: the plan it prints is the one diff shows.
        const applied = await terraform.expect([0], stack, 'apply', '-input=false', '-auto-approve');
        expect(applied.stdout).toContain('Plan: 3 to import, 0 to add, 0 to change, 0 to destroy.');
        expect(applied.stdout).toContain('Apply complete! Resources: 3 imported, 0 added, 0 changed, 0 destroyed.');
      });

      test('THEN once applied the check exits 0, and with adopt removed the stack plans no changes', async () => {
        const after = await orphans(dir, config);
        expect(after.stdout).toContain('its state holds 4 resource(s)');
        expect(after.stdout).toContain('No orphans: AWS has nothing of stack "sample" that its state lacks.');
        expect(after.code).toBe(0);

        writeFileSync(config, JSON.stringify(exampleWith(() => {})));
        expect((await runApp(dir, config)).code).toBe(0);
        // The four the state holds (see above) plan as they are: read from plan -json, no `show`.
        const plan = await terraform.planChanges(stack);
        expect(plan.exitCode).toBe(0);
        expect(plan.changes).toEqual({});
      });
    });
  });

  test('GIVEN a deploy killed before anything reached the state (no state file) THEN all four are orphans, the group first', async () => {
    const result = await nothing;
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('its state holds 0 resource(s)');
    expect(Object.entries(pastedAdopt(result.stdout))).toEqual([
      ['securityGroup', 'sg-0a1b2c3d4e5f60004'],
      ['ecr.api', 'vpce-0a1b2c3d4e5f60005'],
      ['ecr.dkr', 'vpce-0a1b2c3d4e5f60006'],
      ['s3', 'vpce-0a1b2c3d4e5f60007'],
    ]);
  });

  test('GIVEN the state holds everything AWS has of the stack THEN it exits 0 and says there is no orphan', async () => {
    const result = await complete;
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('its state holds 4 resource(s)');
    expect(result.stdout).toContain('No orphans');
    expect(result.stdout).not.toContain('"adopt"');
    expect(result.code).toBe(0);
  });

  describe("GIVEN AWS also holds a second ecr.dkr endpoint (a rerun's), one being deleted and one that failed", () => {
    let result: CommandResult;
    let requests: string[];

    beforeAll(async () => {
      ({ result, requests } = await duplicate);
    });

    test("THEN it exits 1 and names the second one a duplicate of the state's, to delete", () => {
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('In AWS but not in the state: 1 orphan(s).');
      expect(result.stdout).toContain(
        'vpce-0a1b2c3d4e5f6000a  available  DUPLICATE: the state holds aws_vpc_endpoint.sample-ecr-dkr as vpce-0a1b2c3d4e5f60006; delete this one',
      );
      expect(result.stdout).not.toContain('"adopt"');
    });

    test('THEN the deleted and the failed one are listed as no orphans, and only the failed one and the duplicate are to delete', () => {
      const notOrphans = result.stdout.split('Not orphans, nothing to adopt')[1];
      expect(notOrphans).toMatch(/vpce-0a1b2c3d4e5f6000b {2}deleted {2}being deleted by AWS/);
      expect(notOrphans).toMatch(/vpce-0a1b2c3d4e5f6000c {2}failed {2}not usable/);
      expect(result.stdout).toContain(
        'aws ec2 delete-vpc-endpoints --region ap-northeast-1 --vpc-endpoint-ids vpce-0a1b2c3d4e5f6000c vpce-0a1b2c3d4e5f6000a\n',
      );
    });

    test("THEN it asked EC2 for the stack's VPC and services, and for the group by its name", () => {
      expect(requests).toEqual(['DescribeVpcEndpoints', 'DescribeSecurityGroups']);
    });
  });

  test('GIVEN the state is locked (an apply waiting for input holds the lock, as a deploy waiting for approval does) THEN the check still reads it', async () => {
    const { blocked, result, state } = await locked;
    expect(blocked.stderr).toContain('Error acquiring the state lock');
    expect(/^ *Path: +(.+)$/m.exec(blocked.stderr)?.[1]).toBe(state); // the lock is on the stack's state file
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(Object.keys(pastedAdopt(result.stdout))).toEqual(['ecr.api', 'ecr.dkr', 's3']);
  });

  test('GIVEN a state file that Terraform cannot read THEN it exits 2 saying the state cannot be read', async () => {
    const result = await unreadable;
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^orphans: Cannot read the state: terraform (init|state pull) failed/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).toBe('');
  });
});
