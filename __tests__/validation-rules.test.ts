import * as rules from '../lib/validation/rules';

describe('validation rules', () => {
  test.each([
    ['vpc', 'vpc-0a1b2c3d'],
    ['vpc', 'vpc-0a1b2c3d4e5f60718'],
    ['subnet', 'subnet-0a1b2c3d4e5f60001'],
    ['rtb', 'rtb-12345678'],
  ] as const)('GIVEN a %s ID %s THEN it is accepted', (prefix, id) => {
    expect(rules.awsId(prefix)(id)).toBeUndefined();
  });

  test.each([
    ['vpc', 'vpc-123', 'not a VPC ID'],
    ['vpc', 'subnet-0a1b2c3d', 'not a VPC ID'],
    ['subnet', 'subnet-0A1B2C3D', 'not a subnet ID'],
    ['rtb', 'rtb-0a1b2c3d4e5f6071', 'not a route table ID'],
  ] as const)('GIVEN a %s ID %s THEN it is refused as %s', (prefix, id, message) => {
    expect(rules.awsId(prefix)(id)).toContain(message);
  });

  test.each(['ap-northeast-1', 'us-gov-west-1', 'cn-north-1', 'us-isob-east-1', 'eu-central-2'])(
    'GIVEN region %s THEN it is accepted',
    (region) => expect(rules.regionName(region)).toBeUndefined(),
  );

  test.each(['tokyo', 'ap-northeast', 'AP-NORTHEAST-1', 'ap-northeast-1a'])('GIVEN region %s THEN it is refused', (region) => {
    expect(rules.regionName(region)).toContain('not an AWS region name');
  });

  test.each([
    ['10.0.0.0/16', undefined],
    ['192.168.1.128/25', undefined],
    ['10.0.0.5/32', undefined],
    ['10.0.0.1/16', 'did you mean "10.0.0.0/16"?'],
    ['172.16.5.4/12', 'did you mean "172.16.0.0/12"?'],
    ['10.0.0.0/33', 'prefix length 0-32'],
    ['256.0.0.0/8', 'octets are 0-255'],
    ['10.0.0.0', 'not an IPv4 CIDR block'],
    ['fd00::/8', 'not an IPv4 CIDR block'],
    ['0.0.0.0/0', 'whole internet'],
  ])('GIVEN client CIDR %s THEN the rule says %s', (cidr, expected) => {
    const message = rules.clientCidrBlock(cidr);
    if (expected === undefined) {
      expect(message).toBeUndefined();
    } else {
      expect(message).toContain(expected);
    }
  });

  test.each([
    ['sample', undefined],
    ['prod_tokyo-1', undefined],
    ['1abc', 'not a valid name prefix'],
    ['a.b', 'not a valid name prefix'],
    ['', 'not a valid name prefix'],
    ['sg', 'AWS refuses'],
    ['sg-team', 'AWS refuses'],
  ])('GIVEN name prefix %j THEN the rule says %s', (prefix, expected) => {
    expect(rules.namePrefix(prefix)).toEqual(expected === undefined ? undefined : expect.stringContaining(expected));
  });

  test.each([
    ['ecr.api', undefined],
    ['ecs-agent', undefined],
    ['s3', 'S3 *gateway*'],
    ['ECR.API', 'not an endpoint service short name'],
    ['com.amazonaws.ap-northeast-1.ecr.api', 'write only the part after the region, e.g. "ecr.api"'],
    ['cn.com.amazonaws.cn-north-1.ecr.dkr', 'e.g. "ecr.dkr"'],
  ])('GIVEN interface service %s THEN the rule says %s', (service, expected) => {
    const message = rules.interfaceServiceName(service);
    expect(message).toEqual(expected === undefined ? undefined : expect.stringContaining(expected));
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
