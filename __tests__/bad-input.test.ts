import { existsSync, mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { main } from '../main';
import { tempProject } from './support/app-process';
import { BAD_CONFIGS, exampleWith } from './support/bad-configs';

/**
 * Every kind of bad input, through the app's entry point (in-process; main.test.ts runs the real
 * process): a message naming the field and the value, exit code 1, and no stack written.
 */
describe('bad input to the app', () => {
  let stderr: jest.SpyInstance;

  beforeEach(() => {
    stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => stderr.mockRestore());

  function runMain(configPath: string): { code: number; message: string; wroteOutput: boolean } {
    const outdir = path.join(path.dirname(configPath), 'cdktf.out');
    const code = main({ ECR_PRIVATELINK_CONFIG: configPath, CDKTF_OUTDIR: outdir });
    return { code, message: stderr.mock.calls.map((call) => call.join(' ')).join('\n'), wroteOutput: existsSync(outdir) };
  }

  function configFile(text: string): string {
    const file = path.join(tempProject('bad-input'), 'config.json');
    writeFileSync(file, text);
    return file;
  }

  test.each(BAD_CONFIGS.map(([title, edit, message]) => [title, edit, message] as const))(
    'GIVEN %s THEN exit 1, the message names the field and value, and nothing is written',
    (_, edit, message) => {
      const result = runMain(configFile(JSON.stringify(exampleWith(edit))));
      expect(result).toEqual({ code: 1, message: expect.stringContaining(message), wroteOutput: false });
      expect(result.message).toMatch(/^Config refused, nothing was synthesized\./);
    },
  );

  test.each([
    ['a file that is not JSON', () => configFile('{ "stacks": [ }'), 'is not valid JSON'],
    ['an empty file', () => configFile(''), 'is not valid JSON'],
    ['a path with no file', () => path.join(tempProject('bad-input'), 'missing.json'), 'ECR_PRIVATELINK_CONFIG: "'],
    [
      'a folder instead of a file',
      () => {
        const folder = path.join(tempProject('bad-input'), 'config.json');
        mkdirSync(folder);
        return folder;
      },
      'cannot be read (EISDIR)',
    ],
  ])('GIVEN %s THEN exit 1 with a message, and nothing is written', (_, makePath, message) => {
    expect(runMain(makePath())).toEqual({ code: 1, message: expect.stringContaining(message), wroteOutput: false });
  });

  test('GIVEN ECR_PRIVATELINK_CONFIG set but empty THEN exit 1 naming it, instead of quietly using the example', () => {
    const outdir = path.join(tempProject('bad-input'), 'cdktf.out');
    expect(main({ ECR_PRIVATELINK_CONFIG: '', CDKTF_OUTDIR: outdir })).toBe(1);
    expect(stderr.mock.calls.join('\n')).toContain('ECR_PRIVATELINK_CONFIG: "" is empty');
    expect(existsSync(outdir)).toBe(false);
  });

  test.each([
    [
      'a file',
      (project: string) => {
        writeFileSync(path.join(project, 'out'), '');
        return path.join(project, 'out');
      },
      'is a file, not a folder',
    ],
    ['under a missing folder', (project: string) => path.join(project, 'missing', 'out'), 'is in a folder that does not exist'],
  ])('GIVEN CDKTF_OUTDIR %s THEN exit 1 with one line naming the folder, no stack trace', (_, makeOutdir, message) => {
    const outdir = makeOutdir(tempProject('bad-outdir'));
    expect(main({ CDKTF_OUTDIR: outdir })).toBe(1);
    const printed = stderr.mock.calls.join('\n');
    expect(printed.startsWith(`CDKTF_OUTDIR: "${outdir}" ${message}`)).toBe(true);
    expect(printed).not.toMatch(/\n\s+at /);
  });

  test('GIVEN a good config THEN exit 0 and the stack is written (the harness can tell the difference)', () => {
    const result = runMain(configFile(JSON.stringify(exampleWith(() => undefined))));
    expect(result).toEqual({ code: 0, message: '', wroteOutput: true });
  });
});
