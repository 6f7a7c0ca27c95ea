import { writeFileSync } from 'fs';
import * as path from 'path';
import { tempProject } from './support/app-process';
import { REPO_ROOT } from './support/example-stack';
import { run } from './support/run';

/** The loader behind cdktf.json's app command: no build step, and swc only when a file changed. */
describe('scripts/register-ts.js', () => {
  const loader = path.join(REPO_ROOT, 'scripts', 'register-ts.js');
  const file = path.join(tempProject('register-ts'), 'probe.ts');

  async function runProbe(value: string): Promise<{ printed: string; swcLoaded: boolean }> {
    writeFileSync(
      file,
      `const value: string = ${JSON.stringify(value)};\n` +
        `const swcLoaded: boolean = Object.keys(require.cache).some((m) => m.includes('@swc'));\n` +
        'console.log(JSON.stringify({ printed: value, swcLoaded }));\n',
    );
    const result = await run(process.execPath, ['--require', loader, file], { cwd: REPO_ROOT, env: process.env });
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout);
  }

  test('GIVEN a new TypeScript file WHEN run THEN it is transpiled with swc and runs', async () => {
    expect(await runProbe('first')).toEqual({ printed: 'first', swcLoaded: true });
  });

  test('GIVEN the same file unchanged WHEN run again THEN the cached JavaScript runs and swc is not loaded', async () => {
    expect(await runProbe('first')).toEqual({ printed: 'first', swcLoaded: false });
  });

  test('GIVEN the file edited WHEN run again THEN the edit shows up, with no build step', async () => {
    expect(await runProbe('second')).toEqual({ printed: 'second', swcLoaded: true });
  });
});
