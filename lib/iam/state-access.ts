import { BackendConfig } from '../config/app-config';
import { partitionOf } from '../naming/partition';
import { PolicyStatement } from './policy-document';
import { CiRole } from './ci-roles';

/**
 * What a role needs of the state backends, from Terraform's s3 backend docs ("Permissions Required"):
 * s3:ListBucket on the bucket; s3:GetObject on the state, plus s3:PutObject for the apply role (a plan never
 * writes state); s3:GetObject, s3:PutObject and s3:DeleteObject on `<key>.tflock` with `use_lockfile`;
 * dynamodb:DescribeTable, GetItem, PutItem and DeleteItem on the lock table. A backend with `roleArn` reaches
 * the state through that role, so the CI role only needs sts:AssumeRole on it. `local` and `cloud`
 * backends need nothing from AWS here.
 */
export function stateStatements(role: CiRole, backends: readonly BackendConfig[], accountId: string): PolicyStatement[] {
  const s3 = backends.flatMap((backend) => (backend.type === 's3' && !backend.roleArn ? [backend] : []));
  const viaRole = backends.flatMap((backend) => (backend.type === 's3' && backend.roleArn ? [backend.roleArn] : []));
  const bucket = (b: (typeof s3)[number]): string => `arn:${partitionOf(b.region)}:s3:::${b.bucket}`;
  const statements: PolicyStatement[] = [
    { Sid: 'ListStateBuckets', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: unique(s3.map(bucket)) },
    {
      Sid: role === 'plan' ? 'ReadState' : 'ReadWriteState',
      Effect: 'Allow',
      Action: role === 'plan' ? ['s3:GetObject'] : ['s3:GetObject', 's3:PutObject'],
      Resource: unique(s3.map((b) => `${bucket(b)}/${b.key}`)),
    },
    {
      Sid: 'LockStateWithLockFile',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      // With `use_lockfile` the S3 backend keeps its lock file next to the state (Terraform docs, s3 backend).
      Resource: unique(s3.filter((b) => b.useLockfile).map((b) => `${bucket(b)}/${b.key}.tflock`)),
    },
    {
      Sid: 'LockStateWithDynamoDb',
      Effect: 'Allow',
      Action: ['dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
      Resource: unique(
        s3.flatMap((b) =>
          b.dynamodbTable ? [`arn:${partitionOf(b.region)}:dynamodb:${b.region}:${accountId}:table/${b.dynamodbTable}`] : [],
        ),
      ),
    },
    { Sid: 'AssumeStateRoles', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: unique(viaRole) },
  ];
  return statements.filter((statement) => statement.Resource!.length > 0);
}

/** `values` without repeats, in first-seen order. */
export function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
