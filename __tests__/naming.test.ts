import {
  endpointSecurityGroupResourceName,
  interfaceEndpointResourceName,
  outputStem,
  s3GatewayResourceName,
} from '../lib/naming/resource-names';
import { InterfaceService } from '../lib/naming/interface-service';
import { s3GatewayServiceName } from '../lib/naming/service-names';

describe('endpoint service names', () => {
  test.each([
    ['ap-northeast-1', 'ecr.api', 'com.amazonaws.ap-northeast-1.ecr.api'],
    ['ap-northeast-1', 'ecr.dkr', 'com.amazonaws.ap-northeast-1.ecr.dkr'],
    ['us-east-1', 'logs', 'com.amazonaws.us-east-1.logs'],
  ])('GIVEN region %s and service %s THEN the interface service is %s', (region, service, expected) => {
    expect(InterfaceService.of(service).endpointServiceName(region)).toBe(expected);
  });

  test('GIVEN a region THEN the S3 gateway service is com.amazonaws.<region>.s3', () => {
    expect(s3GatewayServiceName('ap-northeast-1')).toBe('com.amazonaws.ap-northeast-1.s3');
  });
});

describe('resource names (the addresses state is kept under)', () => {
  test("GIVEN the article's prefix THEN the names are those of original.tf", () => {
    expect(interfaceEndpointResourceName('sample', 'ecr.api')).toBe('sample-ecr-api');
    expect(interfaceEndpointResourceName('sample', 'ecr.dkr')).toBe('sample-ecr-dkr');
    expect(s3GatewayResourceName('sample')).toBe('sample-s3');
    expect(endpointSecurityGroupResourceName('sample')).toBe('sample-ecr-privatelink');
  });

  test('GIVEN a service with several dots THEN every dot becomes a dash', () => {
    expect(interfaceEndpointResourceName('p', 'a.b.c')).toBe('p-a-b-c');
  });

  test('GIVEN services with dots or dashes THEN output stems use underscores (valid output names)', () => {
    expect(outputStem('ecr.dkr')).toBe('ecr_dkr');
    expect(outputStem('ecs-agent')).toBe('ecs_agent');
  });
});
