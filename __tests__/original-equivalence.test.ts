import { readFileSync } from 'fs';
import * as path from 'path';
import { parse } from '@cdktf/hcl2json';
import { exampleStackConfig, REPO_ROOT, synthExampleJson } from './support/example-stack';

/**
 * The example stack against the article's Terraform (reference/original.tf, read with HashiCorp's HCL
 * parser): same resource addresses, same literal arguments. original.tf creates its VPC, subnets and
 * route table; our stack takes their IDs from the config, so references to them must become those IDs.
 */
describe('GIVEN original.tf and the example stack', () => {
  const config = exampleStackConfig();
  const synthesized = synthExampleJson();
  let original: Record<string, Record<string, Record<string, unknown>[]>>;

  /** What each of original.tf's references to its own supporting resources stands for in our stack. */
  const REFERENCES: Record<string, unknown> = {
    '${aws_vpc.sample.id}': config.vpcId,
    '${aws_vpc.sample.cidr_block}': config.allowedCidrBlocks?.[0],
    '${aws_subnet.sample-private-subnets[*].id}': config.privateSubnetIds,
    '${aws_route_table.sample-private.id}': config.privateRouteTableIds[0],
    '${aws_security_group.sample-ecr-privatelink.id}': '${aws_security_group.sample-ecr-privatelink.id}',
  };

  /** Arguments we write that original.tf leaves to the provider's default, with that default. */
  const EXPLICIT_DEFAULTS: Record<string, Record<string, unknown>> = {
    'sample-s3': { vpc_endpoint_type: 'Gateway' },
  };

  /** original.tf's value with its references replaced by what they stand for. */
  function resolve(value: unknown): unknown {
    if (typeof value === 'string' && value in REFERENCES) {
      return REFERENCES[value];
    }
    if (Array.isArray(value)) {
      return value.map(resolve);
    }
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    }
    if (typeof value === 'string' && value.includes('${')) {
      throw new Error(`original.tf has a reference this test does not map: ${value}`);
    }
    return value;
  }

  /**
   * Our synthesized arguments, without cdktf's metadata, without nulls (unset in Terraform terms), and
   * without `lifecycle`: the preflight preconditions are plan-time checks, not arguments of the resource.
   */
  function ours(type: string, name: string): Record<string, unknown> {
    const { '//': _metadata, lifecycle: _preconditions, ...args } = synthesized.resource[type][name];
    return JSON.parse(JSON.stringify(args, (_, v) => (v === null ? undefined : v)));
  }

  beforeAll(async () => {
    const file = path.join(REPO_ROOT, 'reference', 'original.tf');
    original = (await parse(file, readFileSync(file, 'utf8'))).resource;
  });

  test.each([
    ['aws_vpc_endpoint', 'sample-ecr-api'],
    ['aws_vpc_endpoint', 'sample-ecr-dkr'],
    ['aws_vpc_endpoint', 'sample-s3'],
    ['aws_security_group', 'sample-ecr-privatelink'],
  ])('THEN %s.%s has the same address and arguments', (type, name) => {
    const [block] = original[type][name];
    expect(ours(type, name)).toEqual({ ...(resolve(block) as object), ...EXPLICIT_DEFAULTS[name] });
  });

  test("THEN the stack manages exactly original.tf's endpoints and endpoint security group, nothing more", () => {
    const addresses = (resources: Record<string, Record<string, unknown>>): string[] =>
      Object.entries(resources).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`));
    const theirs = addresses(original).filter((a) => a.startsWith('aws_vpc_endpoint.') || a.startsWith('aws_security_group.'));
    expect(addresses(synthesized.resource).sort()).toEqual(theirs.sort());
  });
});
