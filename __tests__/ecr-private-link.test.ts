import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
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
  describe('GIVEN the article\'s inputs WHEN synthesized with defaults', () => {
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
      expect(Object.keys(resourcesOfType(synthesized, 'aws_vpc_endpoint')).sort()).toEqual([
        'prod-ecr-api',
        'prod-ecr-dkr',
        'prod-s3',
      ]);
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
      expect(Object.keys(endpoints).sort()).toEqual([
        'sample-ecr-api',
        'sample-ecr-dkr',
        'sample-ecs-agent',
        'sample-logs',
        'sample-s3',
      ]);
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

  describe('GIVEN bad props WHEN constructed', () => {
    function construct(props: Partial<EcrPrivateLinkProps>): () => void {
      return () => new EcrPrivateLink(new TerraformStack(Testing.app(), 'test'), 'EcrPrivateLink', { ...PROPS, ...props });
    }

    test.each<[string, Partial<EcrPrivateLinkProps>, string]>([
      ['a malformed subnet ID', { privateSubnetIds: ['subnet-xyz'] }, 'privateSubnetIds[0]: "subnet-xyz" is not a subnet ID'],
      ['no route tables', { privateRouteTableIds: [] }, 'privateRouteTableIds: [] is empty'],
      ['a CIDR with host bits', { allowedCidrBlocks: ['10.0.0.1/16'] }, 'did you mean "10.0.0.0/16"?'],
      [
        'services without ecr.dkr',
        { interfaceServices: [InterfaceService.ECR_API] },
        'interfaceServices: ["ecr.api"] lacks "ecr.dkr"',
      ],
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
      expect(construct({ vpcId: 'vpc-1' })).toThrow(/^test\/EcrPrivateLink: 1 problem/);
    });
  });
});
