import { interfaceServicePrefix, partitionOf } from '../lib/naming/partition';
import { InterfaceService } from '../lib/naming/interface-service';
import { s3GatewayServiceName } from '../lib/naming/service-names';

describe('partitions and endpoint service names', () => {
  // region, partition, ecr.dkr service, S3 gateway service
  test.each([
    ['ap-northeast-1', 'aws', 'com.amazonaws.ap-northeast-1.ecr.dkr', 'com.amazonaws.ap-northeast-1.s3'],
    ['us-east-1', 'aws', 'com.amazonaws.us-east-1.ecr.dkr', 'com.amazonaws.us-east-1.s3'],
    ['cn-north-1', 'aws-cn', 'cn.com.amazonaws.cn-north-1.ecr.dkr', 'com.amazonaws.cn-north-1.s3'],
    ['cn-northwest-1', 'aws-cn', 'cn.com.amazonaws.cn-northwest-1.ecr.dkr', 'com.amazonaws.cn-northwest-1.s3'],
    ['us-gov-west-1', 'aws-us-gov', 'com.amazonaws.us-gov-west-1.ecr.dkr', 'com.amazonaws.us-gov-west-1.s3'],
    ['us-gov-east-1', 'aws-us-gov', 'com.amazonaws.us-gov-east-1.ecr.dkr', 'com.amazonaws.us-gov-east-1.s3'],
    ['us-iso-east-1', 'aws-iso', 'gov.ic.c2s.us-iso-east-1.ecr.dkr', 'com.amazonaws.us-iso-east-1.s3'],
    ['us-isob-east-1', 'aws-iso-b', 'gov.sgov.sc2s.us-isob-east-1.ecr.dkr', 'com.amazonaws.us-isob-east-1.s3'],
    ['eu-isoe-west-1', 'aws-iso-e', 'uk.adc-e.cloud.eu-isoe-west-1.ecr.dkr', 'com.amazonaws.eu-isoe-west-1.s3'],
    ['us-isof-south-1', 'aws-iso-f', 'gov.ic.hci.csp.us-isof-south-1.ecr.dkr', 'com.amazonaws.us-isof-south-1.s3'],
    ['eusc-de-east-1', 'aws-eusc', 'eu.amazonaws.eusc-de-east-1.ecr.dkr', 'com.amazonaws.eusc-de-east-1.s3'],
  ])('GIVEN %s THEN the partition is %s, ecr.dkr is %s and the S3 gateway %s', (region, partition, ecrDkr, s3) => {
    expect(partitionOf(region)).toBe(partition);
    expect(InterfaceService.ECR_DKR.endpointServiceName(region)).toBe(ecrDkr);
    expect(InterfaceService.ECR_API.endpointServiceName(region)).toBe(ecrDkr.replace(/dkr$/, 'api'));
    expect(s3GatewayServiceName(region)).toBe(s3);
  });

  test('GIVEN China THEN the S3 gateway is not built from the cn.com.amazonaws prefix (that name is the S3 interface service)', () => {
    expect(s3GatewayServiceName('cn-north-1')).not.toMatch(/^cn\./);
    expect(interfaceServicePrefix('cn-north-1', 's3', false)).toBe('com.amazonaws');
  });

  test.each([
    ['cn-north-1', 'logs', 'com.amazonaws'],
    ['cn-north-1', 'sts', 'cn.com.amazonaws'],
    ['cn-northwest-1', 'ecs-agent', 'com.amazonaws'],
    ['us-isob-east-1', 'ec2', 'gov.sgov.sc2s'],
    ['us-isob-west-1', 'ec2', 'com.amazonaws'],
    ['us-gov-west-1', 'sts', 'com.amazonaws'],
  ])('GIVEN %s THEN %s takes the prefix %s', (region, service, prefix) => {
    expect(InterfaceService.of(service).endpointServiceName(region).split(`.${region}.`)[0]).toBe(prefix);
  });
});
