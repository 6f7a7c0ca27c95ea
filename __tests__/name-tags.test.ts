import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { InterfaceService } from '../lib/naming/interface-service';
import { main } from '../main';
import { tempProject } from './support/app-process';
import { HUB_AND_SPOKES_CONFIG } from './support/hub-and-spoke';
import { exampleStack, synthExample, synthExampleJson } from './support/example-stack';

/** The resource types of these stacks that take tags (records, associations and authorizations do not). */
const TAGGABLE = ['aws_vpc_endpoint', 'aws_security_group', 'aws_vpc_security_group_egress_rule', 'aws_route53_zone'];

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

  test("GIVEN nameTags in a hub and its spokes THEN the hub's zones and the spokes' gateways and rules are named too", () => {
    const project = tempProject('name-tags-hub');
    const config = path.join(project, 'config.json');
    const stacks = HUB_AND_SPOKES_CONFIG.stacks.map((stack) => ({ ...stack, nameTags: true }));
    writeFileSync(config, JSON.stringify({ stacks }));
    const outdir = path.join(project, 'cdktf.out');
    const stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const code = main({ ECR_PRIVATELINK_CONFIG: config, CDKTF_OUTDIR: outdir });
    stderr.mockRestore();
    expect(code).toBe(0);
    const read = (name: string) => JSON.parse(readFileSync(path.join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8'));
    const unnamed = (stack: { resource: Record<string, Record<string, { tags?: Record<string, string> }>> }) =>
      Object.entries(stack.resource).flatMap(([type, byName]) =>
        Object.entries(byName)
          .filter(([name, resource]) => TAGGABLE.includes(type) && resource.tags?.Name !== name)
          .map(([name]) => `${type}.${name}`),
      );
    const hub = read('hub');
    expect(Object.keys(hub.resource.aws_route53_zone)).not.toHaveLength(0);
    expect(unnamed(hub)).toEqual([]);
    expect(unnamed(read('team-a'))).toEqual([]);
    expect(read('team-a').resource.aws_vpc_security_group_egress_rule['team-a-sg-0a0a0a0a0a0a0a0a1-to-s3'].tags).toEqual({
      Name: 'team-a-sg-0a0a0a0a0a0a0a0a1-to-s3',
    });
    expect(read('team-b').resource.aws_vpc_endpoint['team-b-s3'].tags).toEqual({ Name: 'team-b-s3' });
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
