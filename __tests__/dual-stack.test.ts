import { readFileSync } from 'fs';
import * as path from 'path';
import { DataAwsVpcEndpointService } from '@cdktf/provider-aws/lib/data-aws-vpc-endpoint-service';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Testing, TerraformStack } from 'cdktf';
import { DNS_RECORD_IP_TYPES, DnsRecordIpType, IP_ADDRESS_TYPES, IpAddressType } from '../lib/addressing/ip-address-types';
import { EcrPrivateLink, EcrPrivateLinkProps } from '../lib/constructs/ecr-private-link';
import { REPO_ROOT, synthExample, synthExampleJson } from './support/example-stack';

/** The table "DNS record IP type" of reference/aws-facts.md (from the PrivateLink guide): record type → allowed IP address types. */
function dnsRecordTableOfFacts(): Record<DnsRecordIpType, IpAddressType[]> {
  const facts = readFileSync(path.join(REPO_ROOT, 'reference', 'aws-facts.md'), 'utf8');
  const rows = [...facts.matchAll(/^\s*\| `([a-z0-9-]+)` \| [^|]+ \| (`[a-z0-9]+`(?:, `[a-z0-9]+`)*) \|$/gm)];
  const table = Object.fromEntries(rows.map(([, dns, allowed]) => [dns, [...allowed.matchAll(/`([a-z0-9]+)`/g)].map((m) => m[1])]));
  expect(Object.keys(table).sort()).toEqual([...DNS_RECORD_IP_TYPES].sort());
  return table as Record<DnsRecordIpType, IpAddressType[]>;
}

const PROPS: EcrPrivateLinkProps = {
  region: 'ap-northeast-1',
  namePrefix: 'sample',
  vpcId: 'vpc-0a1b2c3d4e5f60718',
  privateSubnetIds: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'],
  privateRouteTableIds: ['rtb-0a1b2c3d4e5f60003'],
  allowedCidrBlocks: ['10.0.0.0/16'],
};

const construct = (props: Partial<EcrPrivateLinkProps>) => () =>
  new EcrPrivateLink(new TerraformStack(Testing.app(), 'test'), 'EcrPrivateLink', { ...PROPS, ...props });

const preconditionsOf = (resource: { lifecycle?: { precondition?: { error_message: string }[] } }): string[] =>
  (resource.lifecycle?.precondition ?? []).map((p) => p.error_message);

describe('Dual-stack and IPv6 endpoints', () => {
  describe('GIVEN ipAddressType dualstack with AAAA and A records, IPv6 clients, and a dual-stack S3 gateway', () => {
    const props = {
      ipAddressType: 'dualstack',
      dnsRecordIpType: 'dualstack',
      allowedIpv6CidrBlocks: ['2600:1f18:4d3:5e00::/56'],
      s3GatewayIpAddressType: 'dualstack',
    } as const;
    const synthesized = synthExample(props);
    const json = JSON.parse(synthesized);

    test('THEN every interface endpoint gets ip_address_type and a dns_options block', () => {
      for (const service of ['ecr.api', 'ecr.dkr']) {
        expect(synthesized).toHaveResourceWithProperties(VpcEndpoint, {
          service_name: `com.amazonaws.ap-northeast-1.${service}`,
          ip_address_type: 'dualstack',
          dns_options: { dns_record_ip_type: 'dualstack' },
        });
      }
    });

    test('THEN the S3 gateway gets ip_address_type but no dns_options (provider 5.100.0 would send an interface-only option)', () => {
      expect(synthesized).toHaveResourceWithProperties(VpcEndpoint, {
        vpc_endpoint_type: 'Gateway',
        ip_address_type: 'dualstack',
      });
      expect(json.resource.aws_vpc_endpoint['sample-s3'].dns_options).toBeUndefined();
    });

    test('THEN the IPv6 client networks join the CIDR rule of the endpoints group', () => {
      expect(synthesized).toHaveResourceWithProperties(SecurityGroup, {
        ingress: [expect.objectContaining({ cidr_blocks: ['10.0.0.0/16'], ipv6_cidr_blocks: ['2600:1f18:4d3:5e00::/56'], from_port: 443 })],
      });
    });

    test('THEN preflight checks each service supports dualstack in the region, and the subnets have both blocks', () => {
      for (const name of ['sample-ecr-api', 'sample-ecr-dkr']) {
        expect(preconditionsOf(json.resource.aws_vpc_endpoint[name])).toEqual([
          expect.stringContaining('is not offered in the Availability Zone'),
          expect.stringMatching(/^com\.amazonaws\.ap-northeast-1\.ecr\.(api|dkr) does not support dualstack endpoints in ap-northeast-1 /),
        ]);
      }
      expect(preconditionsOf(json.resource.aws_security_group['sample-ecr-privatelink'])[3]).toMatch(
        /^"ipAddressType": "dualstack" needs an IPv4 and an IPv6 CIDR block on every subnet of privateSubnetIds, but in ap-northeast-1 /,
      );
    });

    test('THEN the S3 gateway service is looked up as a Gateway service and checked for dualstack', () => {
      expect(synthesized).toHaveDataSourceWithProperties(DataAwsVpcEndpointService, {
        service_name: 'com.amazonaws.ap-northeast-1.s3',
        service_type: 'Gateway',
      });
      expect(preconditionsOf(json.resource.aws_vpc_endpoint['sample-s3'])[1]).toMatch(
        /^com\.amazonaws\.ap-northeast-1\.s3 \(gateway\) does not support dualstack endpoints in ap-northeast-1 .*set "s3GatewayIpAddressType"/,
      );
    });
  });

  describe('GIVEN ipAddressType ipv6', () => {
    const json = synthExampleJson({ ipAddressType: 'ipv6', dnsRecordIpType: 'ipv6' });

    test('THEN preflight asks for IPv6-only subnets', () => {
      expect(preconditionsOf(json.resource.aws_security_group['sample-ecr-privatelink'])[3]).toMatch(
        /^"ipAddressType": "ipv6" needs IPv6-only subnets, but in ap-northeast-1 /,
      );
      expect(json.resource.aws_vpc_endpoint['sample-ecr-dkr']).toMatchObject({
        ip_address_type: 'ipv6',
        dns_options: { dns_record_ip_type: 'ipv6' },
      });
    });
  });

  describe('GIVEN ipAddressType ipv4 written out (AWS default)', () => {
    const json = synthExampleJson({ ipAddressType: 'ipv4' });

    test('THEN it is sent, and no IPv6 check is added: every service and IPv4 subnet takes ipv4', () => {
      expect(json.resource.aws_vpc_endpoint['sample-ecr-api'].ip_address_type).toBe('ipv4');
      expect(preconditionsOf(json.resource.aws_vpc_endpoint['sample-ecr-api'])).toHaveLength(1);
      expect(preconditionsOf(json.resource.aws_security_group['sample-ecr-privatelink'])).toHaveLength(3);
    });
  });

  describe('GIVEN no IP option (the default)', () => {
    const json = synthExampleJson();

    test('THEN no endpoint carries ip_address_type or dns_options, so existing states plan unchanged', () => {
      const endpoints = Object.values(json.resource.aws_vpc_endpoint) as Record<string, unknown>[];
      expect(endpoints.filter((e) => 'ip_address_type' in e || 'dns_options' in e)).toEqual([]);
      expect(json.data.aws_vpc_endpoint_service['sample-preflight-s3-gateway-service']).toBeUndefined();
    });
  });

  describe("GIVEN every pair of ipAddressType and dnsRecordIpType WHEN constructed THEN AWS's table decides", () => {
    const AWS_ALLOWS = dnsRecordTableOfFacts();
    const pairs = IP_ADDRESS_TYPES.flatMap((ip) => DNS_RECORD_IP_TYPES.map((dns) => [ip, dns, AWS_ALLOWS[dns].includes(ip)] as const));

    test.each(pairs)('ipAddressType %s with dnsRecordIpType %s: accepted %s', (ipAddressType, dnsRecordIpType, accepted) => {
      const build = construct({ ipAddressType, dnsRecordIpType });
      if (accepted) {
        expect(build).not.toThrow();
      } else {
        expect(build).toThrow(`dnsRecordIpType: "${dnsRecordIpType}" needs "ipAddressType" `);
        expect(build).toThrow(`not "${ipAddressType}"`);
      }
    });

    test('dnsRecordIpType dualstack without ipAddressType: refused, saying ipv4 is the default', () => {
      expect(construct({ dnsRecordIpType: 'dualstack' })).toThrow(
        'dnsRecordIpType: "dualstack" needs "ipAddressType" "dualstack", not "ipv4" (the default)',
      );
    });
  });

  test.each([
    [
      'an IPv6 CIDR with host bits',
      '2600:1f18:4d3:5e01::/56',
      'allowedIpv6CidrBlocks[0]: "2600:1f18:4d3:5e01::/56" has host bits set; did you mean "2600:1f18:4d3:5e00::/56"?',
    ],
    [
      'an IPv6 CIDR not in canonical form',
      '2600:1f18:0::/56',
      'allowedIpv6CidrBlocks[0]: "2600:1f18:0::/56" is not in canonical form; write "2600:1f18::/56"',
    ],
    ['not an IPv6 CIDR', '10.0.0.0/16', 'allowedIpv6CidrBlocks[0]: "10.0.0.0/16" is not an IPv6 CIDR block'],
  ])('GIVEN %s in allowedIpv6CidrBlocks WHEN constructed THEN it is refused naming field and value', (_, cidr, message) => {
    expect(construct({ ipAddressType: 'dualstack', allowedIpv6CidrBlocks: [cidr] })).toThrow(message);
  });
});
