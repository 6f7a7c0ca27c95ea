import { existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { runApp, stackDirectory, tempProject } from './support/app-process';
import { EXAMPLE_CONFIG_PATH } from './support/example-stack';

/** The app as users run it (`cdktf synth` runs this command): files in, stacks out, errors to stderr. */
describe('the app (main.ts)', () => {
  describe('GIVEN no config WHEN run', () => {
    test('THEN it writes the committed example stack "sample"', async () => {
      const project = tempProject('main-example');
      const result = await runApp(project);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const synthesized = JSON.parse(readFileSync(path.join(stackDirectory(project, 'sample'), 'cdk.tf.json'), 'utf8'));
      expect(Object.keys(synthesized.resource.aws_vpc_endpoint).sort()).toEqual(['sample-ecr-api', 'sample-ecr-dkr', 'sample-s3']);
      expect(synthesized.terraform.backend.local.path).toBe('../../../terraform.sample.tfstate');
    });
  });

  describe('GIVEN a config with two stacks in two regions WHEN run', () => {
    test('THEN both stacks are written side by side, each with its own region and state file', async () => {
      const project = tempProject('main-two');
      const example = JSON.parse(readFileSync(EXAMPLE_CONFIG_PATH, 'utf8'));
      const tokyo = { ...example.stacks[0], name: 'tokyo', backend: undefined };
      const ireland = { ...tokyo, name: 'ireland', region: 'eu-west-1', namePrefix: 'prod' };
      const configPath = path.join(project, 'stacks.json');
      writeFileSync(configPath, JSON.stringify({ stacks: [tokyo, ireland] }));

      const result = await runApp(project, configPath);

      expect(result.code).toBe(0);
      const read = (name: string): any => JSON.parse(readFileSync(path.join(stackDirectory(project, name), 'cdk.tf.json'), 'utf8'));
      expect(read('tokyo').provider.aws[0].region).toBe('ap-northeast-1');
      expect(read('ireland').provider.aws[0].region).toBe('eu-west-1');
      expect(read('ireland').resource.aws_vpc_endpoint['prod-ecr-dkr'].service_name).toBe('com.amazonaws.eu-west-1.ecr.dkr');
      expect(read('tokyo').terraform.backend.local.path).toBe('../../../terraform.tokyo.tfstate');
      expect(read('ireland').terraform.backend.local.path).toBe('../../../terraform.ireland.tfstate');
    });
  });

  describe.each([
    [
      'a config with a bad field in its second stack',
      (dir: string) => {
        const example = JSON.parse(readFileSync(EXAMPLE_CONFIG_PATH, 'utf8'));
        const second = { ...example.stacks[0], name: 'second', privateSubnetIds: ['subnet-bad'] };
        return writeConfig(dir, JSON.stringify({ stacks: [example.stacks[0], second] }));
      },
      'stacks[1].privateSubnetIds[0]: "subnet-bad" is not a subnet ID',
    ],
    ['a file that is not JSON', (dir: string) => writeConfig(dir, '{ "stacks": '), 'is not valid JSON'],
    ['a path with no file', (dir: string) => path.join(dir, 'missing.json'), 'ECR_PRIVATELINK_CONFIG: "'],
  ])('GIVEN %s WHEN run', (_, makeConfig, message) => {
    let result: Awaited<ReturnType<typeof runApp>>;
    let project: string;

    beforeAll(async () => {
      project = tempProject('main-bad');
      result = await runApp(project, makeConfig(project));
    });

    test('THEN it exits non-zero with a message naming the field and the value', () => {
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('Config refused, nothing was synthesized.');
      expect(result.stderr).toContain(message);
    });

    test('THEN it prints no stack trace', () => {
      expect(result.stderr).not.toMatch(/^\s+at /m);
    });

    test('THEN nothing is written, not even the output folder', () => {
      expect(existsSync(path.join(project, 'cdktf.out'))).toBe(false);
    });
  });
});

function writeConfig(dir: string, text: string): string {
  const file = path.join(dir, 'config.json');
  writeFileSync(file, text);
  return file;
}
