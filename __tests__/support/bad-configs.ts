import { readFileSync } from 'fs';
import { EXAMPLE_CONFIG_PATH } from './example-stack';

export type StackEdit = (stack: Record<string, any>, root: Record<string, any>) => void;

/** A spoke of the example stack (which an edit makes a hub, or not), in a VPC of its own. */
const spoke = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: 'team-a',
  spokeOf: 'sample',
  region: 'ap-northeast-1',
  namePrefix: 'team-a',
  vpcId: 'vpc-0a0a0a0a0a0a0a0a1',
  privateRouteTableIds: ['rtb-0a0a0a0a0a0a0a0a1'],
  ...overrides,
});

/** The example config with its first stack changed by `edit`. */
export function exampleWith(edit: StackEdit): Record<string, any> {
  const root = JSON.parse(readFileSync(EXAMPLE_CONFIG_PATH, 'utf8'));
  edit(root.stacks[0], root);
  return root;
}

/**
 * Bad config files, each made by breaking the example: what to break, and the message the user must see
 * (field and value named).
 */
export const BAD_CONFIGS: readonly [title: string, edit: StackEdit, message: string][] = [
  [
    'an unknown key (typo)',
    (s) => {
      s.privateSubnetId = s.privateSubnetIds;
    },
    'stacks[0].privateSubnetId: ["subnet-0a1b2c3d4e5f60001","subnet-0a1b2c3d4e5f60002"] is not a known field (did you mean "privateSubnetIds"?',
  ],
  [
    'an unknown top-level key',
    (_, r) => {
      r.stack = [];
    },
    'stack: [] is not a known field (did you mean "stacks"?',
  ],
  [
    'no stacks',
    (_, r) => {
      r.stacks = [];
    },
    'stacks: [] must be a non-empty list of stacks',
  ],
  [
    'a missing required field',
    (s) => {
      delete s.vpcId;
    },
    'stacks[0].vpcId: (missing) is required',
  ],
  [
    'a field of the wrong type',
    (s) => {
      s.privateSubnetIds = 'subnet-0a1b2c3d4e5f60001';
    },
    'stacks[0].privateSubnetIds: "subnet-0a1b2c3d4e5f60001" must be a list of strings',
  ],
  [
    'a malformed VPC ID',
    (s) => {
      s.vpcId = 'vpc-XYZ';
    },
    'stacks[0].vpcId: "vpc-XYZ" is not a VPC ID',
  ],
  [
    'a malformed subnet ID',
    (s) => {
      s.privateSubnetIds[1] = 'subnet-123';
    },
    'stacks[0].privateSubnetIds[1]: "subnet-123" is not a subnet ID',
  ],
  [
    'a route table ID in the subnet list',
    (s) => {
      s.privateSubnetIds[0] = 'rtb-0a1b2c3d4e5f60003';
    },
    'stacks[0].privateSubnetIds[0]: "rtb-0a1b2c3d4e5f60003" is not a subnet ID',
  ],
  [
    'a malformed route table ID',
    (s) => {
      s.privateRouteTableIds = ['rtb-1'];
    },
    'stacks[0].privateRouteTableIds[0]: "rtb-1" is not a route table ID',
  ],
  [
    'an empty subnet list',
    (s) => {
      s.privateSubnetIds = [];
    },
    'stacks[0].privateSubnetIds: [] is empty',
  ],
  [
    'an empty route table list',
    (s) => {
      s.privateRouteTableIds = [];
    },
    'stacks[0].privateRouteTableIds: [] is empty',
  ],
  [
    'a duplicated subnet',
    (s) => {
      s.privateSubnetIds[1] = s.privateSubnetIds[0];
    },
    'stacks[0].privateSubnetIds[1]: "subnet-0a1b2c3d4e5f60001" is listed twice',
  ],
  [
    'an empty CIDR list',
    (s) => {
      s.allowedCidrBlocks = [];
    },
    'stacks[0].allowedCidrBlocks: [] is empty',
  ],
  [
    'a bad CIDR',
    (s) => {
      s.allowedCidrBlocks = ['10.0.0.0'];
    },
    'stacks[0].allowedCidrBlocks[0]: "10.0.0.0" is not an IPv4 CIDR block',
  ],
  [
    'a CIDR with host bits set',
    (s) => {
      s.allowedCidrBlocks = ['10.0.3.0/16'];
    },
    'stacks[0].allowedCidrBlocks[0]: "10.0.3.0/16" has host bits set; did you mean "10.0.0.0/16"?',
  ],
  [
    'a world-open CIDR',
    (s) => {
      s.allowedCidrBlocks = ['0.0.0.0/0'];
    },
    'stacks[0].allowedCidrBlocks[0]: "0.0.0.0/0" opens the endpoints to the whole internet',
  ],
  [
    'a region that is not one',
    (s) => {
      s.region = 'tokyo';
    },
    'stacks[0].region: "tokyo" is not an AWS region name',
  ],
  [
    'an invalid name prefix',
    (s) => {
      s.namePrefix = 'my prefix';
    },
    'stacks[0].namePrefix: "my prefix" is not a valid name prefix',
  ],
  [
    'a name prefix that makes an "sg-" group name',
    (s) => {
      s.namePrefix = 'sg';
    },
    'stacks[0].namePrefix: "sg" would name the security group "sg-...", which AWS refuses',
  ],
  [
    'services without ecr.dkr',
    (s) => {
      s.interfaceServices = ['ecr.api'];
    },
    'stacks[0].interfaceServices: ["ecr.api"] lacks "ecr.dkr"',
  ],
  [
    's3 as an interface service',
    (s) => {
      s.interfaceServices = ['ecr.dkr', 's3'];
    },
    'stacks[0].interfaceServices[1]: "s3" is not allowed here',
  ],
  [
    'a full service name',
    (s) => {
      s.interfaceServices = ['com.amazonaws.ap-northeast-1.ecr.dkr'];
    },
    'stacks[0].interfaceServices[0]: "com.amazonaws.ap-northeast-1.ecr.dkr" is a full service name',
  ],
  [
    'two services with one resource name',
    (s) => {
      s.interfaceServices = ['ecr.dkr', 'ecr-dkr'];
    },
    'stacks[0].interfaceServices[1]: "ecr-dkr" is listed twice',
  ],
  [
    'a non-string tag value',
    (s) => {
      s.tags = { team: 1 };
    },
    'stacks[0].tags.team: 1 must be a string',
  ],
  [
    'a reserved tag key',
    (s) => {
      s.tags = { 'aws:owner': 'me' };
    },
    'stacks[0].tags: "aws:owner" is a reserved tag key',
  ],
  [
    'an unsupported backend',
    (s) => {
      s.backend = { type: 'gcs' };
    },
    'stacks[0].backend.type: "gcs" is not a supported backend type',
  ],
  [
    'an absolute state path',
    (s) => {
      s.backend = { type: 'local', path: '/var/state/x.tfstate' };
    },
    'stacks[0].backend.path: "/var/state/x.tfstate" must be a non-empty path relative to the project folder',
  ],
  [
    'an S3 backend without a key',
    (s) => {
      s.backend = { type: 's3', bucket: 'tf-state', region: 'ap-northeast-1' };
    },
    'stacks[0].backend.key: (missing) is required',
  ],
  [
    'an S3 bucket name with capitals',
    (s) => {
      s.backend = { type: 's3', bucket: 'TF_State', key: 'k', region: 'ap-northeast-1' };
    },
    'stacks[0].backend.bucket: "TF_State" is not an S3 bucket name',
  ],
  [
    'an S3 backend in no region',
    (s) => {
      s.backend = { type: 's3', bucket: 'tf-state', key: 'k', region: 'tokyo' };
    },
    'stacks[0].backend.region: "tokyo" is not an AWS region name',
  ],
  [
    'a malformed state role ARN',
    (s) => {
      s.backend = { type: 's3', bucket: 'tf-state', key: 'k', region: 'ap-northeast-1', roleArn: 'state-role' };
    },
    'stacks[0].backend.roleArn: "state-role" is not an IAM role ARN',
  ],
  [
    'S3 state with no locking at all',
    (s) => {
      s.backend = { type: 's3', bucket: 'tf-state', key: 'k', region: 'ap-northeast-1', useLockfile: false };
    },
    'stacks[0].backend.useLockfile: false leaves the state unlocked',
  ],
  [
    'a cloud backend without a workspace',
    (s) => {
      s.backend = { type: 'cloud', organization: 'acme' };
    },
    'stacks[0].backend.workspace: (missing) is required',
  ],
  [
    'a cloud workspace name with spaces',
    (s) => {
      s.backend = { type: 'cloud', organization: 'acme', workspace: 'ecr prod' };
    },
    'stacks[0].backend.workspace: "ecr prod" is not a workspace name',
  ],
  [
    'an adopted resource the stack does not have',
    (s) => {
      s.adopt = { 'ecr.apii': 'vpce-0a1b2c3d4e5f60005' };
    },
    'stacks[0].adopt.ecr.apii: "vpce-0a1b2c3d4e5f60005" names no resource of this stack (it has: securityGroup, s3, ecr.api, ecr.dkr)',
  ],
  [
    'a security group ID adopted as the S3 gateway',
    (s) => {
      s.adopt = { s3: 'sg-0a1b2c3d4e5f60004' };
    },
    'stacks[0].adopt.s3: "sg-0a1b2c3d4e5f60004" is not a VPC endpoint ID',
  ],
  [
    'one endpoint adopted twice',
    (s) => {
      s.adopt = { 'ecr.api': 'vpce-0a1b2c3d4e5f60005', 'ecr.dkr': 'vpce-0a1b2c3d4e5f60005' };
    },
    'stacks[0].adopt.ecr.dkr: "vpce-0a1b2c3d4e5f60005" is adopted twice',
  ],
  [
    'an unknown backend key',
    (s) => {
      s.backend = { type: 'local', bucket: 'b' };
    },
    'stacks[0].backend.bucket: "b" is not a known field',
  ],
  [
    'an invalid stack name',
    (s) => {
      s.name = 'my stack';
    },
    'stacks[0].name: "my stack" is not a valid stack name',
  ],
  [
    'an unknown workload',
    (s) => {
      s.workload = 'lambda';
    },
    'stacks[0].workload: "lambda" is not one of "ecr-only", "ecs-fargate", "ecs-ec2", "eks"',
  ],
  [
    'a malformed additional service',
    (s) => {
      s.additionalInterfaceServices = ['Logs'];
    },
    'stacks[0].additionalInterfaceServices[0]: "Logs" is not an endpoint service short name',
  ],
  [
    'a non-boolean leastPrivilegePolicies',
    (s) => {
      s.leastPrivilegePolicies = 'yes';
    },
    'stacks[0].leastPrivilegePolicies: "yes" must be true or false',
  ],
  [
    'extra buckets without leastPrivilegePolicies',
    (s) => {
      s.extraS3BucketArns = ['arn:aws:s3:::my-bucket'];
    },
    'stacks[0].extraS3BucketArns: ["arn:aws:s3:::my-bucket"] only takes effect with "leastPrivilegePolicies": true',
  ],
  [
    'a bucket object ARN instead of a bucket ARN',
    (s) => {
      s.leastPrivilegePolicies = true;
      s.extraS3BucketArns = ['arn:aws:s3:::my-bucket/*'];
    },
    'stacks[0].extraS3BucketArns[0]: "arn:aws:s3:::my-bucket/*" is not an S3 bucket ARN',
  ],
  [
    'a bucket ARN of another partition',
    (s) => {
      s.leastPrivilegePolicies = true;
      s.extraS3BucketArns = ['arn:aws-cn:s3:::my-bucket'];
    },
    'stacks[0].extraS3BucketArns[0]: "arn:aws-cn:s3:::my-bucket" is in partition "aws-cn", but ap-northeast-1 is in "aws"',
  ],
  [
    'a non-boolean preflight',
    (s) => {
      s.preflight = 'off';
    },
    'stacks[0].preflight: "off" must be true or false',
  ],
  [
    'a malformed account ID',
    (s) => {
      s.leastPrivilegePolicies = true;
      s.allowedAccountIds = ['1234'];
    },
    'stacks[0].allowedAccountIds[0]: "1234" is not an AWS account ID',
  ],
  [
    'a malformed client security group ID',
    (s) => {
      s.clientSecurityGroupIds = ['sg-12'];
    },
    'stacks[0].clientSecurityGroupIds[0]: "sg-12" is not a security group ID',
  ],
  [
    'an empty client security group list',
    (s) => {
      s.clientSecurityGroupIds = [];
    },
    'stacks[0].clientSecurityGroupIds: [] is empty',
  ],
  [
    'a duplicated route table',
    (s) => {
      s.privateRouteTableIds = ['rtb-0a1b2c3d4e5f60003', 'rtb-0a1b2c3d4e5f60003'];
    },
    'stacks[0].privateRouteTableIds[1]: "rtb-0a1b2c3d4e5f60003" is listed twice',
  ],
  [
    'an empty stack name',
    (s) => {
      s.name = '';
    },
    'stacks[0].name: "" is not a valid stack name',
  ],
  [
    'duplicate stack names, even in other case',
    (s, r) => {
      r.stacks.push({ ...s, name: 'Sample' });
    },
    'stacks[1].name: "Sample" is listed twice',
  ],
  [
    'a CIDR with a leading zero',
    (s) => {
      s.allowedCidrBlocks = ['010.0.0.0/16'];
    },
    'stacks[0].allowedCidrBlocks[0]: "010.0.0.0/16" is not an IPv4 CIDR block',
  ],
  [
    'a NUL character in a state path',
    (s) => {
      s.backend = { type: 'local', path: 'a\u0000.tfstate' };
    },
    'stacks[0].backend.path: "a\\u0000.tfstate" must be a non-empty path relative to the project folder',
  ],
  [
    'a key named like an Object.prototype member as backend type',
    (s) => {
      s.backend = { type: 'constructor' };
    },
    'stacks[0].backend.type: "constructor" is not a supported backend type',
  ],
  [
    'an interface service named like an Object.prototype member',
    (s) => {
      s.interfaceServices = ['ecr.dkr', 'constructor'];
      s.adopt = { toString: 'vpce-0a1b2c3d4e5f60005' };
    },
    'stacks[0].adopt.toString: "vpce-0a1b2c3d4e5f60005" names no resource of this stack',
  ],
  [
    'two stacks with one local state file',
    (s, r) => {
      r.stacks.push({ ...s, name: 'second', namePrefix: 'second', backend: { type: 'local', path: './terraform.sample.tfstate' } });
    },
    'stacks[1].backend: {"type":"local","path":"./terraform.sample.tfstate"} is the state of stacks[0] ("sample") too',
  ],
  [
    "an explicit state path equal to another stack's default",
    (s, r) => {
      delete s.backend;
      r.stacks.push({ ...s, name: 'second', namePrefix: 'second', backend: { type: 'local', path: 'terraform.sample.tfstate' } });
    },
    'stacks[1].backend: {"type":"local","path":"terraform.sample.tfstate"} is the state of stacks[0] ("sample") too',
  ],
  [
    'two stacks with one S3 state object',
    (s, r) => {
      s.backend = { type: 's3', bucket: 'tf-state', key: 'ecr.tfstate', region: 'ap-northeast-1' };
      r.stacks.push({ ...s, name: 'second', namePrefix: 'second' });
    },
    'is the state of stacks[0] ("sample") too; give each stack its own',
  ],
  [
    'two stacks with one name prefix in one VPC and region',
    (s, r) => {
      r.stacks.push({ ...s, name: 'second', backend: undefined });
    },
    'stacks[1].namePrefix: "sample" in the same VPC and region is the name prefix of stacks[0] ("sample") too',
  ],
  [
    'an acknowledgement of an error rule',
    (s) => {
      s.acknowledge = { EcrDkrPrivateDns: 'we know' };
    },
    'stacks[0].acknowledge: "EcrDkrPrivateDns" is not a warning that can be acknowledged',
  ],
  [
    'an acknowledgement without a reason',
    (s) => {
      s.acknowledge = { S3GatewayInterruption: ' ' };
    },
    'stacks[0].acknowledge.S3GatewayInterruption: " " must give a reason',
  ],
  [
    'an S3 endpoint that is not a URL',
    (s) => {
      s.backend = { type: 's3', bucket: 'tf-state', key: 'k', region: 'us-east-1', endpoint: 'minio:9000' };
    },
    'stacks[0].backend.endpoint: "minio:9000" is not an http(s) URL',
  ],
  [
    'an unknown IP address type',
    (s) => {
      s.ipAddressType = 'dual';
    },
    'stacks[0].ipAddressType: "dual" is not one of "ipv4", "dualstack", "ipv6"',
  ],
  [
    'an unknown DNS record IP type',
    (s) => {
      s.dnsRecordIpType = 'aaaa';
    },
    'stacks[0].dnsRecordIpType: "aaaa" is not one of "ipv4", "dualstack", "ipv6", "service-defined"',
  ],
  [
    'AAAA and A records on IPv4 endpoints (the default type)',
    (s) => {
      s.dnsRecordIpType = 'dualstack';
    },
    'stacks[0].dnsRecordIpType: "dualstack" needs "ipAddressType" "dualstack", not "ipv4" (the default)',
  ],
  [
    'A records on IPv6 endpoints',
    (s) => {
      s.ipAddressType = 'ipv6';
      s.dnsRecordIpType = 'ipv4';
    },
    'stacks[0].dnsRecordIpType: "ipv4" needs "ipAddressType" "ipv4" or "dualstack", not "ipv6"',
  ],
  [
    'an unknown S3 gateway IP address type',
    (s) => {
      s.s3GatewayIpAddressType = 'v6';
    },
    'stacks[0].s3GatewayIpAddressType: "v6" is not one of "ipv4", "dualstack", "ipv6"',
  ],
  [
    'IPv6 client networks for IPv4 endpoints',
    (s) => {
      s.allowedIpv6CidrBlocks = ['2600:1f18:4d3:5e00::/56'];
    },
    'stacks[0].allowedIpv6CidrBlocks: ["2600:1f18:4d3:5e00::/56"] only takes effect with "ipAddressType" "dualstack" or "ipv6"',
  ],
  [
    'the whole IPv6 internet as clients',
    (s) => {
      s.ipAddressType = 'dualstack';
      s.allowedIpv6CidrBlocks = ['::/0'];
    },
    'stacks[0].allowedIpv6CidrBlocks[0]: "::/0" opens the endpoints to the whole internet',
  ],
  [
    'an IPv6 client network with host bits',
    (s) => {
      s.ipAddressType = 'dualstack';
      s.allowedIpv6CidrBlocks = ['2600:1f18:4d3:5e00::1/56'];
    },
    'stacks[0].allowedIpv6CidrBlocks[0]: "2600:1f18:4d3:5e00::1/56" has host bits set; did you mean "2600:1f18:4d3:5e00::/56"?',
  ],
  [
    'an IPv4 network among the IPv6 clients',
    (s) => {
      s.ipAddressType = 'dualstack';
      s.allowedIpv6CidrBlocks = ['10.0.0.0/16'];
    },
    'stacks[0].allowedIpv6CidrBlocks[0]: "10.0.0.0/16" is not an IPv6 CIDR block',
  ],
  [
    'a fixed address keyed by something not a subnet ID',
    (s) => {
      s.endpointAddresses = { 'ecr.api': { 'rtb-0a1b2c3d4e5f60003': { ipv4: '10.0.0.10' } } };
    },
    'stacks[0].endpointAddresses.ecr.api: "rtb-0a1b2c3d4e5f60003" is not a subnet ID',
  ],
  [
    'a fixed address that is not an IPv4 address',
    (s) => {
      s.endpointAddresses = {
        'ecr.api': { 'subnet-0a1b2c3d4e5f60001': { ipv4: '10.0.0.256' }, 'subnet-0a1b2c3d4e5f60002': { ipv4: '10.0.1.10' } },
      };
    },
    'stacks[0].endpointAddresses.ecr.api.subnet-0a1b2c3d4e5f60001.ipv4: "10.0.0.256" is not an IPv4 address',
  ],
  [
    'a fixed address entry with no address',
    (s) => {
      s.endpointAddresses = { 'ecr.api': { 'subnet-0a1b2c3d4e5f60001': {}, 'subnet-0a1b2c3d4e5f60002': { ipv4: '10.0.1.10' } } };
    },
    'stacks[0].endpointAddresses.ecr.api.subnet-0a1b2c3d4e5f60001: {} gives no address; give "ipv4", "ipv6" or both',
  ],
  [
    'a fixed address in a subnet that is not a private subnet of the stack',
    (s) => {
      s.endpointAddresses = {
        'ecr.api': {
          'subnet-0a1b2c3d4e5f60001': { ipv4: '10.0.0.10' },
          'subnet-0a1b2c3d4e5f60002': { ipv4: '10.0.1.10' },
          'subnet-0fedcba9876543210': { ipv4: '10.0.9.10' },
        },
      };
    },
    'stacks[0].endpointAddresses.ecr.api.subnet-0fedcba9876543210: {"ipv4":"10.0.9.10"} is not a subnet of privateSubnetIds',
  ],
  [
    'fixed addresses for one subnet of two',
    (s) => {
      s.endpointAddresses = { 'ecr.dkr': { 'subnet-0a1b2c3d4e5f60001': { ipv4: '10.0.0.10' } } };
    },
    'stacks[0].endpointAddresses.ecr.dkr: {"subnet-0a1b2c3d4e5f60001":{"ipv4":"10.0.0.10"}} gives no address in subnet-0a1b2c3d4e5f60002; give one in every subnet of privateSubnetIds',
  ],
  [
    'fixed addresses for a service the stack does not create',
    (s) => {
      s.endpointAddresses = {
        logs: { 'subnet-0a1b2c3d4e5f60001': { ipv4: '10.0.0.10' }, 'subnet-0a1b2c3d4e5f60002': { ipv4: '10.0.1.10' } },
      };
    },
    'stacks[0].endpointAddresses.logs: {"subnet-0a1b2c3d4e5f60001":{"ipv4":"10.0.0.10"},"subnet-0a1b2c3d4e5f60002":{... names no interface endpoint of this stack (it has: ecr.api, ecr.dkr)',
  ],
  [
    'a non-boolean addressOutputs',
    (s) => {
      s.addressOutputs = 'yes';
    },
    'stacks[0].addressOutputs: "yes" must be true or false',
  ],
  [
    'a non-boolean nameTags',
    (s) => {
      s.nameTags = 1;
    },
    'stacks[0].nameTags: 1 must be true or false',
  ],
  [
    'nameTags and a Name tag of its own',
    (s) => {
      s.nameTags = true;
      s.tags = { Name: 'ecr' };
    },
    'stacks[0].tags.Name: "ecr" would name every resource alike, while "nameTags": true names each by its resource name',
  ],
  [
    'S3 presets without leastPrivilegePolicies',
    (s) => {
      s.s3GatewayPresets = ['amazon-linux-2023'];
    },
    'stacks[0].s3GatewayPresets: ["amazon-linux-2023"] only takes effect with "leastPrivilegePolicies": true',
  ],
  [
    'an unknown S3 preset',
    (s) => {
      s.leastPrivilegePolicies = true;
      s.s3GatewayPresets = ['ubuntu'];
    },
    'stacks[0].s3GatewayPresets[0]: "ubuntu" is not a preset ("amazon-linux-2", "amazon-linux-2023")',
  ],
  [
    'an S3 preset in a partition without documented buckets',
    (s) => {
      s.region = 'cn-north-1';
      s.leastPrivilegePolicies = true;
      s.s3GatewayPresets = ['amazon-linux-2'];
    },
    'stacks[0].s3GatewayPresets[0]: "amazon-linux-2" has no documented buckets in partition "aws-cn" (cn-north-1)',
  ],
  [
    'a spoke naming an unknown hub',
    (s, r) => {
      s.hub = {};
      r.stacks.push(spoke({ spokeOf: 'sampel' }));
    },
    'stacks[1].spokeOf: "sampel" names no stack of this config (did you mean "sample"?)',
  ],
  [
    'a spoke naming another spoke',
    (s, r) => {
      s.hub = {};
      r.stacks.push(spoke(), spoke({ name: 'team-b', namePrefix: 'team-b', vpcId: 'vpc-0b0b0b0b0b0b0b0b2', spokeOf: 'team-a' }));
    },
    'stacks[2].spokeOf: "team-a" names another spoke (a spoke of "sample"); name a hub',
  ],
  [
    'a spoke naming a stack that is not a hub',
    (_, r) => {
      r.stacks.push(spoke());
    },
    'stacks[1].spokeOf: "sample" names a stack without "hub"; add "hub": {} to stacks[0] to make it one',
  ],
  [
    'a spoke in another region than its hub',
    (s, r) => {
      s.hub = {};
      r.stacks.push(spoke({ region: 'eu-west-1' }));
    },
    'stacks[1].region: "eu-west-1" is not the region of its hub "sample" (ap-northeast-1)',
  ],
  [
    'a cross-account spoke without a role',
    (s, r) => {
      s.hub = {};
      r.stacks.push(spoke({ accountId: '210987654321' }));
    },
    `stacks[1].accountId: "210987654321" is another account than the hub's: Route 53 associates a zone only from the VPC's own account; name a role there in "associationRoleArn"`,
  ],
  [
    "a cross-account VPC in a hub's spokes without a role",
    (s) => {
      s.hub = { spokes: [{ vpcId: 'vpc-0c0c0c0c0c0c0c0c3', accountId: '210987654321' }] };
    },
    `stacks[0].hub.spokes[0].accountId: "210987654321" is another account than the hub's`,
  ],
  [
    "a spoke's role in another account than its accountId",
    (s, r) => {
      s.hub = {};
      r.stacks.push(spoke({ accountId: '210987654321', associationRoleArn: 'arn:aws:iam::123456789012:role/zones' }));
    },
    'stacks[1].associationRoleArn: "arn:aws:iam::123456789012:role/zones" is a role of account 123456789012, but accountId is 210987654321',
  ],
  [
    'one VPC a spoke of two hubs for the same service',
    (s, r) => {
      s.hub = {};
      r.stacks.push(spoke(), {
        ...s,
        name: 'hub2',
        namePrefix: 'hub2',
        vpcId: 'vpc-0e0e0e0e0e0e0e0e5',
        backend: undefined,
        hub: { spokes: [{ vpcId: 'vpc-0a0a0a0a0a0a0a0a1' }] },
      });
    },
    'stacks[2].hub.spokes[0].vpcId: "vpc-0a0a0a0a0a0a0a0a1" would get the private DNS names of ecr.api, ecr.dkr twice, from hub "sample" and from hub "hub2"; Route 53 refuses',
  ],
  [
    'a VPC with its own private-DNS endpoints listed as a spoke',
    (s, r) => {
      r.stacks.push({
        ...s,
        name: 'hub2',
        namePrefix: 'hub2',
        vpcId: 'vpc-0e0e0e0e0e0e0e0e5',
        backend: undefined,
        hub: { spokes: [{ vpcId: s.vpcId }] },
      });
    },
    `stacks[1].hub.spokes[0].vpcId: "vpc-0a1b2c3d4e5f60718" would get the private DNS names of ecr.api, ecr.dkr twice, from stacks[0] ("sample")'s own endpoints with private DNS and from hub "hub2"`,
  ],
  [
    'a hub listing its own VPC as a spoke',
    (s) => {
      s.hub = { spokes: [{ vpcId: s.vpcId }] };
    },
    'stacks[0].hub.spokes[0].vpcId: "vpc-0a1b2c3d4e5f60718" is the VPC of its hub "sample" itself',
  ],
  [
    'a spoke with subnets for interface endpoints',
    (s, r) => {
      s.hub = {};
      r.stacks.push(spoke({ privateSubnetIds: s.privateSubnetIds }));
    },
    'stacks[1].privateSubnetIds: ["subnet-0a1b2c3d4e5f60001","subnet-0a1b2c3d4e5f60002"] is not for a spoke: its hub has the interface endpoints',
  ],
  [
    'a spoke without route tables',
    (s, r) => {
      s.hub = {};
      r.stacks.push(spoke({ privateRouteTableIds: undefined }));
    },
    'stacks[1].privateRouteTableIds: (missing) is required',
  ],
  [
    "a spoke's client groups with no hub endpoint networks to send them to",
    (s, r) => {
      s.hub = {};
      r.stacks.push(spoke({ clientSecurityGroupIds: ['sg-0a0a0a0a0a0a0a0a1'] }));
    },
    `stacks[1].clientSecurityGroupIds: ["sg-0a0a0a0a0a0a0a0a1"] need the networks of hub "sample"'s endpoints for their egress rules`,
  ],
  [
    "a spoke's network with host bits",
    (s, r) => {
      s.hub = {};
      r.stacks.push(spoke({ allowedCidrBlocks: ['10.1.2.0/16'] }));
    },
    'stacks[1].allowedCidrBlocks[0]: "10.1.2.0/16" has host bits set; did you mean "10.1.0.0/16"?',
  ],
  [
    'a stack that is no spoke without allowedCidrBlocks',
    (s) => {
      delete s.allowedCidrBlocks;
    },
    'stacks[0].allowedCidrBlocks: (missing) is required',
  ],
  [
    'an accountId on a stack that is no spoke',
    (s) => {
      s.accountId = '210987654321';
    },
    'stacks[0].accountId: "210987654321" is only for a spoke (a stack with "spokeOf")',
  ],
  [
    'an unknown field in a hub',
    (s) => {
      s.hub = { spoke: [] };
    },
    'stacks[0].hub.spoke: [] is not a known field (did you mean "spokes"?)',
  ],
  [
    'a least-privilege hub whose policy leaves out a spoke account',
    (s, r) => {
      s.hub = {};
      s.leastPrivilegePolicies = true;
      r.stacks.push(spoke({ accountId: '210987654321', associationRoleArn: 'arn:aws:iam::210987654321:role/zones' }));
    },
    `stacks[0].allowedAccountIds: (missing) lacks the accounts of the hub's spokes (210987654321): the ECR endpoints' policy would refuse their principals`,
  ],
  [
    'dual-stack endpoints in a hub',
    (s) => {
      s.hub = {};
      s.ipAddressType = 'dualstack';
    },
    'stacks[0].ipAddressType: "dualstack" is not supported with "hub": its private hosted zones hold A alias records only',
  ],
  [
    'an IP address type in a spoke',
    (s, r) => {
      s.hub = {};
      r.stacks.push(spoke({ ipAddressType: 'dualstack', s3GatewayIpAddressType: 'dualstack' }));
    },
    'stacks[1].ipAddressType: "dualstack" is not for a spoke: its hub has the interface endpoints',
  ],
  [
    'fixed addresses in a spoke',
    (s, r) => {
      s.hub = {};
      r.stacks.push(spoke({ endpointAddresses: { 'ecr.api': { 'subnet-0a0a0a0a0a0a0a0a1': { ipv4: '10.1.0.10' } } } }));
    },
    'stacks[1].endpointAddresses: {"ecr.api":{"subnet-0a0a0a0a0a0a0a0a1":{"ipv4":"10.1.0.10"}}} is not for a spoke',
  ],
];
