import { DataAwsNetworkInterface } from '@cdktf/provider-aws/lib/data-aws-network-interface';
import { DataAwsNetworkInterfaces } from '@cdktf/provider-aws/lib/data-aws-network-interfaces';
import { DataAwsVpc } from '@cdktf/provider-aws/lib/data-aws-vpc';
import { DataAwsVpcEndpoint } from '@cdktf/provider-aws/lib/data-aws-vpc-endpoint';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Route53VpcAssociationAuthorization } from '@cdktf/provider-aws/lib/route53-vpc-association-authorization';
import { Route53Zone } from '@cdktf/provider-aws/lib/route53-zone';
import { Route53ZoneAssociation } from '@cdktf/provider-aws/lib/route53-zone-association';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { Testing } from 'cdktf';
import { parseConfig } from '../lib/config/parse-config';
import { EcrPrivateLink, EcrPrivateLinkProps } from '../lib/constructs/ecr-private-link';
import { InterfaceService } from '../lib/naming/interface-service';
import { ValidationError } from '../lib/validation/problem';
import { buildStacks } from '../stacks/build-stacks';
import { EcrPrivateLinkStack } from '../stacks/ecr-private-link-stack';
import { EcrSpokeStack } from '../stacks/ecr-spoke-stack';
import { HUB_AND_SPOKES_CONFIG, TEAM_A_VPC, TEAM_B_ROLE, TEAM_B_VPC } from './support/hub-and-spoke';

const HUB_VPC = 'vpc-0a1b2c3d4e5f60718';

/** The stacks the app builds from `config`, synthesized, by name. */
function synthesizedStacks(config: object = HUB_AND_SPOKES_CONFIG): Record<string, string> {
  const app = Testing.app();
  const stacks = buildStacks(app, parseConfig(JSON.stringify(config), 'hub.json'), 'hub.json');
  return Object.fromEntries(stacks.map((stack) => [stack.node.id, Testing.synth(stack)]));
}

const PROPS: EcrPrivateLinkProps = {
  region: 'ap-northeast-1',
  namePrefix: 'hub',
  vpcId: HUB_VPC,
  privateSubnetIds: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'],
  privateRouteTableIds: ['rtb-0a1b2c3d4e5f60003'],
  allowedCidrBlocks: ['10.0.0.0/16'],
  hub: {},
};

const synthHub = (props: Partial<EcrPrivateLinkProps> = {}): string =>
  Testing.synthScope((scope) => {
    new EcrPrivateLink(scope, 'EcrPrivateLink', { ...PROPS, ...props });
  });

describe('hub and spokes', () => {
  describe('GIVEN a hub with a spoke of its account and one of another account, from one config', () => {
    const stacks = synthesizedStacks();
    const hub = stacks.hub;
    const json = JSON.parse(hub);

    test('THEN the hub’s interface endpoints have private DNS off', () => {
      for (const service of ['ecr-api', 'ecr-dkr']) {
        expect(json.resource.aws_vpc_endpoint[`hub-${service}`]).toMatchObject({
          vpc_endpoint_type: 'Interface',
          private_dns_enabled: false,
        });
      }
    });

    test('THEN each service gets a private hosted zone of its private DNS name, in the hub VPC', () => {
      expect(hub).toHaveResourceWithProperties(Route53Zone, { name: 'api.ecr.ap-northeast-1.amazonaws.com', vpc: [{ vpc_id: HUB_VPC }] });
      expect(hub).toHaveResourceWithProperties(Route53Zone, { name: 'dkr.ecr.ap-northeast-1.amazonaws.com', vpc: [{ vpc_id: HUB_VPC }] });
      expect(json.resource.aws_route53_zone['hub-ecr-dkr-zone'].lifecycle.ignore_changes).toEqual(['vpc']);
    });

    test('THEN alias records point the apex, and for ecr.dkr the wildcard, at the endpoint’s regional DNS name', () => {
      const toDkr = {
        name: '${aws_vpc_endpoint.hub-ecr-dkr.dns_entry[0].dns_name}',
        zone_id: '${aws_vpc_endpoint.hub-ecr-dkr.dns_entry[0].hosted_zone_id}',
        evaluate_target_health: false,
      };
      expect(hub).toHaveResourceWithProperties(Route53Record, {
        name: '*.dkr.ecr.ap-northeast-1.amazonaws.com',
        type: 'A',
        zone_id: '${aws_route53_zone.hub-ecr-dkr-zone.zone_id}',
        alias: toDkr,
      });
      expect(hub).toHaveResourceWithProperties(Route53Record, { name: 'dkr.ecr.ap-northeast-1.amazonaws.com', type: 'A', alias: toDkr });
      expect(Object.keys(json.resource.aws_route53_record).sort()).toEqual([
        'hub-ecr-api-apex',
        'hub-ecr-dkr-apex',
        'hub-ecr-dkr-wildcard',
      ]);
    });

    test('THEN the spoke of the same account is associated directly', () => {
      expect(hub).toHaveResourceWithProperties(Route53ZoneAssociation, {
        zone_id: '${aws_route53_zone.hub-ecr-dkr-zone.zone_id}',
        vpc_id: TEAM_A_VPC,
        vpc_region: 'ap-northeast-1',
      });
      expect(json.resource.aws_route53_zone_association[`hub-ecr-dkr-${TEAM_A_VPC}`].provider).toBeUndefined();
    });

    test('THEN the cross-account spoke is authorized by the hub and associated through a provider assuming its role', () => {
      expect(hub).toHaveResourceWithProperties(Route53VpcAssociationAuthorization, {
        zone_id: '${aws_route53_zone.hub-ecr-dkr-zone.zone_id}',
        vpc_id: TEAM_B_VPC,
      });
      expect(hub).toHaveProviderWithProperties(AwsProvider, {
        alias: 'spoke-210987654321-hub-zone-association',
        region: 'ap-northeast-1',
        assume_role: [{ role_arn: TEAM_B_ROLE }],
      });
      expect(json.resource.aws_route53_zone_association[`hub-ecr-dkr-${TEAM_B_VPC}`]).toMatchObject({
        provider: 'aws.spoke-210987654321-hub-zone-association',
        zone_id: `\${aws_route53_vpc_association_authorization.hub-ecr-dkr-${TEAM_B_VPC}-authorization.zone_id}`,
      });
    });

    test("THEN the hub's security group admits the spokes' networks on 443: team-a's from the config, team-b's read from its VPC", () => {
      const spokes = json.resource.aws_security_group['hub-ecr-privatelink'].ingress.find(
        (rule: { description: string }) => rule.description === 'HTTPS from spoke VPCs',
      );
      expect(spokes).toMatchObject({ from_port: 443, to_port: 443, protocol: 'tcp' });
      expect(spokes.cidr_blocks).toBe(
        `\${distinct(concat(["10.1.0.0/16"], data.aws_vpc.hub-spoke-${TEAM_B_VPC}.cidr_block_associations[*].cidr_block))}`,
      );
      expect(hub).toHaveDataSourceWithProperties(DataAwsVpc, { id: TEAM_B_VPC, provider: 'aws.spoke-210987654321-hub-zone-association' });
    });

    test("THEN preflight checks each zone's name against the private DNS name AWS publishes for the service", () => {
      expect(json.resource.aws_route53_zone['hub-ecr-dkr-zone'].lifecycle.precondition).toEqual([
        {
          condition:
            '${data.aws_vpc_endpoint_service.hub-preflight-services["com.amazonaws.ap-northeast-1.ecr.dkr"].private_dns_name == "*.dkr.ecr.ap-northeast-1.amazonaws.com"}',
          error_message: expect.stringContaining('stands in for *.dkr.ecr.ap-northeast-1.amazonaws.com, but AWS publishes'),
        },
      ]);
    });

    test('THEN the hub outputs its zone IDs', () => {
      expect(json.output.ecr_dkr_private_zone_id.value).toBe('${aws_route53_zone.hub-ecr-dkr-zone.zone_id}');
    });

    test('THEN a spoke has only its S3 gateway and its clients’ egress rules: no interface endpoint, no security group, no zone', () => {
      const spoke = JSON.parse(stacks['team-a']);
      expect(Object.keys(spoke.resource).sort()).toEqual(['aws_vpc_endpoint', 'aws_vpc_security_group_egress_rule']);
      expect(stacks['team-a']).toHaveResourceWithProperties(VpcEndpoint, {
        service_name: 'com.amazonaws.ap-northeast-1.s3',
        vpc_endpoint_type: 'Gateway',
        vpc_id: TEAM_A_VPC,
        route_table_ids: ['rtb-0a0a0a0a0a0a0a0a1'],
      });
      expect(Object.keys(spoke.resource.aws_vpc_endpoint)).toEqual(['team-a-s3']);
      expect(stacks['team-a']).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, {
        security_group_id: 'sg-0a0a0a0a0a0a0a0a1',
        cidr_ipv4: '10.0.0.0/24',
        from_port: 443,
        to_port: 443,
        ip_protocol: 'tcp',
      });
      expect(stacks['team-a']).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, {
        security_group_id: 'sg-0a0a0a0a0a0a0a0a1',
        prefix_list_id: '${aws_vpc_endpoint.team-a-s3.prefix_list_id}',
      });
    });

    test("THEN a spoke's preflight finds its VPC's endpoints through their network interfaces, and checks DNS and the hub's services", () => {
      const spoke = stacks['team-a'];
      expect(spoke).toHaveDataSourceWithProperties(DataAwsNetworkInterfaces, {
        filter: [
          { name: 'vpc-id', values: [TEAM_A_VPC] },
          { name: 'description', values: ['VPC Endpoint Interface*'] },
        ],
      });
      expect(spoke).toHaveDataSourceWithProperties(DataAwsNetworkInterface, {
        for_each: '${toset(data.aws_network_interfaces.team-a-preflight-endpoint-interfaces.ids)}',
      });
      expect(spoke).toHaveDataSourceWithProperties(DataAwsVpcEndpoint, {
        for_each: expect.stringContaining('regexall("vpce-[0-9a-f]+", eni.description)'),
      });
      const preconditions = JSON.parse(spoke).resource.aws_vpc_endpoint['team-a-s3'].lifecycle.precondition.map(
        (p: { error_message: string }) => p.error_message,
      );
      expect(preconditions).toEqual([
        expect.stringMatching(
          /^Spoke VPC vpc-0a0a0a0a0a0a0a0a1 needs enableDnsSupport and enableDnsHostnames to resolve through hub hub's/,
        ),
        expect.stringMatching(/^privateRouteTableIds must be route tables of vpcId vpc-0a0a0a0a0a0a0a0a1/),
        expect.stringMatching(
          /^Spoke VPC vpc-0a0a0a0a0a0a0a0a1 has its own interface endpoints with private DNS for services of hub hub: /,
        ),
      ]);
    });

    test('THEN the stacks are a hub and two spokes', () => {
      const app = Testing.app();
      const built = buildStacks(app, parseConfig(JSON.stringify(HUB_AND_SPOKES_CONFIG), 'hub.json'), 'hub.json');
      expect(built.map((stack) => [stack.node.id, stack.constructor.name])).toEqual([
        ['hub', EcrPrivateLinkStack.name],
        ['team-a', EcrSpokeStack.name],
        ['team-b', EcrSpokeStack.name],
      ]);
    });
  });

  describe('GIVEN "hub": {} with no spokes', () => {
    const synthesized = synthHub();
    const json = JSON.parse(synthesized);

    test('THEN the zones serve the hub VPC alone: no association, no spoke rule, no second provider', () => {
      expect(Object.keys(json.resource.aws_route53_zone)).toEqual(['hub-ecr-api-zone', 'hub-ecr-dkr-zone']);
      expect(json.resource.aws_route53_zone_association).toBeUndefined();
      expect(json.resource.aws_security_group['hub-ecr-privatelink'].ingress).toHaveLength(1);
      expect(json.provider).toBeUndefined();
    });
  });

  describe('GIVEN a hub in China with the EKS profile', () => {
    const json = JSON.parse(
      synthHub({ region: 'cn-north-1', workload: 'eks', hub: { spokes: [{ name: 's', vpcId: TEAM_A_VPC, cidrBlocks: ['10.1.0.0/16'] }] } }),
    );

    test('THEN every interface service has a zone, in the amazonaws.com.cn suffix', () => {
      const names = Object.values(json.resource.aws_route53_zone).map((zone) => (zone as { name: string }).name);
      expect(names.sort()).toEqual([
        'api.ecr.cn-north-1.amazonaws.com.cn',
        'dkr.ecr.cn-north-1.amazonaws.com.cn',
        'ec2.cn-north-1.amazonaws.com.cn',
        'elasticloadbalancing.cn-north-1.amazonaws.com.cn',
        'logs.cn-north-1.amazonaws.com.cn',
        'sts.cn-north-1.amazonaws.com.cn',
        'xray.cn-north-1.amazonaws.com.cn',
      ]);
      expect(Object.keys(json.resource.aws_route53_zone_association)).toHaveLength(7);
    });
  });

  test.each<[string, Partial<EcrPrivateLinkProps>, string]>([
    [
      'its own VPC as a spoke',
      { hub: { spokes: [{ name: 's', vpcId: HUB_VPC }] } },
      `hub.spokes[0].vpcId: "${HUB_VPC}" is the hub's own VPC`,
    ],
    [
      'one VPC twice',
      {
        hub: {
          spokes: [
            { name: 'a', vpcId: TEAM_A_VPC },
            { name: 'b', vpcId: TEAM_A_VPC },
          ],
        },
      },
      `hub.spokes[1].vpcId: "${TEAM_A_VPC}" is listed twice`,
    ],
    [
      'a role of another partition',
      { hub: { spokes: [{ name: 'a', vpcId: TEAM_A_VPC, associationRoleArn: 'arn:aws-cn:iam::210987654321:role/r' }] } },
      'hub.spokes[0].associationRoleArn: "arn:aws-cn:iam::210987654321:role/r" is in partition "aws-cn", but ap-northeast-1 is in "aws"',
    ],
    [
      'a spoke network with host bits',
      { hub: { spokes: [{ name: 'a', vpcId: TEAM_A_VPC, cidrBlocks: ['10.1.0.1/16'] }] } },
      'hub.spokes[0].cidrBlocks[0]: "10.1.0.1/16" has host bits set',
    ],
  ])('GIVEN a hub construct with %s THEN it throws a ValidationError naming the prop and value', (_, props, message) => {
    expect(() => synthHub(props)).toThrow(ValidationError);
    expect(() => synthHub(props)).toThrow(message);
  });

  test('GIVEN a stack that is neither hub nor spoke THEN its endpoints keep private DNS and it has no zone', () => {
    const json = JSON.parse(synthHub({ hub: undefined }));
    expect(json.resource.aws_vpc_endpoint['hub-ecr-dkr'].private_dns_enabled).toBe(true);
    expect(json.resource.aws_route53_zone).toBeUndefined();
  });

  test('GIVEN interface services given to a hub THEN they are the ones it makes zones for', () => {
    const json = JSON.parse(synthHub({ interfaceServices: [InterfaceService.ECR_DKR, InterfaceService.LOGS] }));
    expect(Object.keys(json.resource.aws_route53_zone)).toEqual(['hub-ecr-dkr-zone', 'hub-logs-zone']);
    expect(json.resource.aws_route53_zone['hub-logs-zone'].name).toBe('logs.ap-northeast-1.amazonaws.com');
  });

  test('GIVEN the hub’s client networks THEN its own rule is unchanged by the spokes (existing states keep it)', () => {
    expect(synthHub({ hub: { spokes: [{ name: 'a', vpcId: TEAM_A_VPC, cidrBlocks: ['10.1.0.0/16'] }] } })).toHaveResourceWithProperties(
      SecurityGroup,
      {
        ingress: [
          expect.objectContaining({ description: 'HTTPS from the VPC', cidr_blocks: ['10.0.0.0/16'] }),
          expect.objectContaining({ description: 'HTTPS from spoke VPCs', cidr_blocks: ['10.1.0.0/16'] }),
        ],
      },
    );
  });
});
