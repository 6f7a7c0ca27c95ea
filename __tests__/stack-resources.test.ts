import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Testing, TerraformStack } from 'cdktf';
import { stackResources } from '../lib/checks/stack-resources';

describe('stackResources (what the checks see)', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const group = new SecurityGroup(stack, 'group', { vpcId: 'vpc-1' });
  const endpoint = new VpcEndpoint(stack, 'endpoint', {
    vpcId: 'vpc-1',
    serviceName: 'com.amazonaws.ap-northeast-1.ecr.dkr',
    vpcEndpointType: 'Interface',
    securityGroupIds: [group.id],
    lifecycle: { precondition: [{ condition: '${true}', errorMessage: 'never' }] },
  });
  endpoint.addOverride('private_dns_enabled', true);
  const [, listed] = stackResources(stack);

  test('GIVEN a resource THEN it is listed by type and name, with its construct', () => {
    expect(listed).toMatchObject({ type: 'aws_vpc_endpoint', name: endpoint.friendlyUniqueId, construct: endpoint });
  });

  test('GIVEN an argument that references another resource THEN it reads as the Terraform expression', () => {
    expect(listed.args.security_group_ids).toEqual([`\${aws_security_group.${group.friendlyUniqueId}.id}`]);
  });

  test("GIVEN an override THEN the argument reads as overridden, in Terraform's spelling", () => {
    expect(listed.args.private_dns_enabled).toBe(true);
    expect(listed.args.service_name).toBe('com.amazonaws.ap-northeast-1.ecr.dkr');
  });

  test('GIVEN meta-arguments THEN they are not among the arguments', () => {
    expect(Object.keys(listed.args)).not.toContain('lifecycle');
    expect(Object.keys(listed.args)).not.toContain('//');
  });

  test('GIVEN an argument read twice THEN it is the same value (resolved once)', () => {
    expect(listed.args.security_group_ids).toBe(listed.args.security_group_ids);
  });
});
