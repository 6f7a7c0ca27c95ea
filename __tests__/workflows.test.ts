import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { DEPLOY_ENVIRONMENT, trustedSubjects } from '../lib/iam/ci-roles';
import { main as stackNamesMain } from '../scripts/stack-names';
import { REPO_ROOT } from './support/example-stack';
import { CommandResult, run } from './support/run';
import { withProcessEnv } from './support/process-env';
import { runMain } from './support/run-main';
import { TERRAFORM_VERSION } from './support/terraform-version';
import {
  commandsIn,
  environmentOf,
  Job,
  needsClosure,
  readWorkflow,
  runScripts,
  Step,
  stepsOf,
  terraformCommandsIn,
  triggers,
  usesAction,
  Workflow,
  WORKFLOWS_DIR,
  workflowFiles,
} from './support/workflows';

/**
 * The GitHub Actions workflows users get (.github/workflows), held to the properties a security reviewer
 * signs off, whatever the files are called, however many there are, and whatever versions they pin: the
 * workflow schema (action-validator, offline); pull requests cannot reach the apply role or the
 * `production` environment; only the environment-gated job applies, and only a plan saved by an earlier
 * job; AWS credentials only from OIDC; least permissions; a timeout on every job; no untrusted input
 * expanded into a shell script. Nothing here runs on GitHub.
 */

const VALIDATOR = path.join(REPO_ROOT, 'node_modules', '.bin', 'action-validator');
const GITHUB_COMMENT_LIMIT = 65536;
/** Where users read how to set the workflows up; the README's CI section links to it. */
const CI_DOC = path.join(REPO_ROOT, 'docs', 'ci.md');

const FILES = workflowFiles();
const WORKFLOWS = FILES.map((file) => [file, readWorkflow(file)] as const);
const ALL_JOBS = WORKFLOWS.flatMap(([file, workflow]) =>
  Object.entries(workflow.jobs).map(([name, job]) => ({ file, workflow, name, job })),
);
const CREDENTIALS = 'aws-actions/configure-aws-credentials';

/** Events whose runs execute a pull request's code (and workflow files). */
const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment', 'merge_group'];
const isPullRequestWorkflow = (workflow: Workflow): boolean => triggers(workflow).some((event) => PULL_REQUEST_EVENTS.includes(event));

const credentialSteps = (job: Job): Step[] => stepsOf(job).filter((step) => usesAction(step, CREDENTIALS));
const assumesAws = (job: Job): boolean => credentialSteps(job).length > 0;

/** The repository variable a job's credentials step assumes, e.g. `AWS_PLAN_ROLE_ARN`. */
function assumedRoleVariables(job: Job): string[] {
  return credentialSteps(job).map(
    (step) =>
      /^\$\{\{ vars\.([A-Z0-9_]+) \}\}$/.exec(String(step.with?.['role-to-assume']))?.[1] ??
      `not a repository variable: ${step.with?.['role-to-assume']}`,
  );
}

/** The OIDC `sub` claim GitHub gives a job of `repository` (GitHub docs, OpenID Connect, subject claims). */
function oidcSubject(workflow: Workflow, job: Job, repository: string): string[] {
  const environment = environmentOf(job);
  if (environment) {
    return [`repo:${repository}:environment:${environment}`];
  }
  return triggers(workflow).map((event) =>
    event === 'pull_request' ? `repo:${repository}:pull_request` : `repo:${repository}:ref:<the branch or tag>`,
  );
}

function validate(file: string): Promise<CommandResult> {
  // The bin is an ES module script; run it with this Node, not whichever `node` is first on PATH.
  return run(process.execPath, [VALIDATOR, file], { cwd: REPO_ROOT, env: process.env });
}

/** Ways to break a workflow that action-validator must refuse, each with what its errors must name. */
const BREAKAGES: [string, (text: string) => string, string][] = [
  ['a misspelt job key (stepz)', (text) => text.replace(/^ {4}steps:/m, '    stepz:'), 'stepz'],
  ['a permission that is not read/write/none', (text) => text.replace('id-token: write', 'id-token: writ'), '/permissions'],
  ['a job without runs-on', (text) => text.replace(/^ {4}runs-on: ubuntu-latest\n/m, ''), 'runs-on'],
];

/** A copy of the first workflow that `breakIt` changes, changed, under its own name in a folder of its own. */
function brokenCopy(breakIt: (text: string) => string): string {
  const [file, original] = FILES.map((f) => [f, readFileSync(path.join(WORKFLOWS_DIR, f), 'utf8')] as const).find(
    ([, text]) => breakIt(text) !== text,
  )!;
  const broken = path.join(mkdtempSync(path.join(tmpdir(), 'ecr-privatelink-workflow-')), file);
  writeFileSync(broken, breakIt(original));
  return broken;
}

/**
 * action-validator's verdict on each workflow file and on each broken copy (keyed by file name or
 * breakage). The CLI takes one file, so each is a process of its own: all are started before the first
 * test and run side by side. A copy that cannot be made rejects its verdict, which fails its test only.
 * The first test to await one waits for all five sharing the cores, hence VERDICT_TIMEOUT_MS, not jest's 5 s.
 */
const verdicts = new Map<string, Promise<CommandResult>>();
const VERDICT_TIMEOUT_MS = 30_000;
beforeAll(() => {
  for (const file of FILES) {
    verdicts.set(file, validate(path.join(WORKFLOWS_DIR, file)));
  }
  for (const [breakage, breakIt] of BREAKAGES) {
    const verdict = Promise.resolve().then(() => validate(brokenCopy(breakIt)));
    verdict.catch(() => undefined); // awaited by its test; no unhandled-rejection noise meanwhile
    verdicts.set(breakage, verdict);
  }
});

/** action-validator's one known notice: it cannot check glob patterns (paths filters). Anything else fails. */
const validatorComplaints = (stderr: string): string[] =>
  stderr
    .split('\n')
    .filter(
      (line) => line.trim() !== '' && !/^WARNING: Glob validation is not yet supported\. Glob at \S+ will not be validated\.$/.test(line),
    );

function findOnPath(command: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .map((dir) => path.join(dir, command))
    .find((candidate) => existsSync(candidate));
}

test('GIVEN .github/workflows THEN it holds workflows to check', () => {
  expect(FILES.length).toBeGreaterThan(0);
});

describe.each(FILES)('GIVEN %s', (file) => {
  const workflow = readWorkflow(file);
  const jobs = Object.entries(workflow.jobs);

  test(
    'WHEN checked by action-validator (the workflow schema) THEN it exits 0 and reports nothing wrong',
    async () => {
      const result = await verdicts.get(file)!;
      expect({ code: result.code, stdout: result.stdout, complaints: validatorComplaints(result.stderr) }).toEqual({
        code: 0,
        stdout: '',
        complaints: [],
      });
    },
    VERDICT_TIMEOUT_MS,
  );

  test('THEN every action is pinned to a release tag or a full commit SHA, never a branch', () => {
    const uses = jobs.flatMap(([, job]) => [
      ...stepsOf(job).flatMap((step) => (step.uses ? [step.uses] : [])),
      ...(job.uses ? [job.uses] : []),
    ]);
    const unpinned = uses.filter(
      (action) => !action.startsWith('./') && !/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/.test(action),
    );
    expect(unpinned).toEqual([]);
  });

  test('THEN no AWS access key appears anywhere: AWS credentials come only from OIDC', () => {
    const text = readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8');
    expect(text).not.toMatch(
      /aws-access-key-id|aws-secret-access-key|aws-session-token|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN|secrets\.AWS/i,
    );
    for (const [name, job] of jobs) {
      for (const step of credentialSteps(job)) {
        expect({ job: name, inputs: Object.keys(step.with ?? {}).sort() }).toEqual({ job: name, inputs: ['aws-region', 'role-to-assume'] });
      }
    }
  });

  test('THEN top-level permissions are none or read-only, and a job gets id-token: write exactly when it assumes an AWS role', () => {
    const top = workflow.permissions;
    expect(
      top === 'read-all' || (typeof top === 'object' && Object.values(top).every((level) => level === 'read' || level === 'none')),
    ).toBe(true);
    for (const [name, job] of jobs) {
      const permissions = typeof job.permissions === 'object' ? job.permissions : {};
      expect({ job: name, permissions: job.permissions === undefined || typeof job.permissions === 'object' }).toEqual({
        job: name,
        permissions: true,
      });
      expect({ job: name, idToken: permissions['id-token'] === 'write' }).toEqual({ job: name, idToken: assumesAws(job) });
    }
  });

  test('THEN no job writes with its token except pull-request comments from actions/github-script', () => {
    for (const [name, job] of jobs) {
      const permissions = typeof job.permissions === 'object' ? job.permissions : {};
      const writes = Object.entries(permissions)
        .filter(([scope, level]) => level === 'write' && scope !== 'id-token')
        .map(([scope]) => scope);
      const comments = stepsOf(job).some((step) => usesAction(step, 'actions/github-script'));
      expect({ job: name, writes }).toEqual({ job: name, writes: comments ? ['pull-requests'] : [] });
    }
  });

  test("THEN every job has a timeout below GitHub's default of six hours", () => {
    for (const [name, job] of jobs) {
      const minutes = job['timeout-minutes'];
      expect({ job: name, bounded: typeof minutes === 'number' && minutes > 0 && minutes < 360 }).toEqual({ job: name, bounded: true });
    }
  });

  test('THEN no expression is expanded into a shell or github-script script: every value reaches them through env', () => {
    for (const [name, job] of jobs) {
      for (const step of stepsOf(job)) {
        const script = step.run ?? (usesAction(step, 'actions/github-script') ? String(step.with?.script ?? '') : '');
        const where = `${name}: ${step.name ?? step.id ?? step.run ?? step.uses}`;
        expect({ where, expression: script.includes('${{') }).toEqual({ where, expression: false });
      }
    }
  });

  test("THEN it does not run on pull_request_target or workflow_run, which give a pull request's code the base repository's rights", () => {
    expect(triggers(workflow).filter((event) => ['pull_request_target', 'workflow_run'].includes(event))).toEqual([]);
  });

  test(`THEN every job that runs terraform or cdktf first installs Terraform ${TERRAFORM_VERSION}, the version the tests run`, () => {
    for (const [name, job] of jobs) {
      const steps = stepsOf(job);
      const setups = steps.filter((step) => usesAction(step, 'hashicorp/setup-terraform'));
      setups.forEach((step) =>
        expect({ job: name, version: step.with?.terraform_version }).toEqual({ job: name, version: TERRAFORM_VERSION }),
      );
      const needsTerraform = steps.findIndex((step) =>
        commandsIn(step.run ?? '').some((words) => words[0] === 'terraform' || words.includes('cdktf') || words.join(' ') === 'npm test'),
      );
      if (needsTerraform >= 0) {
        const setup = steps.findIndex((step) => usesAction(step, 'hashicorp/setup-terraform'));
        expect({ job: name, terraformFirst: setup >= 0 && setup < needsTerraform }).toEqual({ job: name, terraformFirst: true });
      }
    }
  });

  test('THEN every job installs the npm packages (npm ci) before any other npm or npx command', () => {
    for (const [name, job] of jobs) {
      const npm = stepsOf(job).flatMap((step, i) =>
        commandsIn(step.run ?? '')
          .filter((words) => ['npm', 'npx'].includes(words[0]))
          .map((words) => ({ i, command: words.slice(0, 2).join(' ') })),
      );
      if (npm.length > 0) {
        expect({ job: name, first: npm[0].command }).toEqual({ job: name, first: 'npm ci' });
      }
    }
  });

  test('THEN every terraform plan and apply waits for the state lock (-lock-timeout) instead of failing on a concurrent run', () => {
    for (const [name, job] of jobs) {
      const locking = runScripts(job)
        .flatMap(terraformCommandsIn)
        .filter((command) => ['plan', 'apply'].includes(command.subcommand));
      for (const command of locking) {
        expect({
          job: name,
          command: command.subcommand,
          lockTimeout: command.args.some((arg) => /^-lock-timeout=\d+[smh]$/.test(arg)),
        }).toEqual({ job: name, command: command.subcommand, lockTimeout: true });
      }
    }
  });

  test('THEN every job that plans writes the plan to its job summary, after planning', () => {
    for (const [name, job] of jobs) {
      const steps = stepsOf(job);
      const plans = steps.findIndex((step) => terraformCommandsIn(step.run ?? '').some((command) => command.subcommand === 'plan'));
      if (plans >= 0) {
        const summary = steps.findIndex((step, i) => i > plans && (step.run ?? '').includes('>> "$GITHUB_STEP_SUMMARY"'));
        expect({ job: name, summaryAfterPlan: summary > plans }).toEqual({ job: name, summaryAfterPlan: true });
      }
    }
  });
});

describe('the apply role and the production environment', () => {
  const REPOSITORY = 'acme/infra';

  test('GIVEN every workflow run by pull requests THEN none of its jobs references an environment, the apply role or a reusable workflow', () => {
    const reached = ALL_JOBS.filter(({ workflow }) => isPullRequestWorkflow(workflow)).flatMap(({ file, name, job }) => [
      ...(environmentOf(job) ? [`${file} ${name}: environment ${environmentOf(job)}`] : []),
      ...(JSON.stringify(job).includes('AWS_APPLY_ROLE_ARN') ? [`${file} ${name}: AWS_APPLY_ROLE_ARN`] : []),
      ...(job.uses ? [`${file} ${name}: calls ${job.uses}`] : []),
    ]);
    expect(ALL_JOBS.some(({ workflow }) => isPullRequestWorkflow(workflow))).toBe(true);
    expect(reached).toEqual([]);
  });

  test("GIVEN a pull request job's OIDC subject THEN the apply role does not trust it", () => {
    const apply = trustedSubjects('apply', REPOSITORY);
    for (const { file, workflow, name, job } of ALL_JOBS.filter(({ workflow: w, job: j }) => isPullRequestWorkflow(w) && assumesAws(j))) {
      expect({ file, name, trusted: oidcSubject(workflow, job, REPOSITORY).filter((subject) => apply.includes(subject)) }).toEqual({
        file,
        name,
        trusted: [],
      });
    }
  });

  test('GIVEN every job that assumes an AWS role THEN it assumes the one whose trust policy admits its OIDC subject: apply in production, plan elsewhere', () => {
    const awsJobs = ALL_JOBS.filter(({ job }) => assumesAws(job));
    expect(awsJobs.length).toBeGreaterThan(0);
    for (const { file, name, job } of awsJobs) {
      const expected = environmentOf(job) === DEPLOY_ENVIRONMENT ? 'AWS_APPLY_ROLE_ARN' : 'AWS_PLAN_ROLE_ARN';
      expect({ file, name, roles: assumedRoleVariables(job) }).toEqual({ file, name, roles: [expected] });
      expect({ file, name, region: credentialSteps(job)[0].with?.['aws-region'] }).toEqual({
        file,
        name,
        region: '${{ vars.AWS_REGION }}',
      });
    }
  });

  test('GIVEN every job in the production environment THEN its workflow runs only for main (push to main, or dispatch) and the job checks the ref', () => {
    const gated = ALL_JOBS.filter(({ job }) => environmentOf(job) === DEPLOY_ENVIRONMENT);
    expect(gated.length).toBeGreaterThan(0);
    for (const { file, workflow, name, job } of gated) {
      const on = workflow.on as Record<string, any>;
      expect({ file, triggers: triggers(workflow).filter((event) => !['push', 'workflow_dispatch'].includes(event)) }).toEqual({
        file,
        triggers: [],
      });
      if (on.push) {
        expect({ file, branches: on.push.branches, tags: on.push.tags }).toEqual({ file, branches: ['main'], tags: undefined });
      }
      expect({ file, name, checksRef: (job.if ?? '').includes("github.ref == 'refs/heads/main'") }).toEqual({
        file,
        name,
        checksRef: true,
      });
    }
  });
});

describe('applying', () => {
  const APPLYING = /(^|\s)(-auto-approve|--auto-approve)(\s|$)/;
  /** `deploy` of `npx cdktf deploy x`. */
  const cdktfSubcommand = (words: string[]): string | undefined => {
    const cdktf = words.findIndex((word) => word === 'cdktf' || word.endsWith('/cdktf'));
    return cdktf >= 0 ? words[cdktf + 1] : undefined;
  };

  test('GIVEN every run script THEN none deploys or destroys in one go: no cdktf deploy/destroy/apply, no terraform destroy, no auto-approve', () => {
    const found = ALL_JOBS.flatMap(({ file, name, job }) =>
      runScripts(job).flatMap((script) => [
        ...commandsIn(script)
          .filter((words) => ['deploy', 'destroy', 'apply'].includes(cdktfSubcommand(words) ?? ''))
          .map((words) => `${file} ${name}: ${words.join(' ')}`),
        ...terraformCommandsIn(script)
          .filter((command) => command.subcommand === 'destroy')
          .map(() => `${file} ${name}: terraform destroy`),
        ...(APPLYING.test(script) ? [`${file} ${name}: auto-approve`] : []),
      ]),
    );
    expect(found).toEqual([]);
  });

  const applyJobs = ALL_JOBS.filter(({ job }) =>
    runScripts(job).some((script) => terraformCommandsIn(script).some((command) => command.subcommand === 'apply')),
  );

  test('GIVEN every job that runs terraform apply THEN it is in the production environment, one apply per stack at a time, never cancelled', () => {
    expect(applyJobs.length).toBeGreaterThan(0);
    for (const { file, name, job } of applyJobs) {
      expect({ file, name, environment: environmentOf(job) }).toEqual({ file, name, environment: DEPLOY_ENVIRONMENT });
      const concurrency = typeof job.concurrency === 'object' ? job.concurrency : { group: job.concurrency ?? '' };
      expect({ file, name, group: concurrency.group.includes('${{ matrix.stack }}'), cancel: concurrency['cancel-in-progress'] }).toEqual({
        file,
        name,
        group: true,
        cancel: false,
      });
    }
  });

  test('GIVEN every terraform apply THEN it applies a plan file that a job it needs saved with plan -out and uploaded, and it downloads that artifact first', () => {
    for (const { file, workflow, name, job } of applyJobs) {
      const steps = stepsOf(job);
      const applyStep = steps.findIndex((step) => terraformCommandsIn(step.run ?? '').some((command) => command.subcommand === 'apply'));
      const apply = terraformCommandsIn(steps[applyStep].run!).find((command) => command.subcommand === 'apply')!;
      const planFiles = apply.args.filter((arg) => !arg.startsWith('-'));
      expect({ file, name, planFiles: planFiles.length }).toEqual({ file, name, planFiles: 1 });

      const download = steps.findIndex((step) => usesAction(step, 'actions/download-artifact'));
      expect({ file, name, downloadsFirst: download >= 0 && download < applyStep }).toEqual({ file, name, downloadsFirst: true });
      const artifact = steps[download].with?.name;
      const planners = needsClosure(workflow, name)
        .filter((other) => other !== name)
        .map((other) => workflow.jobs[other])
        .filter(
          (other) =>
            runScripts(other).some((script) =>
              terraformCommandsIn(script).some((command) => command.subcommand === 'plan' && command.args.includes(`-out=${planFiles[0]}`)),
            ) && stepsOf(other).some((step) => usesAction(step, 'actions/upload-artifact') && step.with?.name === artifact),
        );
      expect({ file, name, savedBy: planners.length }).toEqual({ file, name, savedBy: 1 });
    }
  });
});

describe('documentation-only pull requests', () => {
  const prWorkflows = WORKFLOWS.filter(([, workflow]) => isPullRequestWorkflow(workflow));

  /** The job and output every AWS job of a pull-request workflow waits for (`needs.<job>.outputs.<output> == 'true'`). */
  function gateOf(workflow: Workflow, awsJob: string): { job: string; output: string } | undefined {
    for (const name of needsClosure(workflow, awsJob)) {
      const match = /needs\.([\w-]+)\.outputs\.([\w-]+) == 'true'/.exec(workflow.jobs[name].if ?? '');
      if (match) {
        return { job: match[1], output: match[2] };
      }
    }
    return undefined;
  }

  /**
   * A checkout like actions/checkout's for a pull request with fetch-depth 2: HEAD is the merge commit of
   * a branch changing `files` into a base branch, HEAD^1 the base.
   */
  function mergeCheckout(files: string[]): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'ecr-privatelink-paths-'));
    const git = (...args: string[]): string =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], {
        cwd: dir,
        encoding: 'utf8',
      });
    git('init', '-q');
    writeFileSync(path.join(dir, 'README.md'), 'base\n');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    git('checkout', '-q', '-b', 'change');
    for (const changed of files) {
      mkdirSync(path.dirname(path.join(dir, changed)), { recursive: true });
      writeFileSync(path.join(dir, changed), 'changed\n');
    }
    git('add', '.');
    git('commit', '-q', '-m', 'change');
    git('checkout', '-q', 'main');
    git('commit', '-q', '--allow-empty', '-m', 'main moved on');
    git('merge', '-q', '--no-ff', '-m', 'merge', 'change');
    return dir;
  }

  test('GIVEN every pull-request workflow THEN each job that assumes an AWS role waits for a job deciding whether AWS is needed', () => {
    expect(prWorkflows.length).toBeGreaterThan(0);
    for (const [file, workflow] of prWorkflows) {
      for (const [name] of Object.entries(workflow.jobs).filter(([, job]) => assumesAws(job))) {
        expect({ file, name, gated: gateOf(workflow, name) !== undefined }).toEqual({ file, name, gated: true });
      }
    }
  });

  describe.each([
    ['only README.md and docs/', ['README.md', 'docs/ci.md'], 'false'],
    ['a Markdown file deep in the tree', ['reference/aws-facts.md'], 'false'],
    ['code', ['lib/iam/ci-roles.ts'], 'true'],
    ['the config and the README', ['config/example.json', 'README.md'], 'true'],
    ['a workflow', ['.github/workflows/deploy.yml'], 'true'],
  ])('GIVEN a pull request changing %s', (_, files, expected) => {
    test(`WHEN the deciding step runs on its merge commit THEN AWS jobs are ${expected === 'true' ? 'run' : 'skipped'}`, () => {
      for (const [file, workflow] of prWorkflows) {
        const awsJob = Object.keys(workflow.jobs).find((name) => assumesAws(workflow.jobs[name]))!;
        const gate = gateOf(workflow, awsJob)!;
        const stepId = /^\$\{\{ steps\.([\w-]+)\.outputs\.[\w-]+ \}\}$/.exec(workflow.jobs[gate.job].outputs?.[gate.output] ?? '')?.[1];
        const step = stepsOf(workflow.jobs[gate.job]).find((s) => s.id === stepId)!;
        const checkout = stepsOf(workflow.jobs[gate.job]).find((s) => usesAction(s, 'actions/checkout'));
        expect({ file, fetchDepth: checkout?.with?.['fetch-depth'] }).toEqual({ file, fetchDepth: 2 });

        const dir = mergeCheckout(files);
        const output = path.join(dir, '..', `${path.basename(dir)}-output`);
        writeFileSync(output, '');
        execFileSync('bash', ['-eo', 'pipefail', '-c', step.run!], { cwd: dir, env: { ...process.env, GITHUB_OUTPUT: output } });
        expect({ file, output: readFileSync(output, 'utf8') }).toEqual({ file, output: `${gate.output}=${expected}\n` });
      }
    });
  });

  test('GIVEN the plan-status job (the check branch protection requires) THEN it passes only when every needed plan passed, or none was needed', () => {
    for (const [file, workflow] of prWorkflows) {
      const job = workflow.jobs['plan-status'];
      expect({ file, job: job !== undefined, runsAfterFailures: job?.if }).toEqual({
        file,
        job: true,
        runsAfterFailures: '${{ !cancelled() }}',
      });
      const step = stepsOf(job)[0];
      const outcome = (changes: string, stacks: string, plan: string): string => {
        const env = { ...process.env, CHANGES: changes, STACKS: stacks, PLAN: plan };
        try {
          execFileSync('bash', ['-eo', 'pipefail', '-c', step.run!], { env, stdio: 'ignore' });
          return 'pass';
        } catch {
          return 'fail';
        }
      };
      expect(Object.keys(step.env ?? {}).sort()).toEqual(['CHANGES', 'PLAN', 'STACKS']);
      expect({
        allPlanned: outcome('success', 'success', 'success'),
        docsOnlyOrNoRole: outcome('success', 'skipped', 'skipped'),
        aPlanFailed: outcome('success', 'success', 'failure'),
        plansSkippedAfterFailedTests: outcome('success', 'success', 'skipped'),
        configRefused: outcome('success', 'failure', 'skipped'),
        changesFailed: outcome('failure', 'skipped', 'skipped'),
      }).toEqual({
        allPlanned: 'pass',
        docsOnlyOrNoRole: 'pass',
        aPlanFailed: 'fail',
        plansSkippedAfterFailedTests: 'fail',
        configRefused: 'fail',
        changesFailed: 'fail',
      });
    }
  });
});

describe('what the workflows need from the repository', () => {
  test('GIVEN every `npm run` in the workflows THEN package.json defines the script', () => {
    const scripts = Object.keys(JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).scripts);
    const used = [
      ...new Set(
        ALL_JOBS.flatMap(({ job }) => runScripts(job).flatMap(commandsIn))
          .filter((words) => words[0] === 'npm' && words[1] === 'run')
          .map((words) => words.slice(2).find((word) => !word.startsWith('-'))!),
      ),
    ];
    expect(used.filter((script) => !scripts.includes(script))).toEqual([]);
  });

  test('GIVEN every repository variable the workflows read THEN the CI setup page (docs/ci.md) explains it', () => {
    const ciDoc = readFileSync(CI_DOC, 'utf8');
    const variables = [
      ...new Set(
        FILES.flatMap((file) => [...readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8').matchAll(/vars\.([A-Z0-9_]+)/g)].map((m) => m[1])),
      ),
    ];
    expect(variables.length).toBeGreaterThan(0);
    expect(variables.filter((variable) => !ciDoc.includes(`\`${variable}\``))).toEqual([]);
  });

  test('GIVEN .github/dependabot.yml THEN it updates both the actions and the npm packages', () => {
    const config = parse(readFileSync(path.join(REPO_ROOT, '.github', 'dependabot.yml'), 'utf8'));
    expect(config.version).toBe(2);
    const ecosystems = config.updates.map(
      (update: { 'package-ecosystem': string; directory: string }) => `${update['package-ecosystem']} ${update.directory}`,
    );
    expect(ecosystems).toEqual(expect.arrayContaining(['github-actions /', 'npm /']));
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

describe.each(BREAKAGES)('GIVEN a copy of a workflow with %s', (breakage, _, named) => {
  test(
    'WHEN checked by action-validator THEN it exits 1 and its errors name the problem',
    async () => {
      const result = await verdicts.get(breakage)!;

      expect(result.code).toBe(1);
      const report = JSON.parse(
        result.stderr
          .split('\n')
          .filter((line) => !line.startsWith('WARNING:'))
          .join('\n'),
      );
      expect(report.errors.length).toBeGreaterThan(0);
      expect(result.stderr).toContain(named);
    },
    VERDICT_TIMEOUT_MS,
  );
});

describe('GIVEN the plan comment script of the pull-request workflow WHEN run as actions/github-script runs it', () => {
  const step = ALL_JOBS.filter(({ workflow }) => isPullRequestWorkflow(workflow))
    .flatMap(({ job }) => stepsOf(job))
    .find((s) => usesAction(s, 'actions/github-script'))!;
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
    const planFile = path.join(mkdtempSync(path.join(tmpdir(), 'ecr-privatelink-comment-')), 'plan.txt');
    writeFileSync(planFile, output);
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
    const env = { STACK: 'sample', PLAN_FILE: planFile, PLAN_OUTCOME: outcome };
    expect(Object.keys(step.env ?? {}).sort()).toEqual(['PLAN_FILE', 'PLAN_OUTCOME']);
    await withProcessEnv(env, () => script(github, context, {}, {}, {}, {}, require));
    return { created, updated };
  }

  test('GIVEN a plan and no earlier comment THEN it creates one comment: the stack named, the plan in a collapsed block, colours stripped', async () => {
    const { created, updated } = await runScript('\u001b[1mPlan:\u001b[0m 4 to add, 0 to change, 0 to destroy.\n');
    expect(updated).toEqual([]);
    expect(created).toHaveLength(1);
    const { body, issue_number } = created[0];
    expect(issue_number).toBe(7);
    expect(body.startsWith('<!-- terraform-plan:sample -->\n')).toBe(true);
    expect(body).toContain('**`terraform plan` of `sample`** succeeded for 0123456 ([run](https://github.com/owner/repo/actions/runs/42))');
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
      { id: 1, user: { type: 'User' }, body: '<!-- terraform-plan:sample --> quoted by a person' },
      { id: 2, user: { type: 'Bot' }, body: '<!-- terraform-plan:sample-2 -->\nanother stack' },
      { id: 3, user: { type: 'Bot' }, body: '<!-- terraform-plan:sample -->\nthe old plan' },
    ];
    const { created, updated } = await runScript('Error: something broke\n', { outcome: 'failure', existing });
    expect(created).toEqual([]);
    expect(updated.map((u) => u.comment_id)).toEqual([3]);
    expect(updated[0].body).toContain('**`terraform plan` of `sample`** **failed**');
    expect(updated[0].body).toContain('Error: something broke');
  });
});

/**
 * The `npm run -s stack-names` case runs the npm script as the workflows do; the others call the script's
 * main() in this process, as the other script tests do (a process each cost ~0.6 s of CPU for the same code).
 */
describe('scripts/stack-names.ts (`npm run -s stack-names`, the matrix of the workflows)', () => {
  const { ECR_PRIVATELINK_CONFIG: _ignored, ...inherited } = process.env;
  const example = JSON.parse(readFileSync(path.join(REPO_ROOT, 'config', 'example.json'), 'utf8'));

  function stackNames(configPath?: string, ...args: string[]): Promise<CommandResult> {
    return runMain(() => stackNamesMain({ ...inherited, ...(configPath ? { ECR_PRIVATELINK_CONFIG: configPath } : {}) }, args));
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
    let result: CommandResult;
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
