import { InterfaceService } from '../../lib/naming/interface-service';
import { EcrPrivateLinkStackProps } from '../../stacks/ecr-private-link-stack';
import { EXAMPLE_WORLD, FakeAwsWorld, withWorld } from './fake-aws';

/** One configuration of the example stack: the example with `overrides`. */
export interface StackVariant {
  /** Short name, also a Terraform module name: letters, digits and underscores. */
  readonly name: string;
  readonly overrides: Partial<EcrPrivateLinkStackProps>;
  /** Has `import` blocks, which Terraform allows only in a root module. */
  readonly rootOnly?: boolean;
}

/** Every option of the config, each on its own, plus all features at once: what the stack can be. */
export const OPTION_MATRIX: readonly StackVariant[] = [
  { name: 'example', overrides: {} },
  { name: 'workload_eks', overrides: { workload: 'eks' } },
  { name: 'additional_services', overrides: { workload: 'ecs-fargate', additionalInterfaceServices: [InterfaceService.LOGS] } },
  {
    name: 'least_privilege',
    overrides: {
      leastPrivilegePolicies: true,
      extraS3BucketArns: ['arn:aws:s3:::team-artifacts'],
      allowedAccountIds: ['123456789012', '210987654321'],
    },
  },
  { name: 'client_groups', overrides: { clientSecurityGroupIds: ['sg-0a1b2c3d4e5f60021', 'sg-0a1b2c3d4e5f60022'] } },
  { name: 'preflight_off', overrides: { preflight: false } },
  { name: 'tags', overrides: { tags: { team: 'platform', 'kubernetes.io/cluster/prod': 'owned', note: 'say "hi"' } } },
  {
    name: 'every_feature',
    overrides: {
      workload: 'eks',
      interfaceServices: undefined,
      leastPrivilegePolicies: true,
      extraS3BucketArns: ['arn:aws:s3:::team-artifacts'],
      clientSecurityGroupIds: ['sg-0a1b2c3d4e5f60021'],
      tags: { team: 'platform' },
    },
  },
  {
    name: 's3_backend',
    overrides: {
      backend: {
        type: 's3',
        bucket: 'tf-state-123',
        key: 'ecr/sample.tfstate',
        region: 'ap-northeast-1',
        encrypt: true,
        useLockfile: true,
      },
    },
  },
  {
    name: 's3_backend_dynamodb_role',
    overrides: {
      backend: {
        type: 's3',
        bucket: 'tf-state-123',
        key: 'k',
        region: 'ap-northeast-1',
        encrypt: true,
        useLockfile: false,
        dynamodbTable: 'tf-locks',
        roleArn: 'arn:aws:iam::123456789012:role/state',
      },
    },
  },
  { name: 'cloud_backend', overrides: { backend: { type: 'cloud', organization: 'acme', workspace: 'ecr-privatelink-prod' } } },
  { name: 'china', overrides: { region: 'cn-north-1', leastPrivilegePolicies: true } },
  {
    name: 'adopt',
    overrides: {
      adopt: {
        securityGroup: 'sg-0a1b2c3d4e5f60004',
        'ecr.api': 'vpce-0a1b2c3d4e5f60005',
        'ecr.dkr': 'vpce-0a1b2c3d4e5f60006',
        s3: 'vpce-0a1b2c3d4e5f60007',
      },
    },
    rootOnly: true,
  },
];

/** EXAMPLE_WORLD, plus the ECR services of cn-north-1 (in the example's AZs), for the `china` variant. */
export const MATRIX_WORLD: FakeAwsWorld = withWorld(EXAMPLE_WORLD, (world) => {
  for (const service of ['ecr.api', 'ecr.dkr']) {
    world.endpointServices.push({
      serviceName: `cn.com.amazonaws.cn-north-1.${service}`,
      type: 'Interface',
      availabilityZones: ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'],
    });
  }
  world.endpointServices.push({
    serviceName: 'com.amazonaws.cn-north-1.s3',
    type: 'Gateway',
    availabilityZones: ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'],
  });
});
