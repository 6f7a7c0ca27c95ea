import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { Testing, TerraformStack } from 'cdktf';
import { EcrPrivateLink, EcrPrivateLinkProps } from '../lib/constructs/ecr-private-link';
import { InterfaceService } from '../lib/naming/interface-service';
import { ValidationError } from '../lib/validation/problem';

const PROPS: EcrPrivateLinkProps = {
  region: 'ap-northeast-1',
  namePrefix: 'sample',
  vpcId: 'vpc-0a1b2c3d4e5f60718',
  privateSubnetIds: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'],
  privateRouteTableIds: ['rtb-0a1b2c3d4e5f60003'],
  allowedCidrBlocks: ['10.0.0.0/16'],
};

function synth(props: Partial<EcrPrivateLinkProps> = {}): string {
  return Testing.synthScope((scope) => {
    new EcrPrivateLink(scope, 'EcrPrivateLink', { ...PROPS, ...props });
  });
}

function resourcesOfType(synthesized: string, type: string): Record<string, any> {
  return JSON.parse(synthesized).resource?.[type] ?? {};
}

describe('EcrPrivateLink', () => {
  describe("GIVEN the article's inputs WHEN synthesized with defaults", () => {
    const synthesized = synth();

    test('THEN ecr.api and ecr.dkr are interface endpoints with private DNS in the private subnets', () => {
      for (const service of ['ecr.api', 'ecr.dkr']) {
        expect(synthesized).toHaveResourceWithProperties(VpcEndpoint, {
          service_name: `com.amazonaws.ap-northeast-1.${service}`,
          vpc_endpoint_type: 'Interface',
          vpc_id: PROPS.vpcId,
          subnet_ids: PROPS.privateSubnetIds,
          security_group_ids: ['${aws_security_group.sample-ecr-privatelink.id}'],
          private_dns_enabled: true,
        });
      }
    });

    test('THEN the S3 gateway endpoint carries the private route tables inline', () => {
      expect(synthesized).toHaveResourceWithProperties(VpcEndpoint, {
        service_name: 'com.amazonaws.ap-northeast-1.s3',
        vpc_endpoint_type: 'Gateway',
        vpc_id: PROPS.vpcId,
        route_table_ids: PROPS.privateRouteTableIds,
      });
      expect(resourcesOfType(synthesized, 'aws_vpc_endpoint_route_table_association')).toEqual({});
    });

    test('THEN the security group opens 443/tcp to the allowed networks only, as one inline rule', () => {
      expect(synthesized).toHaveResourceWithProperties(SecurityGroup, {
        name: 'sample-ecr-privatelink',
        description: 'ECR PrivateLink endpoints: HTTPS from inside the VPC',
        vpc_id: PROPS.vpcId,
        ingress: [
          expect.objectContaining({
            description: 'HTTPS from the VPC',
            from_port: 443,
            to_port: 443,
            protocol: 'tcp',
            cidr_blocks: ['10.0.0.0/16'],
          }),
        ],
      });
      expect(resourcesOfType(synthesized, 'aws_vpc_security_group_ingress_rule')).toEqual({});
      expect(resourcesOfType(synthesized, 'aws_security_group_rule')).toEqual({});
    });

    test('THEN resources sit at the addresses of original.tf, whatever the construct nesting', () => {
      expect(Object.keys(resourcesOfType(synthesized, 'aws_vpc_endpoint')).sort()).toEqual([
        'sample-ecr-api',
        'sample-ecr-dkr',
        'sample-s3',
      ]);
      expect(Object.keys(resourcesOfType(synthesized, 'aws_security_group'))).toEqual(['sample-ecr-privatelink']);
    });

    test('THEN no resource carries tags, so states written without tags stay unchanged', () => {
      const all = [
        ...Object.values(resourcesOfType(synthesized, 'aws_vpc_endpoint')),
        ...Object.values(resourcesOfType(synthesized, 'aws_security_group')),
      ];
      expect(all.filter((resource) => 'tags' in resource)).toEqual([]);
    });
  });

  describe('GIVEN another prefix, region and networks', () => {
    const synthesized = synth({
      namePrefix: 'prod',
      region: 'eu-west-1',
      privateRouteTableIds: ['rtb-11111111', 'rtb-22222222'],
      allowedCidrBlocks: ['10.1.0.0/16', '192.168.0.0/24'],
    });

    test('THEN addresses, the group name and service names follow them', () => {
      expect(Object.keys(resourcesOfType(synthesized, 'aws_vpc_endpoint')).sort()).toEqual(['prod-ecr-api', 'prod-ecr-dkr', 'prod-s3']);
      expect(synthesized).toHaveResourceWithProperties(SecurityGroup, {
        name: 'prod-ecr-privatelink',
        ingress: [expect.objectContaining({ cidr_blocks: ['10.1.0.0/16', '192.168.0.0/24'] })],
      });
      expect(synthesized).toHaveResourceWithProperties(VpcEndpoint, {
        service_name: 'com.amazonaws.eu-west-1.ecr.dkr',
      });
      expect(synthesized).toHaveResourceWithProperties(VpcEndpoint, {
        service_name: 'com.amazonaws.eu-west-1.s3',
        route_table_ids: ['rtb-11111111', 'rtb-22222222'],
      });
    });
  });

  describe('GIVEN further interface services', () => {
    const synthesized = synth({
      interfaceServices: [InterfaceService.ECR_API, InterfaceService.ECR_DKR, InterfaceService.LOGS, InterfaceService.of('ecs-agent')],
    });

    test('THEN each becomes <prefix>-<service with dots as dashes>, configured like the ECR pair', () => {
      const endpoints = resourcesOfType(synthesized, 'aws_vpc_endpoint');
      expect(Object.keys(endpoints).sort()).toEqual(['sample-ecr-api', 'sample-ecr-dkr', 'sample-ecs-agent', 'sample-logs', 'sample-s3']);
      expect(synthesized).toHaveResourceWithProperties(VpcEndpoint, {
        service_name: 'com.amazonaws.ap-northeast-1.logs',
        vpc_endpoint_type: 'Interface',
        private_dns_enabled: true,
        subnet_ids: PROPS.privateSubnetIds,
        security_group_ids: ['${aws_security_group.sample-ecr-privatelink.id}'],
      });
      expect(endpoints['sample-ecs-agent'].service_name).toBe('com.amazonaws.ap-northeast-1.ecs-agent');
    });
  });

  describe('GIVEN tags', () => {
    const synthesized = synth({ tags: { team: 'platform', env: 'prod' } });

    test('THEN every resource carries them', () => {
      const tags = { team: 'platform', env: 'prod' };
      expect(synthesized).toHaveResourceWithProperties(SecurityGroup, { tags });
      for (const name of ['ecr.api', 'ecr.dkr', 's3']) {
        expect(synthesized).toHaveResourceWithProperties(VpcEndpoint, {
          service_name: `com.amazonaws.ap-northeast-1.${name}`,
          tags,
        });
      }
    });
  });

  describe('GIVEN a custom security group description', () => {
    test('THEN the group uses it', () => {
      expect(synth({ securityGroupDescription: 'Endpoints' })).toHaveResourceWithProperties(SecurityGroup, {
        description: 'Endpoints',
      });
    });
  });

  describe('GIVEN a workload profile', () => {
    test('THEN its documented interface endpoints are created', () => {
      const endpoints = resourcesOfType(synth({ workload: 'eks' }), 'aws_vpc_endpoint');
      expect(Object.keys(endpoints).sort()).toEqual(
        ['ec2', 'ecr-api', 'ecr-dkr', 'elasticloadbalancing', 'logs', 's3', 'sts', 'xray'].map((n) => `sample-${n}`),
      );
    });

    test("AND additional services THEN they are created besides the profile's", () => {
      const endpoints = resourcesOfType(
        synth({ workload: 'ecs-fargate', additionalInterfaceServices: [InterfaceService.LOGS] }),
        'aws_vpc_endpoint',
      );
      expect(Object.keys(endpoints).sort()).toEqual(['sample-ecr-api', 'sample-ecr-dkr', 'sample-logs', 'sample-s3']);
    });
  });

  describe('GIVEN a workload and interfaceServices together', () => {
    test('THEN interfaceServices wins and a warning says how to add instead', () => {
      const stack = new TerraformStack(Testing.app(), 'test');
      const link = new EcrPrivateLink(stack, 'EcrPrivateLink', {
        ...PROPS,
        workload: 'eks',
        interfaceServices: [InterfaceService.ECR_DKR],
      });
      expect(link.interfaceEndpoints.map((e) => e.service.shortName)).toEqual(['ecr.dkr']);
      expect(link.node.metadata.map((m) => m.data)).toEqual([expect.stringContaining('additionalInterfaceServices')]);
    });
  });

  describe('GIVEN a region in China', () => {
    test('THEN ECR endpoints use cn.com.amazonaws and the S3 gateway stays com.amazonaws', () => {
      const synthesized = synth({ region: 'cn-north-1' });
      expect(synthesized).toHaveResourceWithProperties(VpcEndpoint, { service_name: 'cn.com.amazonaws.cn-north-1.ecr.dkr' });
      expect(synthesized).toHaveResourceWithProperties(VpcEndpoint, {
        service_name: 'com.amazonaws.cn-north-1.s3',
        vpc_endpoint_type: 'Gateway',
      });
    });
  });

  describe('GIVEN the defaults', () => {
    test("THEN no endpoint policy is set (AWS's default stays, so existing deployments do not change unasked)", () => {
      const endpoints = Object.values(resourcesOfType(synth(), 'aws_vpc_endpoint'));
      expect(endpoints.filter((endpoint) => 'policy' in endpoint)).toEqual([]);
      expect(JSON.parse(synth()).data.aws_iam_policy_document).toBeUndefined();
    });
  });

  describe('GIVEN leastPrivilegePolicies', () => {
    const synthesized = synth({
      leastPrivilegePolicies: true,
      extraS3BucketArns: ['arn:aws:s3:::team-artifacts'],
      interfaceServices: [InterfaceService.ECR_API, InterfaceService.ECR_DKR, InterfaceService.LOGS],
    });
    const endpoints = resourcesOfType(synthesized, 'aws_vpc_endpoint');

    test("THEN the S3 gateway allows only GetObject on ECR's layer bucket, plus the listed buckets", () => {
      expect(synthesized).toHaveDataSourceWithProperties(DataAwsIamPolicyDocument, {
        statement: [
          expect.objectContaining({
            sid: 'EcrImageLayers',
            actions: ['s3:GetObject'],
            resources: ['arn:aws:s3:::prod-ap-northeast-1-starport-layer-bucket/*'],
            principals: [{ type: '*', identifiers: ['*'] }],
          }),
          expect.objectContaining({
            sid: 'ListedBuckets',
            resources: ['arn:aws:s3:::team-artifacts', 'arn:aws:s3:::team-artifacts/*'],
          }),
        ],
      });
      expect(endpoints['sample-s3'].policy).toBe('${data.aws_iam_policy_document.sample-s3-gateway-policy.json}');
    });

    test('THEN the ECR endpoints serve only principals of the deploying account', () => {
      expect(synthesized).toHaveDataSourceWithProperties(DataAwsIamPolicyDocument, {
        statement: [
          expect.objectContaining({
            condition: [
              { test: 'StringEquals', variable: 'aws:PrincipalAccount', values: ['${data.aws_caller_identity.sample-current.account_id}'] },
            ],
          }),
        ],
      });
      expect(endpoints['sample-ecr-api'].policy).toBe('${data.aws_iam_policy_document.sample-ecr-endpoint-policy.json}');
      expect(endpoints['sample-ecr-dkr'].policy).toBe('${data.aws_iam_policy_document.sample-ecr-endpoint-policy.json}');
    });

    test('THEN other interface endpoints keep the default policy', () => {
      expect(endpoints['sample-logs'].policy).toBeUndefined();
    });

    test('AND allowed accounts THEN those accounts are the condition, with no caller lookup', () => {
      const json = JSON.parse(synth({ leastPrivilegePolicies: true, allowedAccountIds: ['111111111111', '222222222222'] }));
      expect(json.data.aws_caller_identity).toBeUndefined();
      const condition = json.data.aws_iam_policy_document['sample-ecr-endpoint-policy'].statement[0].condition;
      expect(condition).toEqual([{ test: 'StringEquals', variable: 'aws:PrincipalAccount', values: ['111111111111', '222222222222'] }]);
    });

    test('AND a GovCloud region THEN the layer bucket ARN is in the aws-us-gov partition', () => {
      const json = JSON.parse(synth({ leastPrivilegePolicies: true, region: 'us-gov-west-1' }));
      expect(json.data.aws_iam_policy_document['sample-s3-gateway-policy'].statement[0].resources).toEqual([
        'arn:aws-us-gov:s3:::prod-us-gov-west-1-starport-layer-bucket/*',
      ]);
    });
  });

  describe('GIVEN client security groups', () => {
    const clients = ['sg-0a1b2c3d4e5f60021', 'sg-0a1b2c3d4e5f60022'];
    const synthesized = synth({ clientSecurityGroupIds: clients });

    test("THEN each gets egress on 443/tcp to the endpoints' group and to the S3 prefix list only, as rule resources", () => {
      const rules = resourcesOfType(synthesized, 'aws_vpc_security_group_egress_rule');
      expect(Object.keys(rules).sort()).toEqual(clients.flatMap((sg) => [`sample-${sg}-to-endpoints`, `sample-${sg}-to-s3`]).sort());
      for (const sg of clients) {
        expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, {
          security_group_id: sg,
          ip_protocol: 'tcp',
          from_port: 443,
          to_port: 443,
          referenced_security_group_id: '${aws_security_group.sample-ecr-privatelink.id}',
        });
        expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, {
          security_group_id: sg,
          prefix_list_id: '${aws_vpc_endpoint.sample-s3.prefix_list_id}',
        });
      }
    });

    test("THEN the endpoints' group lets them in on 443 through its inline rules, keeping the CIDR rule first", () => {
      expect(synthesized).toHaveResourceWithProperties(SecurityGroup, {
        ingress: [
          expect.objectContaining({ cidr_blocks: ['10.0.0.0/16'], from_port: 443 }),
          expect.objectContaining({ security_groups: clients, from_port: 443, to_port: 443, protocol: 'tcp' }),
        ],
      });
      expect(resourcesOfType(synthesized, 'aws_vpc_security_group_ingress_rule')).toEqual({});
    });
  });

  describe('GIVEN existing resources to adopt', () => {
    test('THEN each gets an import block at its address, and nothing else changes', () => {
      const adopt = { securityGroup: 'sg-0a1b2c3d4e5f60004', 'ecr.dkr': 'vpce-0a1b2c3d4e5f60006', s3: 'vpce-0a1b2c3d4e5f60007' };
      const json = JSON.parse(synth({ adopt }));
      expect(json.import).toEqual([
        { to: 'aws_security_group.sample-ecr-privatelink', id: 'sg-0a1b2c3d4e5f60004' },
        { to: 'aws_vpc_endpoint.sample-ecr-dkr', id: 'vpce-0a1b2c3d4e5f60006' },
        { to: 'aws_vpc_endpoint.sample-s3', id: 'vpce-0a1b2c3d4e5f60007' },
      ]);
      expect(json.resource).toEqual(JSON.parse(synth()).resource);
    });
  });

  describe('GIVEN bad props WHEN constructed', () => {
    function construct(props: Partial<EcrPrivateLinkProps>): () => void {
      return () => new EcrPrivateLink(new TerraformStack(Testing.app(), 'test'), 'EcrPrivateLink', { ...PROPS, ...props });
    }

    test.each<[string, Partial<EcrPrivateLinkProps>, string]>([
      [
        'an S3 bucket of another partition',
        { leastPrivilegePolicies: true, extraS3BucketArns: ['arn:aws-cn:s3:::b'] },
        'extraS3BucketArns[0]: "arn:aws-cn:s3:::b" is in partition "aws-cn"',
      ],
      [
        'an adopt key naming no resource',
        { adopt: { logs: 'vpce-0a1b2c3d4e5f60005' } },
        'adopt.logs: "vpce-0a1b2c3d4e5f60005" names no resource of this stack (it has: securityGroup, s3, ecr.api, ecr.dkr)',
      ],
      ['a CIDR with host bits', { allowedCidrBlocks: ['10.0.0.1/16'] }, 'did you mean "10.0.0.0/16"?'],
      ['services without ecr.dkr', { interfaceServices: [InterfaceService.ECR_API] }, 'interfaceServices: ["ecr.api"] lacks "ecr.dkr"'],
      [
        'two services with the same resource name',
        { interfaceServices: [InterfaceService.ECR_DKR, InterfaceService.of('ecr-dkr')] },
        'interfaceServices[1]: "ecr-dkr" is listed twice',
      ],
    ])('THEN %s is refused at construction with the field and value named', (_, props, message) => {
      expect(construct(props)).toThrow(ValidationError);
      expect(construct(props)).toThrow(message);
    });

    test('THEN the error names the construct path', () => {
      expect(construct({ allowedCidrBlocks: ['10.0.0.1/16'] })).toThrow(/^test\/EcrPrivateLink: 1 problem/);
    });
  });
});
