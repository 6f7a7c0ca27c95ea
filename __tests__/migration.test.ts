import { migrationReport, verdictOf } from '../lib/migration/migration-report';
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
