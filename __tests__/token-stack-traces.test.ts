import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Testing, TerraformStack, Tokenization } from 'cdktf';
import { UNRECORDED_CREATION_STACK, withTokenStackTraces } from '../lib/cdktf/token-stack-traces';
import { debugRequested } from '../main';
import { synthExample } from './support/example-stack';

/** Where cdktf says an endpoint's `id` reference and its `dns_entry` list were created. */
function creationStacks(): { reference: string[]; list: string[] } {
  const endpoint = new VpcEndpoint(new TerraformStack(Testing.app(), 'stack'), 'endpoint', { vpcId: 'vpc-1', serviceName: 'svc' });
  const [reference] = Tokenization.reverseString(endpoint.id).tokens;
  return { reference: reference.creationStack, list: endpoint.dnsEntry.creationStack };
}

const THIS_FILE = __filename.split(/[\\/]/).pop()!;

describe('withTokenStackTraces', () => {
  test('GIVEN recording off WHEN tokens are created THEN their creation stacks say how to get them recorded', () => {
    const stacks = withTokenStackTraces(false, creationStacks);
    expect(stacks).toEqual({ reference: UNRECORDED_CREATION_STACK, list: UNRECORDED_CREATION_STACK });
    expect(UNRECORDED_CREATION_STACK[0]).toContain('CDK_DEBUG=1');
  });

  test("GIVEN recording on (cdktf's default) WHEN tokens are created THEN their creation stacks lead back to this file", () => {
    for (const stack of [creationStacks(), withTokenStackTraces(true, creationStacks)]) {
      expect(stack.reference.join('\n')).toContain(THIS_FILE);
      expect(stack.list.join('\n')).toContain(THIS_FILE);
    }
  });

  test('GIVEN recording off WHEN the body returns or throws THEN recording is back as it was', () => {
    withTokenStackTraces(false, () => undefined);
    expect(creationStacks().reference.join('\n')).toContain(THIS_FILE);
    expect(() =>
      withTokenStackTraces(false, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(creationStacks().reference.join('\n')).toContain(THIS_FILE);
  });

  test('GIVEN recording off WHEN the example stack is synthesized THEN the Terraform JSON is exactly the same', () => {
    expect(withTokenStackTraces(false, () => synthExample())).toEqual(synthExample());
  });
});

describe('debugRequested (CDK_DEBUG, as in AWS CDK)', () => {
  test.each([
    [undefined, false],
    ['', false],
    ['0', false],
    ['false', false],
    ['1', true],
    ['true', true],
    ['TRUE', true],
  ])('GIVEN CDK_DEBUG=%p THEN debugging aids are %p', (value, expected) => {
    expect(debugRequested(value === undefined ? {} : { CDK_DEBUG: value })).toBe(expected);
  });
});
