import { InterfaceService } from '../../lib/naming/interface-service';
import { EcrPrivateLinkStackProps } from '../../stacks/ecr-private-link-stack';
import { DUAL_STACK_WORLD, EXAMPLE_WORLD, FakeAwsWorld, IPV6_ONLY_WORLD, withWorld } from './fake-aws';
import { HUB_WORLD, TEAM_A_VPC } from './hub-and-spoke';

/** One configuration of the example stack: the example with `overrides`. */
export interface StackVariant {
  /** Short name, also a Terraform module name: letters, digits and underscores. */
  readonly name: string;
  readonly overrides: Partial<EcrPrivateLinkStackProps>;
  /** Has `import` blocks, which Terraform allows only in a root module. */
  readonly rootOnly?: boolean;
  /** The AWS the variant is planned against, when the example's cannot host it. @default MATRIX_WORLD */
  readonly world?: FakeAwsWorld;
}

const IPV6_CLIENTS = ['2600:1f18:4d3:5e00::/56'];

/** Every option of the config, each on its own, plus all features at once: what the stack can be. */
export const OPTION_MATRIX: readonly StackVariant[] = [
  { name: 'example', overrides: {} },
  { name: 'workload_eks', overrides: { workload: 'eks' } },
  {
    name: 'interface_services',
    overrides: { interfaceServices: [InterfaceService.ECR_DKR, InterfaceService.ECR_API, InterfaceService.LOGS] },
  },
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
  {
    name: 's3_compatible_backend',
    overrides: {
      backend: {
        type: 's3',
        bucket: 'tf-state',
        key: 'k',
        region: 'us-east-1',
        encrypt: true,
        useLockfile: true,
        endpoint: 'http://127.0.0.1:9000',
        usePathStyle: true,
      },
    },
  },
  { name: 'cloud_backend', overrides: { backend: { type: 'cloud', organization: 'acme', workspace: 'ecr-privatelink-prod' } } },
  { name: 'china', overrides: { region: 'cn-north-1', leastPrivilegePolicies: true } },
  {
    name: 'dual_stack',
    overrides: {
      ipAddressType: 'dualstack',
      dnsRecordIpType: 'service-defined',
      allowedIpv6CidrBlocks: IPV6_CLIENTS,
      s3GatewayIpAddressType: 'dualstack',
      endpointAddresses: {
        'ecr.dkr': {
          'subnet-0a1b2c3d4e5f60001': { ipv4: '10.0.0.11', ipv6: '2600:1f18:4d3:5e00::11' },
          'subnet-0a1b2c3d4e5f60002': { ipv4: '10.0.1.11', ipv6: '2600:1f18:4d3:5e01::11' },
        },
      },
      addressOutputs: true,
    },
    world: DUAL_STACK_WORLD,
  },
  {
    name: 'ipv6_only',
    overrides: { ipAddressType: 'ipv6', dnsRecordIpType: 'ipv6', allowedIpv6CidrBlocks: IPV6_CLIENTS },
    world: IPV6_ONLY_WORLD,
  },
  {
    name: 'endpoint_addresses',
    overrides: {
      endpointAddresses: {
        'ecr.api': { 'subnet-0a1b2c3d4e5f60001': { ipv4: '10.0.0.10' }, 'subnet-0a1b2c3d4e5f60002': { ipv4: '10.0.1.10' } },
      },
      addressOutputs: true,
    },
  },
  { name: 'name_tags', overrides: { nameTags: true, clientSecurityGroupIds: ['sg-0a1b2c3d4e5f60021'], tags: { team: 'platform' } } },
  {
    name: 's3_presets',
    overrides: { leastPrivilegePolicies: true, s3GatewayPresets: ['amazon-linux-2', 'amazon-linux-2023'] },
  },
  {
    name: 'hub',
    overrides: { hub: { spokes: [{ name: 'team-a', vpcId: TEAM_A_VPC }] } },
    world: HUB_WORLD,
  },
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

/** The variant called `name` in OPTION_MATRIX. */
export function optionVariant(name: string): StackVariant {
  const variant = OPTION_MATRIX.find((v) => v.name === name);
  if (!variant) {
    throw new Error(`no variant "${name}" in OPTION_MATRIX`);
  }
  return variant;
}
