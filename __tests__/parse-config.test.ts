import { readFileSync } from 'fs';
import { parseConfig } from '../lib/config/parse-config';
import { formatProblem, ValidationError } from '../lib/validation/problem';
import { schemaArtifacts } from '../lib/config/schema-artifacts';
import { exampleWith } from './support/bad-configs';
import { EXAMPLE_CONFIG_PATH, REPO_ROOT } from './support/example-stack';

const EXAMPLE_TEXT = readFileSync(EXAMPLE_CONFIG_PATH, 'utf8');

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

    test('THEN a UTF-8 byte order mark (as editors on Windows write) changes nothing', () => {
      expect(parseConfig(`\uFEFF${EXAMPLE_TEXT}`, EXAMPLE_CONFIG_PATH)).toEqual(config);
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

    test('THEN it is accepted and the fields come through', () => {
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
    });
  });

  describe('GIVEN several stacks', () => {
    test('THEN all are returned in order', () => {
      const config = exampleWith((stack, root) => {
        root.stacks.push({ ...stack, name: 'tokyo-2', namePrefix: 'second', backend: undefined });
      });
      expect(parseConfig(JSON.stringify(config), 'two.json').stacks.map((s) => s.name)).toEqual(['sample', 'tokyo-2']);
    });
  });

  describe('GIVEN several problems at once', () => {
    test('THEN all are reported, not just the first', () => {
      const config = exampleWith((s, root) => {
        s.vpcId = 'vpc-1';
        root.stacks.push({ ...s, name: 'second', namePrefix: 'second', allowedCidrBlocks: ['10.0.0.0'], privateSubnetIds: [] });
      });
      expect(problemsOf(config)).toEqual([
        expect.stringContaining('stacks[0].vpcId'),
        expect.stringContaining('stacks[1].vpcId'),
        expect.stringContaining('stacks[1].privateSubnetIds: [] is empty'),
        expect.stringContaining('stacks[1].allowedCidrBlocks[0]'),
      ]);
    });
  });

  describe('GIVEN unknown keys', () => {
    test('THEN each is named with a hint, and the known fields are listed once', () => {
      const config = exampleWith((s) => {
        s.vpcID = s.vpcId;
        s.privateSubnetId = [];
      });
      let message = '';
      try {
        parseConfig(JSON.stringify(config), 'typos.json');
      } catch (error) {
        message = (error as ValidationError).message;
      }
      expect(message).toContain('stacks[0].vpcID: "vpc-0a1b2c3d4e5f60718" is not a known field (did you mean "vpcId"?)');
      expect(message).toContain('stacks[0].privateSubnetId: [] is not a known field (did you mean "privateSubnetIds"?)');
      expect(message.match(/Known fields of a stack: name, region, namePrefix, vpcId/g)).toHaveLength(1);
    });
  });

  describe('GIVEN keys named like Object.prototype members', () => {
    test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
      'THEN %s is refused as an unknown field, anywhere',
      (key) => {
        const text = EXAMPLE_TEXT.replace('"name": "sample",', `"name": "sample", "${key}": 1,`).replace(
          '"stacks": [',
          `"${key}": 1, "stacks": [`,
        );
        expect(() => parseConfig(text, 'proto.json')).toThrow(`stacks[0].${key}: 1 is not a known field`);
        expect(() => parseConfig(text, 'proto.json')).toThrow(`\n  - ${key}: 1 is not a known field`);
      },
    );
  });

  describe('GIVEN the committed editor schema and validator', () => {
    test('THEN they are what `npm run generate` makes from lib/config/config-schema.ts now', () => {
      for (const [file, content] of Object.entries(schemaArtifacts())) {
        expect({ file, content: readFileSync(`${REPO_ROOT}/${file}`, 'utf8') }).toEqual({ file, content });
      }
    });
  });

  describe('GIVEN text that is not JSON', () => {
    test('THEN the error names the file and says so', () => {
      expect(() => parseConfig('{ "stacks": [', 'broken.json')).toThrow(/^broken\.json: 1 problem\(s\)\n.*is not valid JSON/);
    });
  });
});
