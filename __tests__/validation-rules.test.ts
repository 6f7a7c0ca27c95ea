import { parseConfig } from '../lib/config/parse-config';
import { ValidationError } from '../lib/validation/problem';
import * as rules from '../lib/validation/rules';

/** The message the config schema gives `value` in a stack's `field`, or undefined when it accepts it. */
function schemaSays(field: string, value: unknown): string | undefined {
  const stack = {
    name: 'sample',
    region: 'ap-northeast-1',
    namePrefix: 'sample',
    vpcId: 'vpc-0a1b2c3d4e5f60718',
    privateSubnetIds: ['subnet-0a1b2c3d4e5f60001'],
    privateRouteTableIds: ['rtb-0a1b2c3d4e5f60003'],
    allowedCidrBlocks: ['10.0.0.0/16'],
    [field]: value,
  };
  try {
    parseConfig(JSON.stringify({ stacks: [stack] }), 'test.json');
    return undefined;
  } catch (error) {
    return (error as ValidationError).message;
  }
}

describe('field shapes (the config schema)', () => {
  test.each(['vpc-0a1b2c3d', 'vpc-0a1b2c3d4e5f60718'])('GIVEN VPC ID %s THEN it is accepted', (id) => {
    expect(schemaSays('vpcId', id)).toBeUndefined();
  });

  test.each([
    ['vpc-123', 'not a VPC ID'],
    ['subnet-0a1b2c3d', 'not a VPC ID'],
    ['vpc-0A1B2C3D', 'not a VPC ID'],
    ['vpc-0a1b2c3d4e5f6071', 'not a VPC ID'],
  ])('GIVEN VPC ID %s THEN it is refused as %s', (id, message) => {
    expect(schemaSays('vpcId', id)).toContain(message);
  });

  test.each(['ap-northeast-1', 'us-gov-west-1', 'cn-north-1', 'us-isob-east-1', 'eu-central-2', 'eusc-de-east-1'])(
    'GIVEN region %s THEN it is accepted',
    (region) => expect(schemaSays('region', region)).toBeUndefined(),
  );

  test.each(['tokyo', 'ap-northeast', 'AP-NORTHEAST-1', 'ap-northeast-1a'])('GIVEN region %s THEN it is refused', (region) => {
    expect(schemaSays('region', region)).toContain('not an AWS region name');
  });

  test.each([
    ['10.0.0.0/16', undefined],
    ['192.168.1.128/25', undefined],
    ['10.0.0.5/32', undefined],
    ['10.0.0.0/33', 'prefix length 0-32'],
    ['256.0.0.0/8', 'octets 0-255'],
    ['010.0.0.0/16', 'without leading zeros'],
    ['10.00.0.0/16', 'without leading zeros'],
    ['10.0.0.0', 'not an IPv4 CIDR block'],
    ['fd00::/8', 'not an IPv4 CIDR block'],
    ['0.0.0.0/0', 'whole internet'],
  ])('GIVEN client CIDR %s THEN the schema says %s', (cidr, expected) => {
    expect(schemaSays('allowedCidrBlocks', [cidr])).toEqual(expected === undefined ? undefined : expect.stringContaining(expected));
  });

  test.each([
    ['sample', undefined],
    ['prod_tokyo-1', undefined],
    ['1abc', 'not a valid name prefix'],
    ['a.b', 'not a valid name prefix'],
    ['', 'not a valid name prefix'],
    ['sg', 'AWS refuses'],
    ['sg-team', 'AWS refuses'],
    ['SG-team', 'AWS refuses'],
  ])('GIVEN name prefix %j THEN the schema says %s', (prefix, expected) => {
    expect(schemaSays('namePrefix', prefix)).toEqual(expected === undefined ? undefined : expect.stringContaining(expected));
  });

  test.each([
    ['ecr.api', undefined],
    ['ecs-agent', undefined],
    ['s3', 'S3 *gateway*'],
    ['ECR.API', 'not an endpoint service short name'],
    ['com.amazonaws.ap-northeast-1.ecr.api', 'is a full service name; write only the part after the region'],
    ['cn.com.amazonaws.cn-north-1.ecr.dkr', 'is a full service name'],
  ])('GIVEN additional interface service %s THEN the schema says %s', (service, expected) => {
    expect(schemaSays('additionalInterfaceServices', [service])).toEqual(
      expected === undefined ? undefined : expect.stringContaining(expected),
    );
  });
});

describe('rules on meaning (the construct)', () => {
  test.each([
    ['10.0.0.0/16', undefined],
    ['10.0.0.1/16', 'did you mean "10.0.0.0/16"?'],
    ['172.16.5.4/12', 'did you mean "172.16.0.0/12"?'],
  ])('GIVEN client CIDR %s THEN the host-bits rule says %s', (cidr, expected) => {
    expect(rules.cidrWithoutHostBits(cidr)).toEqual(expected === undefined ? undefined : expect.stringContaining(expected));
  });

  test.each([
    ['ap-northeast-1', 'arn:aws:s3:::b', undefined],
    ['cn-north-1', 'arn:aws-cn:s3:::b', undefined],
    ['ap-northeast-1', 'arn:aws-cn:s3:::b', 'is in partition "aws-cn", but ap-northeast-1 is in "aws"'],
  ])('GIVEN region %s and bucket %s THEN the partition rule says %s', (region, arn, expected) => {
    expect(rules.inPartitionOf(region)(arn)).toEqual(expected);
  });

  test.each([
    ['ECR PrivateLink endpoints: HTTPS from inside the VPC', undefined],
    ['Endpoints (prod) #1', undefined],
    ['Endpunkte für ECR', 'not a valid security group description'],
    ['x'.repeat(256), 'not a valid security group description'],
  ])('GIVEN security group description %j THEN the rule says %s', (description, expected) => {
    expect(rules.securityGroupDescription(description)).toEqual(expected === undefined ? undefined : expect.stringContaining(expected));
  });
});
