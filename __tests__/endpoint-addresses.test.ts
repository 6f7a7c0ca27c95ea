import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Testing, TerraformStack } from 'cdktf';
import { EcrPrivateLink, EcrPrivateLinkProps, EndpointAddresses } from '../lib/constructs/ecr-private-link';
import { synthExample, synthExampleJson } from './support/example-stack';

const [SUBNET_A, SUBNET_C] = ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'];

const PROPS: EcrPrivateLinkProps = {
  region: 'ap-northeast-1',
  namePrefix: 'sample',
  vpcId: 'vpc-0a1b2c3d4e5f60718',
  privateSubnetIds: [SUBNET_A, SUBNET_C],
  privateRouteTableIds: ['rtb-0a1b2c3d4e5f60003'],
  allowedCidrBlocks: ['10.0.0.0/16'],
};

const IPV4: EndpointAddresses = {
  'ecr.api': { [SUBNET_A]: { ipv4: '10.0.0.10' }, [SUBNET_C]: { ipv4: '10.0.1.10' } },
  'ecr.dkr': { [SUBNET_A]: { ipv4: '10.0.0.11' }, [SUBNET_C]: { ipv4: '10.0.1.11' } },
};

const construct = (props: Partial<EcrPrivateLinkProps>) => () =>
  new EcrPrivateLink(new TerraformStack(Testing.app(), 'test'), 'EcrPrivateLink', { ...PROPS, ...props });

describe('Fixed endpoint addresses', () => {
  describe('GIVEN IPv4 addresses for ecr.api and ecr.dkr in both subnets', () => {
    const synthesized = synthExample({ endpointAddresses: IPV4 });
    const json = JSON.parse(synthesized);

    test('THEN each endpoint gets one subnet_configuration block per subnet, beside its subnet_ids', () => {
      expect(synthesized).toHaveResourceWithProperties(VpcEndpoint, {
        service_name: 'com.amazonaws.ap-northeast-1.ecr.api',
        subnet_ids: [SUBNET_A, SUBNET_C],
        subnet_configuration: [
          { subnet_id: SUBNET_A, ipv4: '10.0.0.10' },
          { subnet_id: SUBNET_C, ipv4: '10.0.1.10' },
        ],
      });
      expect(json.resource.aws_vpc_endpoint['sample-ecr-dkr'].subnet_configuration).toEqual([
        { subnet_id: SUBNET_A, ipv4: '10.0.0.11' },
        { subnet_id: SUBNET_C, ipv4: '10.0.1.11' },
      ]);
      expect(json.resource.aws_vpc_endpoint['sample-s3'].subnet_configuration).toBeUndefined();
    });

    test("THEN preflight checks every address against its subnet's looked-up CIDR block (cidrsubnet, cidrhost)", () => {
      const [, free] = json.resource.aws_vpc_endpoint['sample-ecr-api'].lifecycle.precondition;
      expect(free.condition).toContain('data.aws_subnet.sample-preflight-subnets[a.subnet].cidr_block');
      expect(free.condition).toContain(`{ subnet = "${SUBNET_C}", version = "ipv4", address = "10.0.1.10" }`);
      expect(free.condition).toContain('cidrhost(a.cidr, i)');
      expect(free.error_message).toMatch(
        /^endpointAddresses of com\.amazonaws\.ap-northeast-1\.ecr\.api must be free addresses of their subnets, but /,
      );
    });
  });

  describe('GIVEN addressOutputs', () => {
    const synthesized = synthExample({ addressOutputs: true });

    test("THEN each interface endpoint has an output of its network interfaces' addresses by subnet, read from subnet_configuration", () => {
      const outputs = JSON.parse(synthesized).output;
      expect(outputs.ecr_api_addresses.value).toBe(
        '${{ for c in aws_vpc_endpoint.sample-ecr-api.subnet_configuration : c.subnet_id => { ipv4 = c.ipv4, ipv6 = c.ipv6 } }}',
      );
      expect(outputs.ecr_dkr_addresses.value).toContain('aws_vpc_endpoint.sample-ecr-dkr.subnet_configuration');
    });

    test('AND without it THEN there is no such output (existing stacks plan no new outputs)', () => {
      expect(Object.keys(synthExampleJson().output).filter((name) => name.endsWith('_addresses'))).toEqual([]);
    });
  });

  describe('GIVEN dual-stack addresses', () => {
    test('THEN both are set per subnet', () => {
      const json = synthExampleJson({
        ipAddressType: 'dualstack',
        endpointAddresses: {
          'ecr.dkr': {
            [SUBNET_A]: { ipv4: '10.0.0.11', ipv6: '2600:1f18:4d3:5e00::11' },
            [SUBNET_C]: { ipv4: '10.0.1.11', ipv6: '2600:1f18:4d3:5e01::11' },
          },
        },
      });
      expect(json.resource.aws_vpc_endpoint['sample-ecr-dkr'].subnet_configuration).toEqual([
        { subnet_id: SUBNET_A, ipv4: '10.0.0.11', ipv6: '2600:1f18:4d3:5e00::11' },
        { subnet_id: SUBNET_C, ipv4: '10.0.1.11', ipv6: '2600:1f18:4d3:5e01::11' },
      ]);
      expect(json.resource.aws_vpc_endpoint['sample-ecr-api'].subnet_configuration).toBeUndefined();
    });
  });

  describe('GIVEN addresses that cannot be WHEN constructed', () => {
    test.each<[string, Partial<EcrPrivateLinkProps>, string]>([
      [
        'a service the stack does not have',
        { endpointAddresses: { logs: { [SUBNET_A]: { ipv4: '10.0.0.10' } } } },
        'endpointAddresses.logs: {"subnet-0a1b2c3d4e5f60001":{"ipv4":"10.0.0.10"}} names no interface endpoint of this stack (it has: ecr.api, ecr.dkr)',
      ],
      [
        'a subnet outside privateSubnetIds',
        { endpointAddresses: { 'ecr.api': { ...IPV4['ecr.api'], 'subnet-0fedcba9876543210': { ipv4: '10.0.2.10' } } } },
        'endpointAddresses.ecr.api.subnet-0fedcba9876543210: {"ipv4":"10.0.2.10"} is not a subnet of privateSubnetIds (subnet-0a1b2c3d4e5f60001, subnet-0a1b2c3d4e5f60002)',
      ],
      [
        'one subnet of two',
        { endpointAddresses: { 'ecr.api': { [SUBNET_A]: { ipv4: '10.0.0.10' } } } },
        `endpointAddresses.ecr.api: {"${SUBNET_A}":{"ipv4":"10.0.0.10"}} gives no address in ${SUBNET_C}; give one in every subnet of privateSubnetIds`,
      ],
      [
        'an IPv6 address on IPv4 endpoints',
        {
          endpointAddresses: { 'ecr.api': { [SUBNET_A]: { ipv4: '10.0.0.10', ipv6: '2600:1f18::10' }, [SUBNET_C]: { ipv4: '10.0.1.10' } } },
        },
        `endpointAddresses.ecr.api.${SUBNET_A}.ipv6: "2600:1f18::10" is not possible: "ipAddressType": "ipv4" endpoints have no IPv6 address`,
      ],
      [
        'a dual-stack endpoint with only IPv4 addresses',
        { ipAddressType: 'dualstack', endpointAddresses: { 'ecr.api': IPV4['ecr.api'] } },
        `endpointAddresses.ecr.api.${SUBNET_A}.ipv6: (missing) is required: "ipAddressType": "dualstack" endpoints have an IPv6 address`,
      ],
      [
        'an IPv6 address not written as AWS writes it back',
        {
          ipAddressType: 'ipv6',
          endpointAddresses: { 'ecr.api': { [SUBNET_A]: { ipv6: '2600:1f18:0:0::A' }, [SUBNET_C]: { ipv6: '2600:1f18::b' } } },
        },
        `endpointAddresses.ecr.api.${SUBNET_A}.ipv6: "2600:1f18:0:0::A" is not written as AWS writes it back (Terraform would plan a change on every run); write "2600:1f18::a"`,
      ],
      [
        'not an IPv4 address',
        { endpointAddresses: { 'ecr.api': { [SUBNET_A]: { ipv4: '10.0.0.010' }, [SUBNET_C]: { ipv4: '10.0.1.10' } } } },
        `endpointAddresses.ecr.api.${SUBNET_A}.ipv4: "10.0.0.010" is not an IPv4 address`,
      ],
      [
        'one address for two endpoints in a subnet',
        { endpointAddresses: { ...IPV4, 'ecr.dkr': { [SUBNET_A]: { ipv4: '10.0.0.10' }, [SUBNET_C]: { ipv4: '10.0.1.11' } } } },
        `endpointAddresses.ecr.dkr.${SUBNET_A}.ipv4: "10.0.0.10" is also given to ecr.api in ${SUBNET_A}; each network interface needs its own`,
      ],
    ])('THEN %s is refused, naming the field and value', (_, props, message) => {
      expect(construct(props)).toThrow(message);
    });
  });
});
