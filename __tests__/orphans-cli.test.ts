import { mkdtempSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { main } from '../scripts/orphans';
import { exampleWith } from './support/bad-configs';
import { REPO_ROOT } from './support/example-stack';
import { FakeAws, startFakeAws } from './support/fake-aws';
import { CommandResult, run } from './support/run';
import { withProcessEnv } from './support/process-env';
import { runMain } from './support/run-main';

jest.setTimeout(60_000);

/**
 * The os module the script calls (jest hands the same object to every module). A child process takes its
 * temporary folder from TMPDIR; in this process os.tmpdir() reads the real environment, which jest's
 * process.env is a copy of, so the test's folder is handed out by a spy instead.
 */
const os: typeof import('os') = jest.requireActual('os');

/** AWS as the script sees it here: credentials that sign, no instance metadata, EC2 at a closed port, one attempt. */
const OFFLINE_AWS: NodeJS.ProcessEnv = {
  AWS_ACCESS_KEY_ID: 'AKIAOFFLINETESTONLY0',
  AWS_SECRET_ACCESS_KEY: 'offline-test-only',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_ENDPOINT_URL_EC2: 'http://127.0.0.1:9',
  AWS_MAX_ATTEMPTS: '1',
};

/**
 * `npm run -s orphans` refusing what it cannot check, before any Terraform run: exit 2, one message naming
 * the field and value, no stack trace, and no work folder left behind. (What it finds is judged with
 * Terraform in __tests__/terraform/orphans.test.ts.) One case runs the npm script as a user types it; the
 * others call the script's main() in this process, as the other script tests do (a process per case cost
 * about a second of CPU each, to run the same code).
 */
describe('npm run orphans: bad input and unreachable dependencies', () => {
  let dir: string;
  let workTmp: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ecr-privatelink-orphans-cli-'));
  });

  beforeEach(() => {
    workTmp = mkdtempSync(path.join(dir, 'tmp-'));
  });

  /** The environment of a run: this one without the app's config variable, offline AWS, a TMPDIR of the test's own, then `env`. */
  function environment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    const { ECR_PRIVATELINK_CONFIG: _ignored, ...inherited } = process.env;
    return { ...inherited, ...OFFLINE_AWS, TMPDIR: workTmp, ...env };
  }

  /** `npm run -s orphans -- ARGS` from the project folder, as a user runs it. */
  function npmRunOrphans(args: string[]): Promise<CommandResult> {
    return run('npm', ['run', '-s', 'orphans', '--', ...args], { cwd: REPO_ROOT, env: environment({}) });
  }

  /**
   * scripts/orphans.ts's main(ARGS) in this process, with the environment of a run in process.env (the AWS
   * SDK and Terraform's spawn read it there) and the test's folder as the temporary folder until it
   * returns.
   */
  async function orphans(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
    const runEnv = environment(env);
    // The run's environment replaces this one: what it lacks is removed for the time of the run.
    const changes = { ...Object.fromEntries(Object.keys(process.env).map((name) => [name, undefined])), ...runEnv };
    const temporaryFolder = jest.spyOn(os, 'tmpdir').mockReturnValue(workTmp);
    try {
      return await withProcessEnv(changes, () => runMain(() => main(args, runEnv)));
    } finally {
      temporaryFolder.mockRestore();
    }
  }

  function config(name: string, content: string): string {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  }

  function expectRefused(result: CommandResult, message: string): void {
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
    expect(readdirSync(workTmp)).toEqual([]);
  }

  test('GIVEN --help THEN it prints the usage and exit codes and exits 0', async () => {
    const result = await orphans(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: npm run -s orphans -- --stack NAME [--config FILE]');
    expect(result.stdout).toContain('Exit 0: none; 1: some; 2: the check could not be made.');
  });

  test.each([
    ['no --stack', [], 'Missing --stack.\nUsage: npm run -s orphans -- --stack NAME [--config FILE]'],
    ['an unknown flag', ['--stack', 'sample', '--stak', 'x'], "Unknown option '--stak'"],
    ['a positional argument', ['sample'], "Unexpected argument 'sample'"],
    ['--stack with no value', ['--stack'], "Option '--stack <value>' argument missing"],
    ['--config=""', ['--stack', 'sample', '--config='], '--config: "" is not a file name.'],
  ])('GIVEN %s THEN it exits 2 with the usage or the field, and no stack trace', async (_, args, message) => {
    expectRefused(await orphans(args), message);
  });

  test('GIVEN `npm run -s orphans -- --stack tokyo` (a stack the example config does not have) THEN it exits 2 naming --stack and the value, and no stack trace', async () => {
    expectRefused(await npmRunOrphans(['--stack', 'tokyo']), '--stack: "tokyo" is not a stack of');
  });

  test('GIVEN --config naming no file THEN it exits 2 naming --config and the path', async () => {
    const missing = path.join(dir, 'missing.json');
    expectRefused(await orphans(['--stack', 'sample', `--config=${missing}`]), `--config: "${missing}" cannot be read (ENOENT)`);
  });

  test('GIVEN ECR_PRIVATELINK_CONFIG naming no file THEN it exits 2 naming ECR_PRIVATELINK_CONFIG', async () => {
    const missing = path.join(dir, 'missing.json');
    expectRefused(
      await orphans(['--stack', 'sample'], { ECR_PRIVATELINK_CONFIG: missing }),
      `ECR_PRIVATELINK_CONFIG: "${missing}" cannot be read`,
    );
  });

  test("GIVEN a config with a bad field THEN it exits 2 with the app's message naming the field and value", async () => {
    const file = config(
      'bad.json',
      JSON.stringify(
        exampleWith((s) => {
          s.vpcId = 'vpc-1';
        }),
      ),
    );
    expectRefused(await orphans(['--stack', 'sample', '--config', file]), 'stacks[0].vpcId: "vpc-1" is not a VPC ID');
  });

  test('GIVEN a spoke THEN it exits 2 saying the check covers stacks with interface endpoints', async () => {
    const file = path.join(REPO_ROOT, 'config', 'hub-and-spoke.json');
    expectRefused(
      await orphans(['--stack', 'team-a', '--config', file]),
      '--stack: "team-a" is a spoke of "hub"; the check covers stacks with interface endpoints',
    );
  });

  test("GIVEN AWS cannot be reached THEN it exits 2 saying it cannot read EC2 in the stack's region", async () => {
    expectRefused(await orphans(['--stack', 'sample']), 'orphans: Cannot read AWS (EC2 in ap-northeast-1): ');
  });

  describe('GIVEN AWS answers', () => {
    let aws: FakeAws;
    beforeAll(async () => {
      aws = await startFakeAws();
    });
    afterAll(() => aws.close());

    test('WHEN Terraform cannot be run THEN it exits 2 saying so', async () => {
      const result = await orphans(['--stack', 'sample'], {
        AWS_ENDPOINT_URL_EC2: aws.url,
        TERRAFORM_BINARY: path.join(dir, 'no-terraform'),
      });
      expectRefused(result, 'orphans: Cannot run terraform: ');
      expect(aws.requests).toEqual(expect.arrayContaining(['DescribeVpcEndpoints', 'DescribeSecurityGroups']));
    });
  });
});
