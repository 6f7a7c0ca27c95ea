import { BackendConfig } from '../lib/config/app-config';
import { EcrPrivateLinkStackProps } from '../stacks/ecr-private-link-stack';
import { synthExampleJson } from './support/example-stack';
import { TERRAFORM_VERSION } from './support/terraform-version';

/**
 * Every synthesized stack states the Terraform it needs (`terraform.required_version`), so an older
 * Terraform stops with "Unsupported Terraform Core version" (proven with Terraform itself in
 * terraform/required-version.test.ts) instead of a parse error. The constraint is checked against what each
 * synthesized stack actually holds, read from its JSON.
 */

/**
 * What each Terraform language construct the stacks may hold needs, from Terraform's changelog: `import`
 * and `check` blocks came with 1.5.0, the s3 backend's `use_lockfile` with 1.10.0. A construct the stacks
 * start to use must be added here (the last test below fails until it is).
 */
const FIRST_RELEASE_READING: Record<string, string> = {
  import: '1.5',
  check: '1.5',
  'backend.s3.use_lockfile': '1.10',
};

/** The constructs of FIRST_RELEASE_READING a synthesized stack holds. */
function constructsIn(json: any): string[] {
  return [
    ...Object.keys(json).filter((key) => key in FIRST_RELEASE_READING),
    ...(json.terraform?.backend?.s3?.use_lockfile ? ['backend.s3.use_lockfile'] : []),
  ];
}

/** The lowest version a `>= X.Y` constraint admits (the stacks write no other form). */
function lowerBound(constraint: string): number[] {
  const match = /^>= (\d+)\.(\d+)$/.exec(constraint);
  expect({ constraint, form: match ? '>= X.Y' : 'other' }).toEqual({ constraint, form: '>= X.Y' });
  return [Number(match![1]), Number(match![2])];
}

const atLeast = (version: number[], needed: string): boolean => {
  const [major, minor] = needed.split('.').map(Number);
  return version[0] > major || (version[0] === major && version[1] >= minor);
};

const S3_LOCKFILE: BackendConfig = { type: 's3', bucket: 'tf-state-123', key: 'ecr/sample.tfstate', region: 'ap-northeast-1', encrypt: true, useLockfile: true };
const S3_DYNAMODB: BackendConfig = { ...S3_LOCKFILE, useLockfile: false, dynamodbTable: 'tf-locks' };

const VARIANTS: [string, Partial<EcrPrivateLinkStackProps>, string][] = [
  ['the example (local state, preflight check block)', {}, '>= 1.5'],
  ['an s3 backend with use_lockfile', { backend: S3_LOCKFILE }, '>= 1.10'],
  ['an s3 backend locked with DynamoDB only', { backend: S3_DYNAMODB }, '>= 1.5'],
  ['an HCP Terraform backend', { backend: { type: 'cloud', organization: 'acme', workspace: 'ecr-sample' } }, '>= 1.5'],
  ['adopt (import blocks) and an s3 lock file', { adopt: { securityGroup: 'sg-0a1b2c3d4e5f60004', s3: 'vpce-0a1b2c3d4e5f60007' }, backend: S3_LOCKFILE }, '>= 1.10'],
  ['no preflight and no adopt (neither import nor check)', { preflight: false }, '>= 1.5'],
];

describe.each(VARIANTS)('GIVEN %s WHEN synthesized', (_, overrides, expected) => {
  const json = synthExampleJson(overrides);
  const constraint: string = json.terraform.required_version;

  test(`THEN terraform.required_version is "${expected}"`, () => {
    expect(constraint).toBe(expected);
  });

  test('THEN the constraint admits no Terraform too old for a construct the stack holds', () => {
    const tooOld = constructsIn(json).filter((construct) => !atLeast(lowerBound(constraint), FIRST_RELEASE_READING[construct]));
    expect(tooOld).toEqual([]);
  });

  test(`THEN the Terraform the tests and CI run (${TERRAFORM_VERSION}) satisfies it`, () => {
    const [major, minor] = TERRAFORM_VERSION.split('.').map(Number);
    expect(atLeast([major, minor], `${lowerBound(constraint).join('.')}`)).toBe(true);
  });
});

test('GIVEN the variants above THEN between them they hold every construct of the table, so each row is exercised', () => {
  const held = new Set(VARIANTS.flatMap(([, overrides]) => constructsIn(synthExampleJson(overrides))));
  expect([...held].sort()).toEqual(Object.keys(FIRST_RELEASE_READING).sort());
});

test('GIVEN the example WHEN synthesized THEN it holds no top-level block newer than the table knows', () => {
  // Blocks Terraform has read since before 1.5; anything else at the top level must be added to the table.
  const known = new Set(['//', 'terraform', 'provider', 'resource', 'data', 'output', 'variable', 'locals', 'module', ...Object.keys(FIRST_RELEASE_READING)]);
  const json = synthExampleJson({ adopt: { securityGroup: 'sg-0a1b2c3d4e5f60004' } });
  expect(Object.keys(json).filter((key) => !known.has(key))).toEqual([]);
});
