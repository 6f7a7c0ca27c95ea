import { copyFileSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { tempProject } from '../support/app-process';
import { exampleWith } from '../support/bad-configs';
import { REPO_ROOT } from '../support/example-stack';
import { main } from '../../scripts/migrate-check';
import { CommandResult, run } from '../support/run';
import { runMain } from '../support/run-main';
import { describeWithTerraform, Terraform } from '../support/terraform';

jest.setTimeout(120_000);

const FIXTURE = path.join(REPO_ROOT, '__tests__', 'fixtures', 'original.tfstate');
const EXAMPLE_CONFIG = path.join(REPO_ROOT, 'config', 'example.json');

describeWithTerraform('npm run migrate-check', (terraformFor) => {
  let terraform: Terraform;
  let dir: string;

  /**
   * Runs the command as a user would, with no AWS reachable: every AWS endpoint points at a closed port,
   * so any call the check made would fail it.
   */
  function migrateCheck(...args: string[]): Promise<CommandResult> {
    const closed = 'http://127.0.0.1:9';
    return run('npm', ['run', '-s', 'migrate-check', '--', ...args], {
      cwd: REPO_ROOT,
      env: { ...terraform.env, AWS_ENDPOINT_URL_STS: closed, AWS_ENDPOINT_URL_EC2: closed, AWS_MAX_ATTEMPTS: '1' },
    });
  }

  function stateCopy(name: string): string {
    const file = path.join(dir, name);
    copyFileSync(FIXTURE, file);
    return file;
  }

  function configFile(name: string, edit: (stack: Record<string, any>) => void): string {
    const file = path.join(dir, name);
    writeFileSync(file, JSON.stringify(exampleWith(edit)));
    return file;
  }

  /**
   * Each run, started side by side in beforeAll: its arguments, then its result. The script runs end to end
   * once for a safe plan and once for one that is not; its verdicts on a replaced group and on in-place
   * updates are judged on the state test's plan of those changes (terraform/state-compatibility.test.ts),
   * through the same plannedActions and migrationReport, without a Terraform run of their own here.
   */
  const RUNS = {
    compatible: () => ['--config', EXAMPLE_CONFIG, '--stack', 'sample', '--state', state],
    otherPrefix: () => [
      '--config',
      configFile('other-prefix.json', (s) => {
        s.namePrefix = 'other';
      }),
      '--stack',
      'sample',
      '--state',
      stateCopy('prefix.tfstate'),
    ],
  };
  /** Runs refused before any Terraform run: the script's main() in this process, one after another. */
  const REFUSALS = {
    noState: ['--config', EXAMPLE_CONFIG, '--stack', 'sample'],
    unknownStack: ['--config', EXAMPLE_CONFIG, '--stack', 'tokyo', '--state', FIXTURE],
    notAState: ['--config', EXAMPLE_CONFIG, '--stack', 'sample', '--state', EXAMPLE_CONFIG.replace('example.json', 'schema.json')],
  };
  const results = {} as Record<keyof typeof RUNS | keyof typeof REFUSALS, CommandResult>;
  let state: string;
  let before: Buffer;

  beforeAll(async () => {
    terraform = terraformFor();
    dir = tempProject('migrate-check');
    state = stateCopy('compatible.tfstate');
    before = readFileSync(state);
    const runs = Promise.all(
      Object.entries(RUNS).map(async ([name, args]) => {
        results[name as keyof typeof RUNS] = await migrateCheck(...args());
      }),
    );
    for (const [name, args] of Object.entries(REFUSALS)) {
      results[name as keyof typeof REFUSALS] = await runMain(() => main(args));
    }
    await runs;
  });

  describe('GIVEN the state original.tf wrote and the example config', () => {
    test('THEN it exits 0 and says every resource of the stack is unchanged', () => {
      const result = results.compatible;
      expect(result.stderr.replace(/npm warn.*\n/g, '')).toBe('');
      expect(result.code).toBe(0);
      for (const address of [
        'aws_security_group.sample-ecr-privatelink',
        'aws_vpc_endpoint.sample-ecr-api',
        'aws_vpc_endpoint.sample-ecr-dkr',
        'aws_vpc_endpoint.sample-s3',
      ]) {
        expect(result.stdout).toMatch(new RegExp(`^  unchanged  ${address.replace(/\./g, '\\.')}$`, 'm'));
      }
      expect(result.stdout).toContain('Result: safe.');
    });

    test('THEN the VPC, subnets and route table are listed as staying with the old project', () => {
      const staying = results.compatible.stdout.split('Staying with the old project (4):\n')[1].split('\n\n')[0];
      expect(staying.split('\n').map((l) => l.trim())).toEqual([
        'aws_route_table.sample-private',
        'aws_route_table_association.sample-private',
        'aws_subnet.sample-private-subnets',
        'aws_vpc.sample',
      ]);
    });

    test('THEN it prints the state mv commands, and the removed blocks with the adopt entry as the other way', () => {
      const { stdout } = results.compatible;
      expect(stdout).toContain(
        `terraform state mv -state=${state} -state-out=terraform.sample.tfstate aws_vpc_endpoint.sample-s3 aws_vpc_endpoint.sample-s3`,
      );
      expect(stdout).toContain('    from = aws_vpc_endpoint.sample-ecr-dkr');
      expect(stdout).toContain(
        '"adopt": {"securityGroup":"sg-0a1b2c3d4e5f60004","ecr.api":"vpce-0a1b2c3d4e5f60005","ecr.dkr":"vpce-0a1b2c3d4e5f60006","s3":"vpce-0a1b2c3d4e5f60007"}',
      );
    });

    test('THEN the given state file is byte-identical afterwards', () => {
      expect(readFileSync(state).equals(before)).toBe(true);
    });
  });

  test('GIVEN a config whose namePrefix differs THEN it exits 1 and names each resource that would be created', () => {
    const result = results.otherPrefix;
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^ {2}CREATED {2}aws_vpc_endpoint\.other-ecr-dkr$/m);
    expect(result.stdout).toContain('Result: NOT SAFE. aws_security_group.other-ecr-privatelink would be CREATED');
  });

  test.each([
    ['no --state', 'noState', 'Missing --state'],
    ['an unknown stack', 'unknownStack', '--stack: "tokyo" is not a stack of'],
    ['a file that is not a state', 'notAState', 'is not a Terraform state file'],
  ] as const)('GIVEN %s THEN it exits 2 with what is wrong, and no stack trace', (_, run, message) => {
    const result = results[run];
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
