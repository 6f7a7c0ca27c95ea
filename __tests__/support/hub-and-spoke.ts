import { EXAMPLE_WORLD, FakeAwsWorld, withWorld } from './fake-aws';

/**
 * A hub with two spokes, for the hub-and-spoke tests: the hub in the example's VPC, spoke `team-a` in the
 * hub's account (with its clients' networks and security group), spoke `team-b` in another account,
 * associated through a role there, its networks read from its VPC at plan time.
 */
export const TEAM_A_VPC = 'vpc-0a0a0a0a0a0a0a0a1';
export const TEAM_B_VPC = 'vpc-0b0b0b0b0b0b0b0b2';
export const TEAM_B_ROLE = 'arn:aws:iam::210987654321:role/hub-zone-association';

export const HUB_AND_SPOKES_CONFIG = {
  stacks: [
    {
      name: 'hub',
      region: 'ap-northeast-1',
      namePrefix: 'hub',
      vpcId: 'vpc-0a1b2c3d4e5f60718',
      privateSubnetIds: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'],
      privateRouteTableIds: ['rtb-0a1b2c3d4e5f60003'],
      allowedCidrBlocks: ['10.0.0.0/16'],
      hub: { endpointCidrBlocks: ['10.0.0.0/24', '10.0.1.0/24'] },
      acknowledge: { S3GatewayInterruption: 'test VPC' },
    },
    {
      name: 'team-a',
      spokeOf: 'hub',
      region: 'ap-northeast-1',
      namePrefix: 'team-a',
      vpcId: TEAM_A_VPC,
      privateRouteTableIds: ['rtb-0a0a0a0a0a0a0a0a1'],
      allowedCidrBlocks: ['10.1.0.0/16'],
      clientSecurityGroupIds: ['sg-0a0a0a0a0a0a0a0a1'],
      acknowledge: { S3GatewayInterruption: 'test VPC' },
    },
    {
      name: 'team-b',
      spokeOf: 'hub',
      region: 'ap-northeast-1',
      namePrefix: 'team-b',
      vpcId: TEAM_B_VPC,
      privateRouteTableIds: ['rtb-0b0b0b0b0b0b0b0b2'],
      accountId: '210987654321',
      associationRoleArn: TEAM_B_ROLE,
      acknowledge: { S3GatewayInterruption: 'test VPC' },
    },
  ],
};

/** The example account with the two spoke VPCs (each with a subnet and a route table) beside the hub's. */
export const HUB_WORLD: FakeAwsWorld = withWorld(EXAMPLE_WORLD, (w) => {
  for (const [vpcId, cidr, suffix] of [
    [TEAM_A_VPC, '10.1.0.0/16', '0a0a0a0a0a0a0a0a1'],
    [TEAM_B_VPC, '10.2.0.0/16', '0b0b0b0b0b0b0b0b2'],
  ]) {
    w.vpcs.push({ id: vpcId, cidrBlocks: [cidr], enableDnsSupport: true, enableDnsHostnames: true });
    w.subnets.push({ id: `subnet-${suffix}`, vpcId, cidrBlock: cidr.replace('/16', '/24'), availabilityZone: 'ap-northeast-1a' });
    w.routeTables.push({ id: `rtb-${suffix}`, vpcId });
  }
});

/** An interface endpoint of `service` in team-a's VPC, with or without private DNS. */
export function withTeamAEndpoint(world: FakeAwsWorld, service: string, privateDnsEnabled: boolean): FakeAwsWorld {
  return withWorld(world, (w) => {
    w.vpcEndpoints!.push({
      id: 'vpce-0a0a0a0a0a0a0a0e1',
      vpcId: TEAM_A_VPC,
      serviceName: `com.amazonaws.ap-northeast-1.${service}`,
      type: 'Interface',
      state: 'available',
      policy: '{"Statement":[{"Action":"*","Effect":"Allow","Principal":"*","Resource":"*"}]}',
      privateDnsEnabled,
      requesterManaged: false,
      networkInterfaces: [{ id: 'eni-0a0a0a0a0a0a0a0e1', subnetId: 'subnet-0a0a0a0a0a0a0a0a1', privateIpAddress: '10.1.0.10' }],
      securityGroupIds: [],
      routeTableIds: [],
      dnsEntries: [],
      creationTimestamp: '2026-01-01T00:00:00.000Z',
    });
  });
}
