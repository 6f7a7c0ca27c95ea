import { readFileSync } from 'fs';
import Ajv from 'ajv';
import { parseConfig } from '../lib/config/parse-config';
import { formatProblem, ValidationError } from '../lib/validation/problem';
import { BAD_CONFIGS, exampleWith } from './support/bad-configs';
import { EXAMPLE_CONFIG_PATH, REPO_ROOT } from './support/example-stack';

const EXAMPLE_TEXT = readFileSync(EXAMPLE_CONFIG_PATH, 'utf8');
const validateAgainstSchema = new Ajv({ allErrors: true }).compile(
  JSON.parse(readFileSync(`${REPO_ROOT}/config/schema.json`, 'utf8')),
);

function problemsOf(config: unknown): string[] {
  try {
    parseConfig(JSON.stringify(config), 'test.json');
  } catch (error) {
    if (error instanceof ValidationError) {
      return error.problems.map(formatProblem);
    }
    throw error;
  }
  return [];
}

describe('parseConfig', () => {
  describe('GIVEN the committed example', () => {
    const config = parseConfig(EXAMPLE_TEXT, EXAMPLE_CONFIG_PATH);

    test('THEN it holds one stack "sample" in ap-northeast-1 with the article\'s prefix', () => {
      expect(config.stacks).toHaveLength(1);
      expect(config.stacks[0]).toMatchObject({ name: 'sample', region: 'ap-northeast-1', namePrefix: 'sample' });
    });

    test('THEN the editor schema accepts it too', () => {
      expect(validateAgainstSchema(JSON.parse(EXAMPLE_TEXT))).toBe(true);
    });
  });

  describe('GIVEN only the required fields', () => {
    const minimal = exampleWith((stack) => {
      delete stack.interfaceServices;
      delete stack.tags;
      delete stack.backend;
    });

    test('THEN the local backend defaults to terraform.<name>.tfstate, relative to the project', () => {
      const [stack] = parseConfig(JSON.stringify(minimal), 'minimal.json').stacks;
      expect(stack.backend).toEqual({ type: 'local', path: 'terraform.sample.tfstate' });
      expect(stack.tags).toEqual({});
      expect(stack.interfaceServices).toBeUndefined();
      expect(validateAgainstSchema(minimal)).toBe(true);
    });
  });

  describe('GIVEN every optional field', () => {
    const full = exampleWith((stack) => {
      stack.workload = 'eks';
      stack.additionalInterfaceServices = ['autoscaling'];
      stack.leastPrivilegePolicies = true;
      stack.extraS3BucketArns = ['arn:aws:s3:::my-team-artifacts'];
      stack.allowedAccountIds = ['123456789012'];
      stack.clientSecurityGroupIds = ['sg-0a1b2c3d4e5f60099'];
      stack.preflight = false;
      stack.tags = { team: 'platform' };
      delete stack.interfaceServices;
    });

    test('THEN the app and the editor schema both accept it, and the fields come through', () => {
      const [stack] = parseConfig(JSON.stringify(full), 'full.json').stacks;
      expect(stack).toMatchObject({
        workload: 'eks',
        additionalInterfaceServices: ['autoscaling'],
        leastPrivilegePolicies: true,
        extraS3BucketArns: ['arn:aws:s3:::my-team-artifacts'],
        allowedAccountIds: ['123456789012'],
        clientSecurityGroupIds: ['sg-0a1b2c3d4e5f60099'],
        preflight: false,
      });
      expect(validateAgainstSchema(full)).toBe(true);
    });
  });

  describe('GIVEN several stacks', () => {
    test('THEN all are returned in order', () => {
      const config = exampleWith((stack, root) => {
        root.stacks.push({ ...stack, name: 'tokyo-2', namePrefix: 'second' });
      });
      expect(parseConfig(JSON.stringify(config), 'two.json').stacks.map((s) => s.name)).toEqual(['sample', 'tokyo-2']);
    });
  });

  describe.each(BAD_CONFIGS)('GIVEN %s', (_, edit, expected, schemaSeesIt) => {
    const config = exampleWith(edit);

    test('THEN the app refuses it, naming the field and the value', () => {
      expect(problemsOf(config)).toContainEqual(expect.stringContaining(expected));
    });

    test(`THEN the editor schema ${schemaSeesIt ? 'refuses it too' : 'cannot tell (the app checks it)'}`, () => {
      expect(validateAgainstSchema(config)).toBe(!schemaSeesIt);
    });
  });

  describe('GIVEN several problems at once', () => {
    test('THEN all are reported, not just the first', () => {
      const config = exampleWith((s) => {
        s.vpcId = 'vpc-1';
        s.allowedCidrBlocks = ['10.0.0.1/8'];
      });
      expect(problemsOf(config)).toEqual([
        expect.stringContaining('stacks[0].vpcId'),
        expect.stringContaining('stacks[0].allowedCidrBlocks[0]'),
      ]);
    });
  });

  describe('GIVEN text that is not JSON', () => {
    test('THEN the error names the file and says so', () => {
      expect(() => parseConfig('{ "stacks": [', 'broken.json')).toThrow(/^broken\.json: 1 problem\(s\)\n.*is not valid JSON/);
    });
  });
});
