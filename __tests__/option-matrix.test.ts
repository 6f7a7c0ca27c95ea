import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { main } from '../main';
import { tempProject } from './support/app-process';

/**
 * The synthesized Terraform of every config option, compared (as parsed JSON) with what the app wrote
 * when these fixtures were recorded. Refactors must leave it identical: a change here is a change to
 * users' plans, and needs its own reason and a state-compatibility test. Re-record deliberately with
 * RECORD_OPTION_MATRIX=1.
 */
const FIXTURES = path.join(__dirname, 'fixtures', 'option-matrix');

const BASE_STACK = {
  name: 'sample',
  region: 'ap-northeast-1',
  namePrefix: 'sample',
  vpcId: 'vpc-0a1b2c3d4e5f60718',
  privateSubnetIds: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'],
  privateRouteTableIds: ['rtb-0a1b2c3d4e5f60003'],
  allowedCidrBlocks: ['10.0.0.0/16'],
};

const OPTIONS: Readonly<Record<string, Record<string, unknown>[]>> = {
  example: [
    { ...BASE_STACK, interfaceServices: ['ecr.api', 'ecr.dkr'], tags: {}, backend: { type: 'local', path: 'terraform.sample.tfstate' } },
  ],
  minimal: [BASE_STACK],
  'workload-ecs-fargate': [{ ...BASE_STACK, workload: 'ecs-fargate' }],
  'workload-ecs-ec2': [{ ...BASE_STACK, workload: 'ecs-ec2' }],
  'workload-eks': [{ ...BASE_STACK, workload: 'eks' }],
  'interface-services': [{ ...BASE_STACK, interfaceServices: ['ecr.dkr', 'ecr.api', 'logs'] }],
  'additional-services': [{ ...BASE_STACK, workload: 'ecs-fargate', additionalInterfaceServices: ['logs', 'secretsmanager'] }],
  'least-privilege': [{ ...BASE_STACK, leastPrivilegePolicies: true }],
  'least-privilege-extras': [
    {
      ...BASE_STACK,
      leastPrivilegePolicies: true,
      extraS3BucketArns: ['arn:aws:s3:::my-bucket'],
      allowedAccountIds: ['123456789012', '210987654321'],
    },
  ],
  'client-security-groups': [{ ...BASE_STACK, clientSecurityGroupIds: ['sg-0a1b2c3d4e5f60010', 'sg-0a1b2c3d4e5f60011'] }],
  'preflight-off': [{ ...BASE_STACK, preflight: false }],
  adopt: [
    { ...BASE_STACK, adopt: { securityGroup: 'sg-0a1b2c3d4e5f60004', s3: 'vpce-0a1b2c3d4e5f60006', 'ecr.api': 'vpce-0a1b2c3d4e5f60005' } },
  ],
  tags: [{ ...BASE_STACK, tags: { team: 'platform', 'cost-center': '42' } }],
  'backend-s3': [{ ...BASE_STACK, backend: { type: 's3', bucket: 'tf-state', key: 'ecr/sample.tfstate', region: 'ap-northeast-1' } }],
  'backend-s3-dynamodb': [
    {
      ...BASE_STACK,
      backend: {
        type: 's3',
        bucket: 'tf-state',
        key: 'k',
        region: 'us-east-1',
        encrypt: false,
        useLockfile: false,
        dynamodbTable: 'tf-locks',
        roleArn: 'arn:aws:iam::123456789012:role/state',
        profile: 'ops',
      },
    },
  ],
  'backend-s3-compatible': [
    {
      ...BASE_STACK,
      backend: { type: 's3', bucket: 'tf-state', key: 'k', region: 'us-east-1', endpoint: 'http://127.0.0.1:9000', usePathStyle: true },
    },
  ],
  'backend-cloud': [
    { ...BASE_STACK, backend: { type: 'cloud', organization: 'acme', workspace: 'ecr-prod', hostname: 'tfe.example.com' } },
  ],
  'region-china': [{ ...BASE_STACK, region: 'cn-north-1', workload: 'eks', leastPrivilegePolicies: true }],
  'region-govcloud': [{ ...BASE_STACK, region: 'us-gov-west-1' }],
  'two-stacks': [BASE_STACK, { ...BASE_STACK, name: 'second', namePrefix: 'second', region: 'eu-west-1' }],
  'dual-stack': [
    {
      ...BASE_STACK,
      ipAddressType: 'dualstack',
      dnsRecordIpType: 'service-defined',
      allowedIpv6CidrBlocks: ['2600:1f18:4d3:5e00::/56'],
      s3GatewayIpAddressType: 'dualstack',
    },
  ],
  'ipv6-only': [{ ...BASE_STACK, ipAddressType: 'ipv6', dnsRecordIpType: 'ipv6', allowedIpv6CidrBlocks: ['2600:1f18:4d3:5e00::/56'] }],
  'endpoint-addresses': [
    {
      ...BASE_STACK,
      endpointAddresses: {
        'ecr.api': { 'subnet-0a1b2c3d4e5f60001': { ipv4: '10.0.0.10' }, 'subnet-0a1b2c3d4e5f60002': { ipv4: '10.0.1.10' } },
        'ecr.dkr': { 'subnet-0a1b2c3d4e5f60001': { ipv4: '10.0.0.11' }, 'subnet-0a1b2c3d4e5f60002': { ipv4: '10.0.1.11' } },
      },
      addressOutputs: true,
    },
  ],
  'name-tags': [{ ...BASE_STACK, nameTags: true, tags: { team: 'platform' }, clientSecurityGroupIds: ['sg-0a1b2c3d4e5f60010'] }],
  's3-presets': [{ ...BASE_STACK, leastPrivilegePolicies: true, s3GatewayPresets: ['amazon-linux-2', 'amazon-linux-2023'] }],
  'hub-alone': [{ ...BASE_STACK, hub: {} }],
  'hub-and-spokes': [
    {
      ...BASE_STACK,
      name: 'hub',
      namePrefix: 'hub',
      additionalInterfaceServices: ['logs'],
      hub: {
        endpointCidrBlocks: ['10.0.0.0/24', '10.0.1.0/24'],
        spokes: [
          { vpcId: 'vpc-0c0c0c0c0c0c0c0c3', cidrBlocks: ['10.3.0.0/16'] },
          { vpcId: 'vpc-0d0d0d0d0d0d0d0d4', accountId: '210987654321', associationRoleArn: 'arn:aws:iam::210987654321:role/zones' },
        ],
      },
      tags: { team: 'platform' },
    },
    {
      name: 'team-a',
      spokeOf: 'hub',
      region: 'ap-northeast-1',
      namePrefix: 'team-a',
      vpcId: 'vpc-0a0a0a0a0a0a0a0a1',
      privateRouteTableIds: ['rtb-0a0a0a0a0a0a0a0a1'],
      allowedCidrBlocks: ['10.1.0.0/16'],
      clientSecurityGroupIds: ['sg-0a0a0a0a0a0a0a0a1'],
    },
    {
      name: 'team-b',
      spokeOf: 'hub',
      region: 'ap-northeast-1',
      namePrefix: 'team-b',
      vpcId: 'vpc-0b0b0b0b0b0b0b0b2',
      privateRouteTableIds: ['rtb-0b0b0b0b0b0b0b0b2'],
      accountId: '123456789099',
      associationRoleArn: 'arn:aws:iam::123456789099:role/team-b/hub-zones',
      preflight: false,
      tags: { team: 'b' },
    },
  ],
  'hub-china': [{ ...BASE_STACK, region: 'cn-north-1', workload: 'eks', hub: { spokes: [{ vpcId: 'vpc-0c0c0c0c0c0c0c0c3' }] } }],
  everything: [
    {
      ...BASE_STACK,
      workload: 'ecs-ec2',
      additionalInterfaceServices: ['logs'],
      leastPrivilegePolicies: true,
      extraS3BucketArns: ['arn:aws:s3:::my-bucket'],
      allowedAccountIds: ['123456789012'],
      clientSecurityGroupIds: ['sg-0a1b2c3d4e5f60010'],
      adopt: { 'ecs-agent': 'vpce-0a1b2c3d4e5f60007' },
      tags: { team: 'platform' },
      backend: { type: 's3', bucket: 'tf-state', key: 'k', region: 'ap-northeast-1' },
    },
  ],
};

/** Every stack the app writes for `stacks`, by stack name, as parsed JSON. */
function synthesized(stacks: Record<string, unknown>[]): Record<string, unknown> {
  const project = tempProject('option-matrix');
  const config = path.join(project, 'config.json');
  writeFileSync(config, JSON.stringify({ stacks }));
  const outdir = path.join(project, 'cdktf.out');
  const stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  // As `cdktf synth` runs it: in the project folder, so local state paths do not depend on this clone's location.
  const cwd = process.cwd();
  process.chdir(project);
  let code: number;
  try {
    code = main({ ECR_PRIVATELINK_CONFIG: config, CDKTF_OUTDIR: outdir });
  } finally {
    process.chdir(cwd);
    stderr.mockRestore();
  }
  expect(code).toBe(0);
  const stacksDir = path.join(outdir, 'stacks');
  return Object.fromEntries(
    readdirSync(stacksDir)
      .sort()
      .map((name) => [name, JSON.parse(readFileSync(path.join(stacksDir, name, 'cdk.tf.json'), 'utf8'))]),
  );
}

/**
 * The stacks with each local state path cut to its file name: the path is relative to the project folder
 * (the test's working directory), so it depends on where the project is checked out, not on the option.
 */
function withoutCheckoutPaths(stacks: Record<string, any>): Record<string, any> {
  return Object.fromEntries(
    Object.entries(stacks).map(([name, stack]) => {
      const local = stack.terraform?.backend?.local;
      return [
        name,
        local ? { ...stack, terraform: { ...stack.terraform, backend: { local: { ...local, path: path.basename(local.path) } } } } : stack,
      ];
    }),
  );
}

describe('synthesized Terraform of every option', () => {
  test.each(Object.keys(OPTIONS))('GIVEN the option set "%s" WHEN synthesized THEN the JSON equals the recorded one', (name) => {
    const actual = synthesized(OPTIONS[name]);
    const file = path.join(FIXTURES, `${name}.json`);
    if (process.env.RECORD_OPTION_MATRIX) {
      mkdirSync(FIXTURES, { recursive: true });
      writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    }
    expect(withoutCheckoutPaths(actual)).toEqual(withoutCheckoutPaths(JSON.parse(readFileSync(file, 'utf8'))));
  });
});
