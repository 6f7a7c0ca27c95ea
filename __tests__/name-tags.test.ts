import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { InterfaceService } from '../lib/naming/interface-service';
import { exampleStack, synthExample, synthExampleJson } from './support/example-stack';

describe('Name tags', () => {
  describe('GIVEN nameTags with tags, a further service and a client group', () => {
    const synthesized = synthExample({
      nameTags: true,
      tags: { team: 'platform' },
      interfaceServices: [InterfaceService.ECR_API, InterfaceService.ECR_DKR, InterfaceService.LOGS],
      clientSecurityGroupIds: ['sg-0a1b2c3d4e5f60021'],
    });
    const json = JSON.parse(synthesized);

    test('THEN every endpoint is named by its resource name, beside the common tags', () => {
      for (const [service, name] of [
        ['ecr.api', 'sample-ecr-api'],
        ['ecr.dkr', 'sample-ecr-dkr'],
        ['logs', 'sample-logs'],
        ['s3', 'sample-s3'],
      ]) {
        expect(synthesized).toHaveResourceWithProperties(VpcEndpoint, {
          service_name: `com.amazonaws.ap-northeast-1.${service}`,
          tags: { team: 'platform', Name: name },
        });
      }
    });

    test("THEN the endpoints' group and the client egress rules are named too", () => {
      expect(synthesized).toHaveResourceWithProperties(SecurityGroup, { tags: { team: 'platform', Name: 'sample-ecr-privatelink' } });
      for (const suffix of ['to-endpoints', 'to-s3']) {
        expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, {
          tags: { team: 'platform', Name: `sample-sg-0a1b2c3d4e5f60021-${suffix}` },
        });
      }
    });

    test('THEN every managed resource of the stack carries a Name', () => {
      const managed = Object.values(json.resource).flatMap((byName) => Object.values(byName as Record<string, { tags?: object }>));
      expect(managed.filter((resource) => !(resource.tags && 'Name' in resource.tags))).toEqual([]);
    });
  });

  test('GIVEN no nameTags (the default) THEN no resource carries tags, as in the article', () => {
    const json = synthExampleJson({ tags: {} });
    const managed = Object.values(json.resource).flatMap((byName) => Object.values(byName as Record<string, object>));
    expect(managed.filter((resource) => 'tags' in resource)).toEqual([]);
  });

  test('GIVEN nameTags and a Name tag of its own WHEN constructed THEN it is refused, naming tags.Name', () => {
    expect(() => exampleStack({ nameTags: true, tags: { Name: 'ecr' } })).toThrow(
      'tags.Name: "ecr" would name every resource alike, while "nameTags": true names each by its resource name; keep one of the two',
    );
  });
});
