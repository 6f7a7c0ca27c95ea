import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { BackendConfig } from '../lib/config/app-config';
import { CI_ROLES, CiRole } from '../lib/iam/ci-roles';
import { CiRoleError, ciRolePolicies, CiRoleStack } from '../lib/iam/ci-role-policies';
import { PolicyDocument } from '../lib/iam/policy-document';
import { allows, grants } from './support/iam-allows';
import { REPO_ROOT } from './support/example-stack';
import { main } from '../scripts/iam-policies';
import { run } from './support/run';
import { runMain } from './support/run-main';

/**
 * The CI roles' policies (lib/iam) and `npm run -s iam-policies`, which prints them: a pull request can
 * only ever reach the plan role, which reads AWS and locks the state but changes nothing; only the
 * `production` environment reaches the apply role; both are scoped to the config's regions and state.
 */

const REPO = 'acme/network-infra';
const ACCOUNT = '123456789012';
const TOKYO = 'ap-northeast-1';
const IRELAND = 'eu-west-1';
const LOCAL: BackendConfig = { type: 'local', path: 'terraform.sample.tfstate' };
const S3_LOCKFILE: BackendConfig = {
  type: 's3',
  bucket: 'acme-tf-state',
  key: 'ecr/tokyo.tfstate',
  region: TOKYO,
  encrypt: true,
  useLockfile: true,
};
const S3_DYNAMODB: BackendConfig = {
  type: 's3',
  bucket: 'acme-tf-state',
  key: 'ecr/ireland.tfstate',
  region: IRELAND,
  encrypt: true,
  useLockfile: false,
  dynamodbTable: 'tf-locks',
};

const SUB = 'token.actions.githubusercontent.com:sub';

function policies(role: CiRole, stacks: CiRoleStack[] = [{ region: TOKYO, backend: S3_LOCKFILE }]) {
  return ciRolePolicies({ role, repository: REPO, accountId: ACCOUNT, stacks });
}

function trustCondition(trust: PolicyDocument): Record<string, unknown> {
  expect(trust.Statement).toHaveLength(1);
  return trust.Statement[0].Condition!.StringEquals as Record<string, unknown>;
}

/** Read-only by name: Describe*, Get*, List* (and STS's identity call). */
const isRead = (action: string): boolean => /^[a-z0-9]+:(Describe|Get|List)/.test(action);

describe("the CI roles' trust policies", () => {
  test.each(CI_ROLES)("GIVEN the %s role THEN only GitHub's OIDC provider of the account may assume it, for the STS audience", (role) => {
    const { trustPolicy } = policies(role);
    expect(trustPolicy.Statement[0]).toMatchObject({
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` },
      Action: ['sts:AssumeRoleWithWebIdentity'],
    });
    expect(Object.keys(trustPolicy.Statement[0].Condition!)).toEqual(['StringEquals']);
    expect(trustCondition(trustPolicy)['token.actions.githubusercontent.com:aud']).toBe('sts.amazonaws.com');
  });

  test('GIVEN the plan role THEN it trusts exactly pull requests and main-branch jobs without an environment of the repository', () => {
    expect(trustCondition(policies('plan').trustPolicy)[SUB]).toEqual([`repo:${REPO}:pull_request`, `repo:${REPO}:ref:refs/heads/main`]);
  });

  test('GIVEN the apply role THEN it trusts exactly jobs in the production environment of the repository', () => {
    expect(trustCondition(policies('apply').trustPolicy)[SUB]).toEqual([`repo:${REPO}:environment:production`]);
  });

  test('GIVEN both roles THEN no subject of the plan role names an environment, and none is shared: a pull request job cannot get the apply role', () => {
    const plan = [trustCondition(policies('plan').trustPolicy)[SUB]].flat() as string[];
    const apply = [trustCondition(policies('apply').trustPolicy)[SUB]].flat() as string[];
    expect(plan.filter((subject) => subject.includes(':environment:'))).toEqual([]);
    expect(plan.filter((subject) => apply.includes(subject))).toEqual([]);
    expect([...plan, ...apply].filter((subject) => /[*?]/.test(subject))).toEqual([]);
  });
});

describe("the CI roles' permissions", () => {
  describe('GIVEN one stack with S3 state and the S3 lock file', () => {
    const plan = policies('plan').permissionsPolicy;
    const apply = policies('apply').permissionsPolicy;
    const state = `arn:aws:s3:::acme-tf-state/ecr/tokyo.tfstate`;
    const lock = `${state}.tflock`;

    test("THEN the plan role reads what the plan and preflight read, in the stack's region", () => {
      for (const action of [
        'ec2:DescribeVpcs',
        'ec2:DescribeVpcAttribute',
        'ec2:DescribeSubnets',
        'ec2:DescribeRouteTables',
        'ec2:DescribeVpcEndpoints',
        'ec2:DescribeVpcEndpointServices',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribePrefixLists',
      ]) {
        expect({ action, tokyo: allows(plan, action, { region: TOKYO }), ireland: allows(plan, action, { region: IRELAND }) }).toEqual({
          action,
          tokyo: true,
          ireland: false,
        });
      }
      expect(allows(plan, 'sts:GetCallerIdentity')).toBe(true);
    });

    test('THEN the plan role reads the state and takes and releases its lock file, and can write nothing else', () => {
      expect(allows(plan, 's3:ListBucket', { resource: 'arn:aws:s3:::acme-tf-state' })).toBe(true);
      expect(allows(plan, 's3:GetObject', { resource: state })).toBe(true);
      expect(['s3:GetObject', 's3:PutObject', 's3:DeleteObject'].map((action) => allows(plan, action, { resource: lock }))).toEqual([
        true,
        true,
        true,
      ]);
      expect(grants(plan).filter((grant) => !isRead(grant.split(' on ')[0]) && !grant.endsWith('.tflock'))).toEqual([]);
    });

    test('THEN the apply role also writes the state, never deletes it, and creates, changes and deletes endpoints, groups, rules and tags in the region', () => {
      expect(allows(apply, 's3:PutObject', { resource: state })).toBe(true);
      expect(allows(apply, 's3:DeleteObject', { resource: state })).toBe(false);
      for (const action of [
        'ec2:CreateVpcEndpoint',
        'ec2:ModifyVpcEndpoint',
        'ec2:DeleteVpcEndpoints',
        'ec2:CreateSecurityGroup',
        'ec2:DeleteSecurityGroup',
        'ec2:AuthorizeSecurityGroupIngress',
        'ec2:RevokeSecurityGroupIngress',
        'ec2:AuthorizeSecurityGroupEgress',
        'ec2:RevokeSecurityGroupEgress',
        'ec2:ModifySecurityGroupRules',
        'ec2:CreateTags',
        'ec2:DeleteTags',
      ]) {
        expect({ action, tokyo: allows(apply, action, { region: TOKYO }), ireland: allows(apply, action, { region: IRELAND }) }).toEqual({
          action,
          tokyo: true,
          ireland: false,
        });
      }
    });

    test('THEN the apply role can do everything the plan role can', () => {
      expect(grants(plan).filter((grant) => !grants(apply).includes(grant))).toEqual([]);
    });

    test('THEN neither role can touch other objects of the bucket, nor other buckets', () => {
      for (const policy of [plan, apply]) {
        const s3 = grants(policy).filter((grant) => grant.startsWith('s3:'));
        expect(s3.filter((grant) => grant.includes('*'))).toEqual([]);
        expect(allows(policy, 's3:GetObject', { resource: 'arn:aws:s3:::acme-tf-state/other/terraform.tfstate' })).toBe(false);
      }
    });

    test('THEN neither role can manage IAM, and every grant on "*" is an EC2 call in the stack\'s region or a call that has no resource of its own', () => {
      for (const policy of [plan, apply]) {
        expect(grants(policy).filter((grant) => grant.startsWith('iam:'))).toEqual([]);
        const unscoped = policy.Statement.filter((s) => s.Resource?.includes('*') && !s.Condition).flatMap((s) => s.Action);
        expect(unscoped.filter((action) => !['sts:GetCallerIdentity', 'route53:AssociateVPCWithHostedZone'].includes(action))).toEqual([]);
      }
    });
  });

  test('GIVEN stacks in two regions, one twice THEN every EC2 statement names both regions, each once', () => {
    const { permissionsPolicy } = policies('apply', [
      { region: TOKYO, backend: S3_LOCKFILE },
      { region: IRELAND, backend: S3_DYNAMODB },
      { region: TOKYO, backend: LOCAL },
    ]);
    const ec2 = permissionsPolicy.Statement.filter((statement) => statement.Action.some((action) => action.startsWith('ec2:')));
    expect(ec2.length).toBeGreaterThan(1);
    for (const statement of ec2) {
      expect({ sid: statement.Sid, condition: statement.Condition }).toEqual({
        sid: statement.Sid,
        condition: { StringEquals: { 'aws:RequestedRegion': [TOKYO, IRELAND] } },
      });
    }
  });

  test('GIVEN a DynamoDB lock table and no lock file THEN both roles lock in the table of the account and region, and no lock file is granted', () => {
    for (const role of CI_ROLES) {
      const { permissionsPolicy } = policies(role, [{ region: IRELAND, backend: S3_DYNAMODB }]);
      const table = `arn:aws:dynamodb:${IRELAND}:${ACCOUNT}:table/tf-locks`;
      expect(
        ['dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'].every((action) =>
          allows(permissionsPolicy, action, { resource: table }),
        ),
      ).toBe(true);
      expect(grants(permissionsPolicy).filter((grant) => grant.endsWith('.tflock'))).toEqual([]);
    }
  });

  test('GIVEN state reached through a backend roleArn THEN the roles may assume that role and get no state access of their own', () => {
    const roleArn = 'arn:aws:iam::210987654321:role/terraform-state';
    const { permissionsPolicy } = policies('plan', [{ region: TOKYO, backend: { ...S3_LOCKFILE, roleArn } }]);
    expect(allows(permissionsPolicy, 'sts:AssumeRole', { resource: roleArn })).toBe(true);
    expect(grants(permissionsPolicy).filter((grant) => grant.startsWith('s3:') || grant.startsWith('dynamodb:'))).toEqual([]);
  });

  test('GIVEN only local and HCP Terraform state THEN no state statement is printed', () => {
    const { permissionsPolicy } = policies('apply', [
      { region: TOKYO, backend: LOCAL },
      { region: TOKYO, backend: { type: 'cloud', organization: 'acme', workspace: 'ecr' } },
    ]);
    expect(grants(permissionsPolicy).filter((grant) => /^(s3|dynamodb|sts:AssumeRole)/.test(grant))).toEqual([]);
  });

  test('GIVEN stacks in China THEN the OIDC provider and state ARNs are in the aws-cn partition', () => {
    const { trustPolicy, permissionsPolicy } = policies('plan', [
      { region: 'cn-north-1', backend: { ...S3_LOCKFILE, region: 'cn-north-1' } },
    ]);
    expect(trustPolicy.Statement[0].Principal!.Federated).toBe(
      `arn:aws-cn:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`,
    );
    expect(allows(permissionsPolicy, 's3:GetObject', { resource: 'arn:aws-cn:s3:::acme-tf-state/ecr/tokyo.tfstate' })).toBe(true);
  });

  test('GIVEN stacks in two partitions THEN it refuses, naming the partitions and their regions', () => {
    expect(() =>
      policies('plan', [
        { region: TOKYO, backend: LOCAL },
        { region: 'cn-north-1', backend: LOCAL },
      ]),
    ).toThrow(
      new CiRoleError(
        'the stacks and their state span several AWS partitions: aws (ap-northeast-1), aws-cn (cn-north-1); a role serves one partition, so split the config',
      ),
    );
  });

  test.each(CI_ROLES)(
    'GIVEN the %s role THEN its statements are well-formed: unique Sids, Allow only, service:Action names, no empty resource list',
    (role) => {
      const { permissionsPolicy } = policies(role, [
        { region: TOKYO, backend: S3_LOCKFILE },
        { region: IRELAND, backend: S3_DYNAMODB },
      ]);
      const sids = permissionsPolicy.Statement.map((statement) => statement.Sid);
      expect(new Set(sids).size).toBe(sids.length);
      expect(sids.every((sid) => /^[A-Za-z0-9]+$/.test(sid))).toBe(true);
      for (const statement of permissionsPolicy.Statement) {
        expect(statement.Effect).toBe('Allow');
        expect(statement.Action.filter((action) => !/^[a-z0-9]+:[A-Z][A-Za-z]+$/.test(action))).toEqual([]);
        expect(statement.Resource!.length).toBeGreaterThan(0);
      }
    },
  );
});

describe('scripts/iam-policies.ts (`npm run -s iam-policies`)', () => {
  const SCRIPT = path.join(REPO_ROOT, 'scripts', 'iam-policies.ts');
  const REGISTER_TS = path.join(REPO_ROOT, 'scripts', 'register-ts.js');
  const { ECR_PRIVATELINK_CONFIG: _ignored, ...inherited } = process.env;
  const example = JSON.parse(readFileSync(path.join(REPO_ROOT, 'config', 'example.json'), 'utf8'));
  const REQUIRED = ['--role', 'plan', '--repo', REPO, '--account-id', ACCOUNT];

  /** The script's main() in this process (jest runs in the repository's root, as npm runs the script). */
  function iamPolicies(args: string[], env: NodeJS.ProcessEnv = {}): ReturnType<typeof run> {
    return runMain(() => main({ ...inherited, ...env }, args));
  }

  /** The script in a process of its own, as `npm run -s iam-policies` starts it. */
  function iamPoliciesProcess(args: string[]): ReturnType<typeof run> {
    return run(process.execPath, ['--require', REGISTER_TS, SCRIPT, ...args], { cwd: REPO_ROOT, env: inherited });
  }

  function writeConfig(stacks: unknown[]): string {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ecr-privatelink-iam-')), 'stacks.json');
    writeFileSync(file, JSON.stringify({ stacks }));
    return file;
  }

  const s3Stack = {
    ...example.stacks[0],
    name: 'tokyo',
    backend: { type: 's3', bucket: 'acme-tf-state', key: 'ecr/tokyo.tfstate', region: TOKYO },
  };

  test('GIVEN the npm script THEN it runs the script as cdktf runs the app', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts['iam-policies']).toBe('node --require ./scripts/register-ts.js scripts/iam-policies.ts');
  });

  test('GIVEN --help THEN it prints the usage and every flag, and exits 0', async () => {
    const result = await iamPolicies(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run -s iam-policies -- --role plan\|apply --repo OWNER\/REPO --account-id ACCOUNT_ID/);
    for (const flag of ['--role', '--repo', '--account-id', '--config', '--document']) {
      expect(result.stdout).toContain(`  ${flag}`);
    }
  });

  test('GIVEN --config FILE with an S3 backend WHEN run for apply THEN stdout is the JSON of both policies for that config', async () => {
    const result = await iamPoliciesProcess([
      '--role',
      'apply',
      '--repo',
      REPO,
      '--account-id',
      ACCOUNT,
      '--config',
      writeConfig([s3Stack]),
    ]);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    const printed = JSON.parse(result.stdout);
    expect(Object.keys(printed)).toEqual(['role', 'trustPolicy', 'permissionsPolicy']);
    expect(printed.role).toBe('apply');
    expect(printed).toEqual({
      role: 'apply',
      ...policies('apply', [{ region: TOKYO, backend: { ...s3Stack.backend, encrypt: true, useLockfile: true } }]),
    });
  });

  test('GIVEN $ECR_PRIVATELINK_CONFIG and --config=FILE THEN --config wins; without --config the variable is read', async () => {
    const fromVariable = writeConfig([{ ...s3Stack, region: IRELAND, backend: { ...s3Stack.backend, region: IRELAND } }]);
    const fromFlag = writeConfig([s3Stack]);
    const withFlag = JSON.parse(
      (await iamPolicies([...REQUIRED, `--config=${fromFlag}`], { ECR_PRIVATELINK_CONFIG: fromVariable })).stdout,
    );
    const withVariable = JSON.parse((await iamPolicies(REQUIRED, { ECR_PRIVATELINK_CONFIG: fromVariable })).stdout);
    const regions = (printed: any): unknown => printed.permissionsPolicy.Statement[0].Condition.StringEquals['aws:RequestedRegion'];
    expect({ withFlag: regions(withFlag), withVariable: regions(withVariable) }).toEqual({ withFlag: [TOKYO], withVariable: [IRELAND] });
  });

  test('GIVEN no config at all THEN the committed example is read', async () => {
    const result = await iamPolicies(REQUIRED);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).permissionsPolicy.Statement[0].Condition.StringEquals['aws:RequestedRegion']).toEqual([
      example.stacks[0].region,
    ]);
  });

  test.each([
    ['trust', (printed: any) => printed.Statement[0].Principal.Federated],
    ['permissions', (printed: any) => printed.Statement[0].Sid],
  ])('GIVEN --document %s THEN only that policy document is printed, as aws iam takes it', async (document, probe) => {
    const result = await iamPolicies([...REQUIRED, '--document', document]);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(Object.keys(printed)).toEqual(['Version', 'Statement']);
    expect(probe(printed)).toBe(
      document === 'trust' ? `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` : 'ReadNetwork',
    );
  });

  describe.each([
    ['an unknown flag', ['--rol', 'plan'], "Unknown option '--rol'"],
    ['a positional argument', [...REQUIRED, 'extra'], "Unexpected argument 'extra'"],
    ['no --repo and no --account-id', ['--role', 'plan'], 'missing --repo, --account-id'],
    [
      'a role that does not exist',
      ['--role', 'admin', '--repo', REPO, '--account-id', ACCOUNT],
      '--role: "admin" is not a role (plan or apply)',
    ],
    [
      'a repository without owner',
      ['--role', 'plan', '--repo', 'network-infra', '--account-id', ACCOUNT],
      '--repo: "network-infra" is not a GitHub repository (OWNER/REPO)',
    ],
    [
      'an account ID of 11 digits',
      ['--role', 'plan', '--repo', REPO, '--account-id', '12345678901'],
      '--account-id: "12345678901" is not an AWS account ID (12 digits)',
    ],
    ['an unknown document', [...REQUIRED, '--document', 'both'], '--document: "both" is not a document (trust or permissions)'],
  ])('GIVEN %s', (_, args, message) => {
    test('THEN it exits 2 with the message and the usage line, printing no policy', async () => {
      const result = await iamPolicies(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain('Usage: npm run -s iam-policies -- --role plan|apply');
    });
  });

  describe.each([
    [
      'a config with a bad field',
      () => writeConfig([{ ...s3Stack, backend: { ...s3Stack.backend, bucket: 'Bad_Bucket' } }]),
      'stacks[0].backend.bucket: "Bad_Bucket"',
    ],
    ['a config file that does not exist', () => path.join(tmpdir(), 'ecr-privatelink-no-such-config.json'), '--config: "'],
    [
      'stacks in two partitions',
      () =>
        writeConfig([
          s3Stack,
          { ...s3Stack, name: 'beijing', region: 'cn-north-1', backend: { ...s3Stack.backend, key: 'ecr/beijing.tfstate' } },
        ]),
      'span several AWS partitions: aws (ap-northeast-1), aws-cn (cn-north-1)',
    ],
  ])('GIVEN %s', (_, makeConfig, message) => {
    test('THEN it exits 2 naming the field and value, with no policy on stdout and no stack trace', async () => {
      const result = await iamPolicies([...REQUIRED, '--config', makeConfig()]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('config refused, no policy printed');
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    });
  });

  test("GIVEN so many stacks that the policy outgrows a role's inline policy quota THEN it still prints it, and warns with the size", async () => {
    const stacks = Array.from({ length: 60 }, (_, i) => ({
      ...s3Stack,
      name: `stack-${i}`,
      namePrefix: `p${i}`,
      backend: { ...s3Stack.backend, key: `ecr-privatelink/a-rather-long-path-per-team/stack-${i}.tfstate` },
    }));
    const result = await iamPolicies([...REQUIRED, '--config', writeConfig(stacks)]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).permissionsPolicy.Statement.length).toBeGreaterThan(0);
    expect(result.stderr).toMatch(
      /^iam-policies: warning: the permissions policy has \d+ characters; a role's inline policies may total 10240\./,
    );
  });
});
