import { isSafe, migrationReport, verdictOf } from '../lib/migration/migration-report';
import { plannedActions } from '../lib/migration/planned-actions';
import { keepOnly, managedAddresses, ownerAccountId, parseState, resourceId, TerraformState } from '../lib/terraform/state-file';
import { ValidationError } from '../lib/validation/problem';

const STATE: TerraformState = {
  version: 4,
  resources: [
    { mode: 'data', type: 'aws_region', name: 'current', instances: [{}] },
    { mode: 'managed', type: 'aws_vpc', name: 'sample', instances: [{ attributes: { id: 'vpc-1', owner_id: '123456789012' } }] },
    { mode: 'managed', type: 'aws_vpc_endpoint', name: 'sample-s3', instances: [{ attributes: { id: 'vpce-1' } }] },
    { module: 'module.net', mode: 'managed', type: 'aws_subnet', name: 'a', instances: [{ index_key: 0 }, { index_key: 1 }] },
  ],
};

describe('state files', () => {
  test('GIVEN a state THEN its managed resources are listed by address, modules included, data sources not', () => {
    expect(managedAddresses(STATE)).toEqual(['aws_vpc.sample', 'aws_vpc_endpoint.sample-s3', 'module.net.aws_subnet.a']);
  });

  test('GIVEN addresses to keep THEN the copy has only those managed resources, and the original is untouched', () => {
    const kept = keepOnly(STATE, new Set(['aws_vpc_endpoint.sample-s3']));
    expect(kept.resources.map((r) => r.name)).toEqual(['sample-s3']);
    expect(STATE.resources).toHaveLength(4);
  });

  test('GIVEN resources with owner_id and id THEN the account and IDs are found', () => {
    expect(ownerAccountId(STATE)).toBe('123456789012');
    expect(resourceId(STATE, 'aws_vpc_endpoint.sample-s3')).toBe('vpce-1');
    expect(resourceId(STATE, 'aws_vpc_endpoint.other')).toBeUndefined();
  });

  test.each([
    ['not JSON', '{', 'is not JSON'],
    ['JSON of another kind', '{"stacks": []}', 'is not a Terraform state file'],
    ['an older state format', '{"version": 3, "resources": []}', 'is not a Terraform state file'],
  ])('GIVEN %s THEN parsing refuses it, naming the file', (_, text, message) => {
    expect(() => parseState(text, 'old.tfstate')).toThrow(ValidationError);
    expect(() => parseState(text, 'old.tfstate')).toThrow(message);
  });
});

describe('the migrate-check report', () => {
  test.each([
    [['no-op'], 'unchanged'],
    [['update'], 'updated in place'],
    [['create'], 'CREATED'],
    [['delete'], 'DESTROYED'],
    [['delete', 'create'], 'REPLACED'],
    [['create', 'delete'], 'REPLACED'],
  ])('GIVEN planned actions %j THEN the verdict is %s', (actions, verdict) => {
    expect(verdictOf(actions)).toBe(verdict);
  });

  const input = {
    stackName: 'sample',
    stateFile: 'old.tfstate',
    stackStatePath: 'terraform.sample.tfstate',
    stackResources: [
      { address: 'aws_security_group.sample-ecr-privatelink', adoptKey: 'securityGroup' },
      { address: 'aws_vpc_endpoint.sample-s3', adoptKey: 's3' },
      { address: 'aws_vpc_endpoint.sample-logs', adoptKey: 'logs' },
    ],
    otherAddresses: ['aws_vpc.sample'],
    idsInState: { 'aws_security_group.sample-ecr-privatelink': 'sg-1', 'aws_vpc_endpoint.sample-s3': 'vpce-1' },
  };

  test('GIVEN a replaced group and a new endpoint THEN it is not safe and names both', () => {
    const report = migrationReport({
      ...input,
      planned: {
        'aws_security_group.sample-ecr-privatelink': ['delete', 'create'],
        'aws_vpc_endpoint.sample-s3': ['no-op'],
        'aws_vpc_endpoint.sample-logs': ['create'],
      },
    });
    expect(report.safe).toBe(false);
    expect(report.text).toContain(
      'aws_security_group.sample-ecr-privatelink would be REPLACED; aws_vpc_endpoint.sample-logs would be CREATED',
    );
  });

  test('GIVEN only in-place updates THEN it is safe, and move commands cover just what the state holds', () => {
    const report = migrationReport({
      ...input,
      planned: { 'aws_vpc_endpoint.sample-s3': ['update'], 'aws_vpc_endpoint.sample-logs': ['no-op'] },
    });
    expect(report.safe).toBe(true);
    expect(report.text.match(/terraform state mv/g)).toHaveLength(2);
    expect(report.text).toContain('"adopt": {"securityGroup":"sg-1","s3":"vpce-1"}');
    expect(report.text).toContain('Staying with the old project (1):\n  aws_vpc.sample');
  });
});

/** A line of `terraform plan -json` (Terraform 1.11.4) planning `action` for the resource at `addr`. */
function plannedChangeLine(addr: string, action: string): string {
  const [type, name] = addr.split('.');
  return JSON.stringify({
    '@level': 'info',
    '@message': `${addr}: Plan to ${action}`,
    '@module': 'terraform.ui',
    change: {
      resource: { addr, module: '', resource: addr, implied_provider: 'aws', resource_type: type, resource_name: name, resource_key: null },
      action,
    },
    type: 'planned_change',
  });
}

/** The whole stdout of a `terraform plan -json` that planned `changes`: version, planned changes, change summary. */
function planJson(...changes: [addr: string, action: string][]): string {
  const version = {
    '@level': 'info',
    '@message': 'Terraform 1.11.4',
    '@module': 'terraform.ui',
    terraform: '1.11.4',
    type: 'version',
    ui: '1.2',
  };
  const summary = {
    '@level': 'info',
    '@message': 'Plan: 0 to add, 0 to change, 0 to destroy.',
    '@module': 'terraform.ui',
    changes: { add: 0, change: 0, import: 0, remove: 0, operation: 'plan' },
    type: 'change_summary',
  };
  return [JSON.stringify(version), ...changes.map(([addr, action]) => plannedChangeLine(addr, action)), JSON.stringify(summary), ''].join(
    '\n',
  );
}

describe('planned actions read from terraform plan -json', () => {
  const GROUP = 'aws_security_group.sample-ecr-privatelink';
  const S3 = 'aws_vpc_endpoint.sample-s3';

  test('GIVEN a plan that replaces the group and updates an endpoint WHEN the report is made from it THEN each resource has its verdict, the unmentioned one unchanged', () => {
    const planned = plannedActions(planJson([GROUP, 'replace'], ['aws_vpc_endpoint.sample-ecr-api', 'update']));
    expect(planned).toEqual({ [GROUP]: ['delete', 'create'], 'aws_vpc_endpoint.sample-ecr-api': ['update'] });

    const report = migrationReport({
      stackName: 'sample',
      stateFile: 'old.tfstate',
      stackStatePath: 'terraform.sample.tfstate',
      stackResources: [{ address: GROUP }, { address: 'aws_vpc_endpoint.sample-ecr-api' }, { address: S3 }],
      planned,
      otherAddresses: [],
      idsInState: {},
    });
    expect(report.text).toContain(
      [
        'Resources the stack manages:',
        `  REPLACED          ${GROUP}`,
        '  updated in place  aws_vpc_endpoint.sample-ecr-api',
        `  unchanged         ${S3}`,
      ].join('\n'),
    );
    expect(report.safe).toBe(false);
  });

  test('GIVEN a plan with no planned change THEN no address has actions, so the report finds every resource unchanged', () => {
    expect(plannedActions(planJson())).toEqual({});
  });

  test.each([
    ['noop', 'unchanged'],
    ['read', 'unchanged'],
    ['move', 'unchanged'],
    ['import', 'unchanged'],
    ['update', 'updated in place'],
    ['create', 'CREATED'],
    ['delete', 'DESTROYED'],
    ['replace', 'REPLACED'],
  ])('GIVEN the action %s WHEN read THEN the verdict is %s, as for the same change in terraform show -json', (action, verdict) => {
    expect(verdictOf(plannedActions(planJson([S3, action]))[S3])).toBe(verdict);
  });

  test.each(['remove', 'open', 'some-future-action', 'constructor'])(
    'GIVEN an action not known here (%j) WHEN read THEN it is kept, and its verdict is not safe',
    (action) => {
      const actions = plannedActions(planJson([S3, action]))[S3];
      expect(actions).toEqual([action]);
      expect(isSafe(actions)).toBe(false);
      expect(verdictOf(actions)).toBe('REPLACED');
    },
  );

  test.each([
    ['after', [S3, 'update'] as [string, string], [S3, 'delete'] as [string, string]],
    ['before', [S3, 'delete'] as [string, string], [S3, 'update'] as [string, string]],
  ])(
    'GIVEN a deposed object to delete, its message %s the current object update WHEN read THEN the resource is DESTROYED',
    (_, first, second) => {
      expect(verdictOf(plannedActions(planJson(first, second))[S3])).toBe('DESTROYED');
    },
  );

  test.each([
    ['empty output', ''],
    ['the version line alone (the plan stopped early)', planJson().split('\n')[0]],
    ['text that is not JSON', 'Plan: 0 to add, 0 to change, 0 to destroy.\n'],
  ])('GIVEN %s WHEN read THEN it refuses, as changes may be missing', (_, output) => {
    expect(() => plannedActions(output)).toThrow('terraform plan -json wrote no change summary');
  });

  test('GIVEN a planned_change without an action WHEN read THEN it refuses, naming the change', () => {
    const output = planJson([S3, 'update']).replace('"action":"update"', '"kind":"update"');
    expect(() => plannedActions(output)).toThrow(
      `terraform plan -json wrote a planned_change without a resource address or action: {"resource"`,
    );
  });
});
