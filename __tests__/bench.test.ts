import * as path from 'path';
import { REPO_ROOT } from './support/example-stack';
import { run } from './support/run';

/** scripts/bench.js's command line (the measuring itself is what `npm run bench` is for, not a test). */
const BENCH = path.join(REPO_ROOT, 'scripts', 'bench.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseOptions } = require(BENCH) as { parseOptions: (argv: string[]) => Record<string, unknown> };

const bench = (...args: string[]) => run(process.execPath, [BENCH, ...args], { cwd: REPO_ROOT, env: process.env });

describe('npm run bench', () => {
  test('GIVEN --help THEN it prints the usage line and exits 0', async () => {
    const result = await bench('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: npm run bench -- [--runs N] [--quick] [--write-readme] [--compare REV] [--tests-only]');
  });

  test.each([
    ['an unknown flag', ['--fast'], "Unknown option '--fast'"],
    ['a --runs that is no count', ['--runs', 'two'], '--runs: "two" is not a positive whole number'],
    [
      'a --compare that names no commit',
      ['--compare', 'no-such-rev', '--tests-only'],
      '--compare: "no-such-rev" is not a commit of this repository',
    ],
    ['--tests-only with --quick', ['--tests-only', '--quick'], '--tests-only measures `npm test` only'],
  ])('GIVEN %s THEN it exits 2 with what is wrong and the usage line, measuring nothing', async (_, args, message) => {
    const result = await bench(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: npm run bench --');
    expect(result.stdout).toBe('');
  });

  test('GIVEN --tests-only --compare HEAD THEN one interleaved run of each `npm test`, no warm-up; --runs sets how many', () => {
    expect(parseOptions(['--tests-only', '--compare', 'HEAD'])).toMatchObject({ testsOnly: true, compare: 'HEAD', runs: 1, warmUp: 0 });
    expect(parseOptions(['--tests-only', '--compare=HEAD', '--runs=3'])).toMatchObject({ runs: 3 });
    expect(parseOptions([])).toMatchObject({ testsOnly: false, runs: 5, warmUp: 1 });
  });
});
