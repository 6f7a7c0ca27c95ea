import { readFileSync } from 'fs';
import Ajv from 'ajv';
import { parseConfig } from '../lib/config/parse-config';
import { formatProblem, ValidationError } from '../lib/validation/problem';
import { EXAMPLE_CONFIG_PATH, REPO_ROOT } from './support/example-stack';

const EXAMPLE_TEXT = readFileSync(EXAMPLE_CONFIG_PATH, 'utf8');
const validateAgainstSchema = new Ajv({ allErrors: true }).compile(
  JSON.parse(readFileSync(`${REPO_ROOT}/config/schema.json`, 'utf8')),
);

/** The example config with its first stack changed by `edit`. */
function exampleWith(edit: (stack: Record<string, any>, root: Record<string, any>) => void): Record<string, any> {
  const root = JSON.parse(EXAMPLE_TEXT);
  edit(root.stacks[0], root);
  return root;
}

function problemsOf(config: unknown): string[] {
  try {
    parseConfig(JSON.stringify(config), 'test.json');
  } catch (error) {
    if (error instanceof ValidationError) {
      return error.problems.map(formatProblem);
    }
    throw error;
  }
  return [];
}

describe('parseConfig', () => {
  describe('GIVEN the committed example', () => {
    const config = parseConfig(EXAMPLE_TEXT, EXAMPLE_CONFIG_PATH);

    test('THEN it holds one stack "sample" in ap-northeast-1 with the article\'s prefix', () => {
      expect(config.stacks).toHaveLength(1);
      expect(config.stacks[0]).toMatchObject({ name: 'sample', region: 'ap-northeast-1', namePrefix: 'sample' });
    });

    test('THEN the editor schema accepts it too', () => {
      expect(validateAgainstSchema(JSON.parse(EXAMPLE_TEXT))).toBe(true);
    });
  });

  describe('GIVEN only the required fields', () => {
    const minimal = exampleWith((stack) => {
      delete stack.interfaceServices;
      delete stack.tags;
      delete stack.backend;
    });

    test('THEN the local backend defaults to terraform.<name>.tfstate, relative to the project', () => {
      const [stack] = parseConfig(JSON.stringify(minimal), 'minimal.json').stacks;
      expect(stack.backend).toEqual({ type: 'local', path: 'terraform.sample.tfstate' });
      expect(stack.tags).toEqual({});
      expect(stack.interfaceServices).toBeUndefined();
      expect(validateAgainstSchema(minimal)).toBe(true);
    });
  });

  describe('GIVEN every optional field', () => {
    const full = exampleWith((stack) => {
      stack.workload = 'eks';
      stack.additionalInterfaceServices = ['autoscaling'];
      stack.leastPrivilegePolicies = true;
      stack.extraS3BucketArns = ['arn:aws:s3:::my-team-artifacts'];
      stack.allowedAccountIds = ['123456789012'];
      stack.clientSecurityGroupIds = ['sg-0a1b2c3d4e5f60099'];
      stack.tags = { team: 'platform' };
      delete stack.interfaceServices;
    });

    test('THEN the app and the editor schema both accept it, and the fields come through', () => {
      const [stack] = parseConfig(JSON.stringify(full), 'full.json').stacks;
      expect(stack).toMatchObject({
        workload: 'eks',
        additionalInterfaceServices: ['autoscaling'],
        leastPrivilegePolicies: true,
        extraS3BucketArns: ['arn:aws:s3:::my-team-artifacts'],
        allowedAccountIds: ['123456789012'],
        clientSecurityGroupIds: ['sg-0a1b2c3d4e5f60099'],
      });
      expect(validateAgainstSchema(full)).toBe(true);
    });
  });

  describe('GIVEN several stacks', () => {
    test('THEN all are returned in order', () => {
      const config = exampleWith((stack, root) => {
        root.stacks.push({ ...stack, name: 'tokyo-2', namePrefix: 'second' });
      });
      expect(parseConfig(JSON.stringify(config), 'two.json').stacks.map((s) => s.name)).toEqual(['sample', 'tokyo-2']);
    });
  });

  // Each bad input: how to break the example, the message the user must see (field and value named), and
  // whether the editor schema can see it too (some rules, like CIDR host bits, only the app checks).
  describe.each<[string, (stack: Record<string, any>, root: Record<string, any>) => void, string, boolean]>([
    ['an unknown key (typo)', (s) => { s.privateSubnetId = s.privateSubnetIds; }, 'stacks[0].privateSubnetId: ["subnet-0a1b2c3d4e5f60001","subnet-0a1b2c3d4e5f60002"] is not a known field (did you mean "privateSubnetIds"?', true],
    ['an unknown top-level key', (_, r) => { r.stack = []; }, 'stack: [] is not a known field (did you mean "stacks"?', true],
    ['no stacks', (_, r) => { r.stacks = []; }, 'stacks: [] must be a non-empty list of stacks', true],
    ['a missing required field', (s) => { delete s.vpcId; }, 'stacks[0].vpcId: (missing) is required', true],
    ['a field of the wrong type', (s) => { s.privateSubnetIds = 'subnet-0a1b2c3d4e5f60001'; }, 'stacks[0].privateSubnetIds: "subnet-0a1b2c3d4e5f60001" must be a list of strings', true],
    ['a malformed VPC ID', (s) => { s.vpcId = 'vpc-XYZ'; }, 'stacks[0].vpcId: "vpc-XYZ" is not a VPC ID', true],
    ['a malformed subnet ID', (s) => { s.privateSubnetIds[1] = 'subnet-123'; }, 'stacks[0].privateSubnetIds[1]: "subnet-123" is not a subnet ID', true],
    ['a route table ID in the subnet list', (s) => { s.privateSubnetIds[0] = 'rtb-0a1b2c3d4e5f60003'; }, 'stacks[0].privateSubnetIds[0]: "rtb-0a1b2c3d4e5f60003" is not a subnet ID', true],
    ['a malformed route table ID', (s) => { s.privateRouteTableIds = ['rtb-1']; }, 'stacks[0].privateRouteTableIds[0]: "rtb-1" is not a route table ID', true],
    ['an empty subnet list', (s) => { s.privateSubnetIds = []; }, 'stacks[0].privateSubnetIds: [] is empty', true],
    ['an empty route table list', (s) => { s.privateRouteTableIds = []; }, 'stacks[0].privateRouteTableIds: [] is empty', true],
    ['a duplicated subnet', (s) => { s.privateSubnetIds[1] = s.privateSubnetIds[0]; }, 'stacks[0].privateSubnetIds[1]: "subnet-0a1b2c3d4e5f60001" is listed twice', true],
    ['an empty CIDR list', (s) => { s.allowedCidrBlocks = []; }, 'stacks[0].allowedCidrBlocks: [] is empty', true],
    ['a bad CIDR', (s) => { s.allowedCidrBlocks = ['10.0.0.0']; }, 'stacks[0].allowedCidrBlocks[0]: "10.0.0.0" is not an IPv4 CIDR block', true],
    ['a CIDR with host bits set', (s) => { s.allowedCidrBlocks = ['10.0.3.0/16']; }, 'stacks[0].allowedCidrBlocks[0]: "10.0.3.0/16" has host bits set; did you mean "10.0.0.0/16"?', false],
    ['a world-open CIDR', (s) => { s.allowedCidrBlocks = ['0.0.0.0/0']; }, 'stacks[0].allowedCidrBlocks[0]: "0.0.0.0/0" opens the endpoints to the whole internet', true],
    ['a region that is not one', (s) => { s.region = 'tokyo'; }, 'stacks[0].region: "tokyo" is not an AWS region name', true],
    ['an invalid name prefix', (s) => { s.namePrefix = 'my prefix'; }, 'stacks[0].namePrefix: "my prefix" is not a valid name prefix', true],
    ['a name prefix that makes an "sg-" group name', (s) => { s.namePrefix = 'sg'; }, 'stacks[0].namePrefix: "sg" would name the security group "sg-...", which AWS refuses', true],
    ['services without ecr.dkr', (s) => { s.interfaceServices = ['ecr.api']; }, 'stacks[0].interfaceServices: ["ecr.api"] lacks "ecr.dkr"', false],
    ['s3 as an interface service', (s) => { s.interfaceServices = ['ecr.dkr', 's3']; }, 'stacks[0].interfaceServices[1]: "s3" is not allowed here', true],
    ['a full service name', (s) => { s.interfaceServices = ['com.amazonaws.ap-northeast-1.ecr.dkr']; }, 'stacks[0].interfaceServices[0]: "com.amazonaws.ap-northeast-1.ecr.dkr" is a full service name', true],
    ['two services with one resource name', (s) => { s.interfaceServices = ['ecr.dkr', 'ecr-dkr']; }, 'stacks[0].interfaceServices[1]: "ecr-dkr" is listed twice', false],
    ['a non-string tag value', (s) => { s.tags = { team: 1 }; }, 'stacks[0].tags.team: 1 must be a string', true],
    ['a reserved tag key', (s) => { s.tags = { 'aws:owner': 'me' }; }, 'stacks[0].tags: "aws:owner" is a reserved tag key', true],
    ['an unsupported backend', (s) => { s.backend = { type: 'gcs' }; }, 'stacks[0].backend.type: "gcs" is not a supported backend type', true],
    ['an absolute state path', (s) => { s.backend = { type: 'local', path: '/var/state/x.tfstate' }; }, 'stacks[0].backend.path: "/var/state/x.tfstate" must be a non-empty path relative to the project folder', true],
    ['an unknown backend key', (s) => { s.backend = { type: 'local', bucket: 'b' }; }, 'stacks[0].backend.bucket: "b" is not a known field', true],
    ['an invalid stack name', (s) => { s.name = 'my stack'; }, 'stacks[0].name: "my stack" is not a valid stack name', true],
    ['an unknown workload', (s) => { s.workload = 'lambda'; }, 'stacks[0].workload: "lambda" is not one of "ecr-only", "ecs-fargate", "ecs-ec2", "eks"', true],
    ['a malformed additional service', (s) => { s.additionalInterfaceServices = ['Logs']; }, 'stacks[0].additionalInterfaceServices[0]: "Logs" is not an endpoint service short name', true],
    ['a non-boolean leastPrivilegePolicies', (s) => { s.leastPrivilegePolicies = 'yes'; }, 'stacks[0].leastPrivilegePolicies: "yes" must be true or false', true],
    ['extra buckets without leastPrivilegePolicies', (s) => { s.extraS3BucketArns = ['arn:aws:s3:::my-bucket']; }, 'stacks[0].extraS3BucketArns: ["arn:aws:s3:::my-bucket"] only takes effect with "leastPrivilegePolicies": true', true],
    ['a bucket object ARN instead of a bucket ARN', (s) => { s.leastPrivilegePolicies = true; s.extraS3BucketArns = ['arn:aws:s3:::my-bucket/*']; }, 'stacks[0].extraS3BucketArns[0]: "arn:aws:s3:::my-bucket/*" is not an S3 bucket ARN', true],
    ['a bucket ARN of another partition', (s) => { s.leastPrivilegePolicies = true; s.extraS3BucketArns = ['arn:aws-cn:s3:::my-bucket']; }, 'stacks[0].extraS3BucketArns[0]: "arn:aws-cn:s3:::my-bucket" is in partition "aws-cn", but ap-northeast-1 is in "aws"', false],
    ['a malformed account ID', (s) => { s.leastPrivilegePolicies = true; s.allowedAccountIds = ['1234']; }, 'stacks[0].allowedAccountIds[0]: "1234" is not an AWS account ID', true],
    ['a malformed client security group ID', (s) => { s.clientSecurityGroupIds = ['sg-12']; }, 'stacks[0].clientSecurityGroupIds[0]: "sg-12" is not a security group ID', true],
    ['an empty client security group list', (s) => { s.clientSecurityGroupIds = []; }, 'stacks[0].clientSecurityGroupIds: [] is empty', true],
    ['duplicate stack names, even in other case', (s, r) => { r.stacks.push({ ...s, name: 'Sample' }); }, 'stacks[1].name: "Sample" is listed twice', false],
  ])('GIVEN %s', (_, edit, expected, schemaSeesIt) => {
    const config = exampleWith(edit);

    test('THEN the app refuses it, naming the field and the value', () => {
      expect(problemsOf(config)).toContainEqual(expect.stringContaining(expected));
    });

    test(`THEN the editor schema ${schemaSeesIt ? 'refuses it too' : 'cannot tell (the app checks it)'}`, () => {
      expect(validateAgainstSchema(config)).toBe(!schemaSeesIt);
    });
  });

  describe('GIVEN several problems at once', () => {
    test('THEN all are reported, not just the first', () => {
      const config = exampleWith((s) => {
        s.vpcId = 'vpc-1';
        s.allowedCidrBlocks = ['10.0.0.1/8'];
      });
      expect(problemsOf(config)).toEqual([
        expect.stringContaining('stacks[0].vpcId'),
        expect.stringContaining('stacks[0].allowedCidrBlocks[0]'),
      ]);
    });
  });

  describe('GIVEN text that is not JSON', () => {
    test('THEN the error names the file and says so', () => {
      expect(() => parseConfig('{ "stacks": [', 'broken.json')).toThrow(/^broken\.json: 1 problem\(s\)\n.*is not valid JSON/);
    });
  });
});
