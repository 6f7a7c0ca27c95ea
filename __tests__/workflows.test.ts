import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { AWS_PROVIDER_VERSION } from '../lib/provider-version';
import { run } from './support/run';
import { TERRAFORM_VERSION } from './support/terraform-version';

/**
 * The GitHub Actions workflows users get (.github/workflows): valid by the workflow schema, checked
 * offline (nothing fetches actions), and holding to the rules of the README's `## CI` section.
 */

const REPO_ROOT = path.resolve(__dirname, '..');
const WORKFLOWS = path.join(REPO_ROOT, '.github', 'workflows');
const VALIDATOR = path.join(REPO_ROOT, 'node_modules', '.bin', 'action-validator');
const STACK_NAMES = path.join(REPO_ROOT, 'scripts', 'stack-names.ts');
const REGISTER_TS = path.join(REPO_ROOT, 'scripts', 'register-ts.js');

/**
 * Every npm/npx/cdktf command the workflows may run, as the README's `## CI` section documents it
 * (`<stack>` is the matrix's stack name). A command added to a workflow must be added here and there.
 */
const DOCUMENTED_COMMANDS = [
  'npm ci',
  'npm test',
  'npm run -s stack-names',
  'npm run -s stack-names -- --require-remote-state',
  'npx cdktf diff <stack> --no-color',
  'npx cdktf deploy <stack> --auto-approve',
];

const MATRIX_FROM_STACKS_JOB = '${{ fromJSON(needs.stacks.outputs.stacks) }}';
const GITHUB_COMMENT_LIMIT = 65536;

interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}

interface Job {
  readonly if?: string;
  readonly needs?: string | string[];
  readonly permissions?: Record<string, string>;
  readonly environment?: string | { name: string };
  readonly concurrency?: { group: string; 'cancel-in-progress': boolean };
  readonly strategy?: { 'fail-fast'?: boolean; matrix?: Record<string, unknown> };
  readonly outputs?: Record<string, string>;
  readonly env?: Record<string, string>;
  readonly steps: Step[];
}

interface Workflow {
  readonly on: Record<string, any>;
  readonly permissions?: Record<string, string>;
  readonly env?: Record<string, string>;
  readonly defaults?: { run?: { shell?: string } };
  readonly jobs: Record<string, Job>;
}

const workflowFiles = readdirSync(WORKFLOWS).sort();

function readWorkflow(file: string): Workflow {
  return parse(readFileSync(path.join(WORKFLOWS, file), 'utf8')) as Workflow;
}

function validate(file: string): ReturnType<typeof run> {
  // The bin is an ES module script; run it with this Node, not whichever `node` is first on PATH.
  return run(process.execPath, [VALIDATOR, file], { cwd: REPO_ROOT, env: process.env });
}

const usesAction = (step: Step, action: string): boolean => (step.uses ?? '').startsWith(`${action}@`);

/**
 * The npm/npx/cdktf commands of a `run:` script, normalized: redirections and pipes cut off, the matrix
 * stack ("$STACK") shown as `<stack>`.
 */
function commandsIn(script: string): string[] {
  const text = script.replace(/\\\n/g, ' ').replace(/\s\d*[<>]+&?\d*/g, ' >');
  return [...text.matchAll(/(?:^|[\s;&|(`"'])((?:npm|npx|cdktf)(?=\s|$)[^\n;&|)<>]*)/gm)].map((match) =>
    match[1]
      .replace(/"\$\{?STACK\}?"|\$\{?STACK\}?/g, '<stack>')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

function jobCommands(job: Job): string[] {
  return job.steps.flatMap((step) => (step.run ? commandsIn(step.run) : []));
}

function stepIndex(job: Job, predicate: (step: Step) => boolean): number {
  return job.steps.findIndex(predicate);
}

const runsCommand =
  (command: string) =>
  (step: Step): boolean =>
    commandsIn(step.run ?? '').some((c) => c === command || c.startsWith(`${command} `));

/** The README's `## CI` section, up to the next `## ` heading; undefined when there is none. */
function readmeSection(title: string): string | undefined {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const start = readme.search(new RegExp(`^## ${title}[ \\t]*$`, 'm'));
  if (start < 0) {
    return undefined;
  }
  const end = readme.slice(start + 3).search(/^## /m);
  return end < 0 ? readme.slice(start) : readme.slice(start, start + 3 + end);
}

function findOnPath(command: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .map((dir) => path.join(dir, command))
    .find((candidate) => existsSync(candidate));
}

describe('the CI workflows (.github/workflows)', () => {
  test('GIVEN the workflows folder THEN it holds exactly pull-request.yml and deploy.yml', () => {
    expect(workflowFiles).toEqual(['deploy.yml', 'pull-request.yml']);
  });

  describe.each(workflowFiles)('GIVEN %s', (file) => {
    const workflow = readWorkflow(file);
    const jobs = Object.entries(workflow.jobs);

    test('WHEN checked by action-validator (the workflow schema) THEN it exits 0 with no errors', async () => {
      const result = await validate(path.join(WORKFLOWS, file));
      expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    });

    test('THEN every action is pinned to a major version tag', () => {
      const uses = jobs.flatMap(([, job]) => job.steps.flatMap((step) => (step.uses ? [step.uses] : [])));
      expect(uses.length).toBeGreaterThan(0);
      expect(uses.filter((action) => !/^[\w.-]+\/[\w.-]+@v\d+$/.test(action))).toEqual([]);
    });

    test('THEN no AWS access keys and no secrets appear anywhere: AWS credentials come from OIDC', () => {
      const text = readFileSync(path.join(WORKFLOWS, file), 'utf8');
      expect(text).not.toMatch(
        /aws-access-key-id|aws-secret-access-key|aws-session-token|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN|secrets\./i,
      );
    });

    test('THEN every job that gets AWS credentials assumes vars.AWS_ROLE_ARN in vars.AWS_REGION, with id-token: write', () => {
      const awsJobs = jobs.filter(([, job]) => job.steps.some((step) => usesAction(step, 'aws-actions/configure-aws-credentials')));
      for (const [name, job] of awsJobs) {
        const steps = job.steps.filter((step) => usesAction(step, 'aws-actions/configure-aws-credentials'));
        expect({ job: name, with: steps.map((step) => step.with) }).toEqual({
          job: name,
          with: [{ 'role-to-assume': '${{ vars.AWS_ROLE_ARN }}', 'aws-region': '${{ vars.AWS_REGION }}' }],
        });
        expect({ job: name, idToken: job.permissions?.['id-token'] }).toEqual({ job: name, idToken: 'write' });
      }
      // Every job that runs cdktf (which talks to AWS) gets credentials first.
      for (const [name, job] of jobs) {
        const cdktf = stepIndex(job, (step) => commandsIn(step.run ?? '').some((c) => c.startsWith('npx cdktf ')));
        if (cdktf >= 0) {
          const credentials = stepIndex(job, (step) => usesAction(step, 'aws-actions/configure-aws-credentials'));
          expect({ job: name, credentialsBeforeCdktf: credentials >= 0 && credentials < cdktf }).toEqual({
            job: name,
            credentialsBeforeCdktf: true,
          });
        }
      }
    });

    test('THEN permissions are minimal: contents: read, plus id-token: write only where AWS is used and pull-requests: write only where commenting', () => {
      expect(workflow.permissions).toEqual({ contents: 'read' });
      for (const [name, job] of jobs) {
        const aws = job.steps.some((step) => usesAction(step, 'aws-actions/configure-aws-credentials'));
        const comments = job.steps.some((step) => usesAction(step, 'actions/github-script'));
        expect({ job: name, permissions: job.permissions }).toEqual({
          job: name,
          permissions: { contents: 'read', ...(aws ? { 'id-token': 'write' } : {}), ...(comments ? { 'pull-requests': 'write' } : {}) },
        });
      }
    });

    test(`THEN every job that runs Terraform (npm test, cdktf) first installs Terraform ${TERRAFORM_VERSION}, the tests' version, without the wrapper`, () => {
      const setups = jobs.flatMap(([, job]) => job.steps.filter((step) => usesAction(step, 'hashicorp/setup-terraform')));
      expect(setups.length).toBeGreaterThan(0);
      for (const step of setups) {
        expect(step.with).toEqual({ terraform_version: TERRAFORM_VERSION, terraform_wrapper: false });
      }
      for (const [name, job] of jobs) {
        const needsTerraform = stepIndex(job, (step) => runsCommand('npm test')(step) || runsCommand('npx cdktf')(step));
        if (needsTerraform >= 0) {
          const setup = stepIndex(job, (step) => usesAction(step, 'hashicorp/setup-terraform'));
          expect({ job: name, terraformFirst: setup >= 0 && setup < needsTerraform }).toEqual({ job: name, terraformFirst: true });
        }
      }
    });

    test('THEN every job checks out, sets up Node 20 with the npm cache, and runs `npm ci` before any other npm command', () => {
      for (const [name, job] of jobs) {
        expect({ job: name, first: job.steps[0].uses }).toEqual({ job: name, first: 'actions/checkout@v4' });
        const node = job.steps.filter((step) => usesAction(step, 'actions/setup-node'));
        expect({ job: name, node: node.map((step) => step.with) }).toEqual({ job: name, node: [{ 'node-version': 20, cache: 'npm' }] });
        const install = stepIndex(job, runsCommand('npm ci'));
        const firstNpm = stepIndex(job, (step) => commandsIn(step.run ?? '').length > 0);
        expect({ job: name, install, firstNpm }).toEqual({ job: name, install: firstNpm, firstNpm: expect.any(Number) });
        expect(stepIndex(job, (step) => usesAction(step, 'actions/setup-node'))).toBeLessThan(install);
      }
    });

    test('THEN the config is vars.ECR_PRIVATELINK_CONFIG, else the committed example; version checks are off; run steps use bash (pipefail)', () => {
      expect(workflow.env).toEqual({
        ECR_PRIVATELINK_CONFIG: "${{ vars.ECR_PRIVATELINK_CONFIG || 'config/example.json' }}",
        CHECKPOINT_DISABLE: '1',
      });
      expect(existsSync(path.join(REPO_ROOT, 'config', 'example.json'))).toBe(true);
      expect(workflow.defaults).toEqual({ run: { shell: 'bash' } });
    });

    test('THEN every npm/npx/cdktf command it runs is one the README documents', () => {
      const commands = jobs.flatMap(([, job]) => jobCommands(job));
      expect(commands.length).toBeGreaterThan(0);
      expect(commands.filter((command) => !DOCUMENTED_COMMANDS.includes(command))).toEqual([]);
    });
  });

  describe.each([
    ['a misspelt job key (stepz)', (text: string) => text.replace(/^ {4}steps:/m, '    stepz:'), 'stepz'],
    ['a permission that is not read/write/none', (text: string) => text.replace('id-token: write', 'id-token: writ'), '/permissions'],
    ['a job without runs-on', (text: string) => text.replace(/^ {4}runs-on: ubuntu-latest\n/m, ''), 'runs-on'],
  ])('GIVEN a copy of deploy.yml with %s', (_, breakIt, named) => {
    test('WHEN checked by action-validator THEN it exits 1 and its errors name the problem', async () => {
      const original = readFileSync(path.join(WORKFLOWS, 'deploy.yml'), 'utf8');
      const broken = breakIt(original);
      expect(broken).not.toBe(original);
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'ecr-privatelink-workflow-')), 'deploy.yml');
      writeFileSync(file, broken);

      const result = await validate(file);

      expect(result.code).toBe(1);
      const report = JSON.parse(result.stderr);
      expect(report.errors.length).toBeGreaterThan(0);
      expect(result.stderr).toContain(named);
    });
  });

  describe('GIVEN pull-request.yml', () => {
    const workflow = readWorkflow('pull-request.yml');
    const { test: testJob, stacks, diff } = workflow.jobs;

    test('THEN it runs on pull requests', () => {
      expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    });

    test('THEN the test job runs `npm ci` then `npm test`, with a mirror of the AWS provider version the tests use', () => {
      expect(jobCommands(testJob)).toEqual(['npm ci', 'npm test']);
      expect(testJob.env).toEqual({ AWS_PROVIDER_VERSION });
      const mirror = testJob.steps.find((step) => (step.run ?? '').includes('TF_PROVIDER_MIRROR'));
      expect(mirror?.run).toContain('TF_PLUGIN_CACHE_DIR="$mirror" terraform');
      expect(mirror?.run).toContain('echo "TF_PROVIDER_MIRROR=$mirror" >> "$GITHUB_ENV"');
      expect(stepIndex(testJob, (step) => step === mirror)).toBeLessThan(stepIndex(testJob, runsCommand('npm test')));
    });

    test('THEN the stacks job outputs the stack names of the config, failing the job when the config is refused', () => {
      expect(stacks.outputs).toEqual({ stacks: '${{ steps.names.outputs.stacks }}' });
      const names = stacks.steps.find((step) => step.id === 'names');
      // An assignment, so that `bash -e` stops on a refused config (a bare `echo "...$(...)"` would not).
      expect(names?.run).toBe('stacks="$(npm run -s stack-names)"\necho "stacks=$stacks" >> "$GITHUB_OUTPUT"\n');
    });

    test('THEN the diff job runs once per stack from the stacks job, after the tests, and no stack cancels another', () => {
      expect(diff.needs).toEqual(['test', 'stacks']);
      expect(diff.strategy).toEqual({ 'fail-fast': false, matrix: { stack: MATRIX_FROM_STACKS_JOB } });
      expect(diff.env).toEqual({ STACK: '${{ matrix.stack }}' });
    });

    test('THEN the jobs that need AWS are skipped for forks and until AWS_ROLE_ARN is set', () => {
      expect(stacks.if).toBe("vars.AWS_ROLE_ARN != '' && github.event.pull_request.head.repo.full_name == github.repository");
      expect(testJob.if).toBeUndefined();
    });

    test('THEN the diff output goes to a file that the comment step reads, also when the diff failed', () => {
      const diffStep = diff.steps.find((step) => step.id === 'diff')!;
      expect(commandsIn(diffStep.run!)).toEqual(['npx cdktf diff <stack> --no-color']);
      expect(diffStep.run).toBe('npx cdktf diff "$STACK" --no-color 2>&1 | tee "$RUNNER_TEMP/cdktf-diff.txt"');
      const comment = diff.steps.find((step) => usesAction(step, 'actions/github-script'))!;
      expect(comment.env).toEqual({ DIFF_FILE: '${{ runner.temp }}/cdktf-diff.txt', DIFF_OUTCOME: '${{ steps.diff.outcome }}' });
      expect(comment.if).toBe("${{ !cancelled() && steps.diff.outcome != 'skipped' }}");
      expect(diff.steps.indexOf(comment)).toBeGreaterThan(diff.steps.indexOf(diffStep));
    });
  });

  describe('GIVEN deploy.yml', () => {
    const workflow = readWorkflow('deploy.yml');
    const { stacks, deploy } = workflow.jobs;

    test('THEN it runs on pushes to main only', () => {
      expect(workflow.on).toEqual({ push: { branches: ['main'] } });
    });

    test('THEN the stacks job outputs the stack names, refusing stacks with local state', () => {
      expect(stacks.if).toBe("vars.AWS_ROLE_ARN != ''");
      expect(stacks.outputs).toEqual({ stacks: '${{ steps.names.outputs.stacks }}' });
      const names = stacks.steps.find((step) => step.id === 'names');
      expect(names?.run).toBe('stacks="$(npm run -s stack-names -- --require-remote-state)"\necho "stacks=$stacks" >> "$GITHUB_OUTPUT"\n');
    });

    test('THEN deploy runs once per stack from the stacks job, behind the production environment, one deploy per stack at a time', () => {
      expect(deploy.needs).toBe('stacks');
      expect(deploy.strategy).toEqual({ 'fail-fast': false, matrix: { stack: MATRIX_FROM_STACKS_JOB } });
      expect(deploy.environment).toBe('production');
      expect(deploy.concurrency).toEqual({ group: 'deploy-${{ matrix.stack }}', 'cancel-in-progress': false });
      expect(deploy.env).toEqual({ STACK: '${{ matrix.stack }}' });
    });

    test('THEN deploy applies with `npx cdktf deploy <stack> --auto-approve`, and nothing else applies', () => {
      expect(jobCommands(deploy)).toEqual(['npm ci', 'npx cdktf deploy <stack> --auto-approve']);
      expect(jobCommands(stacks)).toEqual(['npm ci', 'npm run -s stack-names -- --require-remote-state']);
    });
  });

  describe('GIVEN the plan comment script of pull-request.yml WHEN run as actions/github-script runs it', () => {
    const step = readWorkflow('pull-request.yml').jobs.diff.steps.find((s) => usesAction(s, 'actions/github-script'))!;
    // actions/github-script runs the script as the body of an async function of these arguments.
    const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
      ...args: string[]
    ) => (...args: unknown[]) => Promise<void>;
    const script = new AsyncFunction('github', 'context', 'core', 'glob', 'io', 'exec', 'require', step.with!.script as string);

    interface Comment {
      id: number;
      user: { type: string };
      body: string;
    }

    async function runScript(output: string, { outcome = 'success', existing = [] as Comment[] } = {}) {
      const diffFile = path.join(mkdtempSync(path.join(tmpdir(), 'ecr-privatelink-comment-')), 'cdktf-diff.txt');
      writeFileSync(diffFile, output);
      const created: { body: string; issue_number: number }[] = [];
      const updated: { body: string; comment_id: number }[] = [];
      const listComments = (): void => undefined;
      const github = {
        paginate: async (method: unknown, params: Record<string, unknown>) => {
          expect(method).toBe(listComments);
          expect(params).toMatchObject({ owner: 'owner', repo: 'repo', issue_number: 7 });
          return existing;
        },
        rest: {
          issues: {
            listComments,
            createComment: async (params: { body: string; issue_number: number }) => {
              created.push(params);
            },
            updateComment: async (params: { body: string; comment_id: number }) => {
              updated.push(params);
            },
          },
        },
      };
      const context = {
        repo: { owner: 'owner', repo: 'repo' },
        issue: { number: 7 },
        serverUrl: 'https://github.com',
        runId: 42,
        payload: { pull_request: { head: { sha: '0123456789abcdef' } } },
      };
      const env = { STACK: 'sample', DIFF_FILE: diffFile, DIFF_OUTCOME: outcome };
      const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
      Object.assign(process.env, env);
      try {
        await script(github, context, {}, {}, {}, {}, require);
      } finally {
        for (const [key, value] of Object.entries(saved)) {
          if (value === undefined) {
            delete process.env[key];
          } else {
            process.env[key] = value;
          }
        }
      }
      return { created, updated };
    }

    test('GIVEN a plan and no earlier comment THEN it creates one comment: the stack named, the plan in a collapsed block, colours stripped', async () => {
      const { created, updated } = await runScript('\u001b[1mPlan:\u001b[0m 4 to add, 0 to change, 0 to destroy.\n');
      expect(updated).toEqual([]);
      expect(created).toHaveLength(1);
      const { body, issue_number } = created[0];
      expect(issue_number).toBe(7);
      expect(body.startsWith('<!-- cdktf-diff:sample -->\n')).toBe(true);
      expect(body).toContain('**`cdktf diff sample`** succeeded for 0123456 ([run](https://github.com/owner/repo/actions/runs/42))');
      expect(body).toContain('<details><summary>Plan of stack <code>sample</code></summary>\n\n```\n');
      expect(body).toContain('\nPlan: 4 to add, 0 to change, 0 to destroy.\n');
      expect(body.trimEnd().endsWith('</details>')).toBe(true);
    });

    test('GIVEN output holding ``` THEN the fence is longer, so the output cannot close it', async () => {
      const { created } = await runScript('heredoc:\n```\nnot the end\n');
      expect(created[0].body).toContain('\n````\nheredoc:\n```\nnot the end\n````\n');
    });

    test(`GIVEN a plan far over GitHub's ${GITHUB_COMMENT_LIMIT}-character limit THEN the comment fits, keeping the start and the summary at the end`, async () => {
      const lines = Array.from({ length: 5000 }, (_, i) => `  + resource line ${i} ${'x'.repeat(40)}`);
      const output = `${lines.join('\n')}\nPlan: 5000 to add, 0 to change, 0 to destroy.\n`;
      const { created } = await runScript(output);
      const { body } = created[0];
      expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
      expect(body.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT - 100);
      expect(body).toContain('  + resource line 0 ');
      expect(body).toContain('[... output truncated: the whole plan is in the job log ...]');
      expect(body).toContain('Plan: 5000 to add, 0 to change, 0 to destroy.');
      expect(body.trimEnd().endsWith('</details>')).toBe(true);
    });

    test('GIVEN its own earlier comment for the stack THEN it updates that one, not comments of people or of other stacks', async () => {
      const existing: Comment[] = [
        { id: 1, user: { type: 'User' }, body: '<!-- cdktf-diff:sample --> quoted by a person' },
        { id: 2, user: { type: 'Bot' }, body: '<!-- cdktf-diff:sample-2 -->\nanother stack' },
        { id: 3, user: { type: 'Bot' }, body: '<!-- cdktf-diff:sample -->\nthe old plan' },
      ];
      const { created, updated } = await runScript('Error: something broke\n', { outcome: 'failure', existing });
      expect(created).toEqual([]);
      expect(updated.map((u) => u.comment_id)).toEqual([3]);
      expect(updated[0].body).toContain('**`cdktf diff sample`** **failed**');
      expect(updated[0].body).toContain('Error: something broke');
    });
  });

  describe("GIVEN the README's `## CI` section", () => {
    test('THEN it documents every command the workflows run (fails until the section is in README.md)', () => {
      const section = readmeSection('CI');
      expect({ hasCiSection: section !== undefined }).toEqual({ hasCiSection: true });
      expect(DOCUMENTED_COMMANDS.filter((command) => !section!.includes(command))).toEqual([]);
    });

    test('THEN every documented command is run by some workflow (the list does not rot)', () => {
      const used = new Set(workflowFiles.flatMap((file) => Object.values(readWorkflow(file).jobs).flatMap(jobCommands)));
      expect(DOCUMENTED_COMMANDS.filter((command) => !used.has(command))).toEqual([]);
    });
  });

  const terraform = process.env.TERRAFORM_BINARY || findOnPath('terraform');
  // Without terraform the check is skipped, except under CI=true, where it fails (as the Terraform suites do).
  (terraform || process.env.CI ? test : test.skip)(
    `GIVEN terraform on this machine WHEN asked its version THEN it is ${TERRAFORM_VERSION}, the version the workflows install`,
    async () => {
      expect({ terraform: terraform ?? 'missing: no terraform on PATH (or TERRAFORM_BINARY)' }).toEqual({ terraform: expect.any(String) });
      const result = await run(terraform!, ['version', '-json'], { cwd: REPO_ROOT, env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).terraform_version).toBe(TERRAFORM_VERSION);
    },
  );
});

describe('scripts/stack-names.ts (`npm run -s stack-names`, the matrix of the workflows)', () => {
  const { ECR_PRIVATELINK_CONFIG: _ignored, ...inherited } = process.env;
  const example = JSON.parse(readFileSync(path.join(REPO_ROOT, 'config', 'example.json'), 'utf8'));

  function stackNames(configPath?: string, ...args: string[]): ReturnType<typeof run> {
    return run(process.execPath, ['--require', REGISTER_TS, STACK_NAMES, ...args], {
      cwd: REPO_ROOT,
      env: { ...inherited, ...(configPath ? { ECR_PRIVATELINK_CONFIG: configPath } : {}) },
    });
  }

  function writeConfig(config: unknown): string {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ecr-privatelink-stack-names-')), 'stacks.json');
    writeFileSync(file, JSON.stringify(config));
    return file;
  }

  test('GIVEN the npm script THEN it runs the script as cdktf runs the app', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts['stack-names']).toBe('node --require ./scripts/register-ts.js scripts/stack-names.ts');
  });

  test("GIVEN no config WHEN `npm run -s stack-names` runs THEN stdout is exactly the example's names as a JSON line", async () => {
    const result = await run('npm', ['run', '-s', 'stack-names'], { cwd: REPO_ROOT, env: inherited });
    expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 0, stdout: '["sample"]\n' });
  });

  test('GIVEN a config with two stacks WHEN run THEN it prints both names, in order', async () => {
    const tokyo = { ...example.stacks[0], name: 'tokyo', backend: undefined };
    const ireland = { ...tokyo, name: 'ireland', region: 'eu-west-1', namePrefix: 'prod' };
    const result = await stackNames(writeConfig({ stacks: [tokyo, ireland] }));
    expect(result).toEqual({ code: 0, stdout: '["tokyo","ireland"]\n', stderr: '' });
  });

  test('GIVEN stacks with S3 and HCP Terraform state WHEN run with --require-remote-state THEN both are listed', async () => {
    const s3 = {
      ...example.stacks[0],
      name: 'tokyo',
      backend: { type: 's3', bucket: 'tf-state-123', key: 'ecr/tokyo.tfstate', region: 'ap-northeast-1' },
    };
    const cloud = {
      ...example.stacks[0],
      name: 'osaka',
      namePrefix: 'osaka',
      backend: { type: 'cloud', organization: 'acme', workspace: 'ecr-osaka' },
    };
    const result = await stackNames(writeConfig({ stacks: [s3, cloud] }), '--require-remote-state');
    expect(result).toEqual({ code: 0, stdout: '["tokyo","osaka"]\n', stderr: '' });
  });

  describe.each([
    [
      'a bad field in the second stack',
      () => writeConfig({ stacks: [example.stacks[0], { ...example.stacks[0], name: 'second', privateSubnetIds: ['subnet-bad'] }] }),
      [],
      'stacks[1].privateSubnetIds[0]: "subnet-bad" is not a subnet ID',
    ],
    ['a path with no file', () => path.join(tmpdir(), 'ecr-privatelink-no-such-config.json'), [], 'ECR_PRIVATELINK_CONFIG: "'],
    [
      'the example (local state) and --require-remote-state',
      () => undefined,
      ['--require-remote-state'],
      'stacks[0].backend: {"type":"local","path":"terraform.sample.tfstate"} keeps the state in a file on the CI runner',
    ],
  ])('GIVEN %s WHEN run', (_, makeConfig, args, message) => {
    let result: Awaited<ReturnType<typeof run>>;
    beforeAll(async () => {
      result = await stackNames(makeConfig(), ...args);
    });

    test('THEN it exits 1, prints no names, and names the field and the value', () => {
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('Config refused, no stacks listed.');
      expect(result.stderr).toContain(message);
    });

    test('THEN it prints no stack trace', () => {
      expect(result.stderr).not.toMatch(/^\s+at /m);
    });
  });

  test('GIVEN an unknown argument WHEN run THEN it exits 2 with the usage', async () => {
    const result = await stackNames(undefined, '--remote');
    expect(result).toEqual({ code: 2, stdout: '', stderr: expect.stringContaining('Usage: npm run -s stack-names') });
  });
});
