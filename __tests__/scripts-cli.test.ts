import { main as migrateCheck } from '../scripts/migrate-check';
import { main as stackNames } from '../scripts/stack-names';
import { EXAMPLE_CONFIG_PATH } from './support/example-stack';

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
});
