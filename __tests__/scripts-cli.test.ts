import { main as migrateCheck } from '../scripts/migrate-check';
import { main as stackNames } from '../scripts/stack-names';
import * as path from 'path';
import { EXAMPLE_CONFIG_PATH, REPO_ROOT } from './support/example-stack';
import { ORIGINAL_STATE_PATH } from './support/fake-aws';

/** The scripts' shared command-line conventions (scripts/cli.ts), in-process. */
describe('script command lines', () => {
  let stdout: jest.SpyInstance;
  let stderr: jest.SpyInstance;

  beforeEach(() => {
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    stdout.mockRestore();
    stderr.mockRestore();
  });

  const printed = (spy: jest.SpyInstance): string => spy.mock.calls.map((call) => call.join(' ')).join('\n');

  test.each([
    ['stack-names', () => stackNames({}, ['--help']), 'Usage: npm run -s stack-names'],
    ['migrate-check', () => migrateCheck(['--help']), 'Usage: npm run migrate-check'],
  ])('GIVEN %s --help THEN it prints the usage and exits 0', (_, run, usage) => {
    expect(run()).toBe(0);
    expect(printed(stdout)).toContain(usage);
  });

  test.each([
    ['stack-names', () => stackNames({}, ['--remote']), 'Usage: npm run -s stack-names'],
    ['migrate-check', () => migrateCheck(['--stak', 'sample']), 'Usage: npm run migrate-check'],
  ])('GIVEN %s with an unknown flag THEN it exits 2 with the flag and the usage line', (_, run, usage) => {
    expect(run()).toBe(2);
    expect(printed(stderr)).toContain(usage);
    expect(printed(stderr)).toMatch(/Unknown option '--(remote|stak)'/);
  });

  test('GIVEN stack-names --config=FILE THEN that file is read, whatever the environment says', () => {
    expect(stackNames({ ECR_PRIVATELINK_CONFIG: '/nonexistent.json' }, [`--config=${EXAMPLE_CONFIG_PATH}`])).toBe(0);
    expect(printed(stdout)).toBe('["sample"]\n');
  });

  test('GIVEN migrate-check without its required flags THEN it exits 2 naming them', () => {
    expect(migrateCheck([`--config=${EXAMPLE_CONFIG_PATH}`])).toBe(2);
    expect(printed(stderr)).toContain('Missing --stack, --state.');
  });

  test('GIVEN migrate-check --stack naming a spoke THEN it exits 2 saying a spoke has only its S3 gateway', () => {
    const hubConfig = path.join(REPO_ROOT, 'config', 'hub-and-spoke.json');
    expect(migrateCheck(['--config', hubConfig, '--stack', 'team-a', '--state', ORIGINAL_STATE_PATH])).toBe(2);
    expect(printed(stderr)).toContain('--stack: "team-a" is a spoke, which has only its S3 gateway');
  });
});
