import { InterfaceService } from '../lib/naming/interface-service';
import { dnsSuffixOf } from '../lib/naming/partition';
import { privateDnsNameOf, privateDnsZoneOf } from '../lib/naming/private-dns-zones';

// The AWS SDK's own partition table (through @aws-sdk/client-ec2), the authority on DNS suffixes.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdk = require('@aws-sdk/core/client') as { partition(region: string): { dnsSuffix: string; name: string } };

describe('private DNS zones of a hub', () => {
  test.each([
    'ap-northeast-1',
    'us-east-1',
    'cn-north-1',
    'cn-northwest-1',
    'us-gov-west-1',
    'us-iso-east-1',
    'us-isob-east-1',
    'eu-isoe-west-1',
    'us-isof-south-1',
    'eusc-de-east-1',
  ])("GIVEN %s THEN the DNS suffix is the one the AWS SDK's partition table gives", (region) => {
    expect(dnsSuffixOf(region)).toBe(sdk.partition(region).dnsSuffix);
  });

  // service, region, zone, private DNS name AWS publishes
  test.each([
    ['ecr.api', 'ap-northeast-1', 'api.ecr.ap-northeast-1.amazonaws.com', 'api.ecr.ap-northeast-1.amazonaws.com'],
    ['ecr.dkr', 'ap-northeast-1', 'dkr.ecr.ap-northeast-1.amazonaws.com', '*.dkr.ecr.ap-northeast-1.amazonaws.com'],
    ['ecr.api', 'cn-north-1', 'api.ecr.cn-north-1.amazonaws.com.cn', 'api.ecr.cn-north-1.amazonaws.com.cn'],
    ['ecr.dkr', 'cn-northwest-1', 'dkr.ecr.cn-northwest-1.amazonaws.com.cn', '*.dkr.ecr.cn-northwest-1.amazonaws.com.cn'],
    ['ecr.dkr', 'us-gov-west-1', 'dkr.ecr.us-gov-west-1.amazonaws.com', '*.dkr.ecr.us-gov-west-1.amazonaws.com'],
    ['logs', 'eu-west-1', 'logs.eu-west-1.amazonaws.com', 'logs.eu-west-1.amazonaws.com'],
    ['sts', 'cn-north-1', 'sts.cn-north-1.amazonaws.com.cn', 'sts.cn-north-1.amazonaws.com.cn'],
  ])('GIVEN %s in %s THEN the zone is %s, standing in for %s', (service, region, zone, privateDnsName) => {
    const found = privateDnsZoneOf(InterfaceService.of(service), region);
    expect(found.name).toBe(zone);
    expect(privateDnsNameOf(found)).toBe(privateDnsName);
  });

  test('GIVEN ECR THEN the zones are not "<short name>.<region>.<suffix>" as for other services (the trap)', () => {
    for (const service of InterfaceService.ECR_DEFAULTS) {
      expect(privateDnsZoneOf(service, 'us-east-1').name).not.toBe(`${service.shortName}.us-east-1.amazonaws.com`);
    }
  });
});
