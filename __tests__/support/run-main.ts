import { format } from 'util';
import { CommandResult } from './run';

/**
 * Runs a script's main() in this process and returns its exit code with what it printed, as the streams
 * of a process running the script would carry it: stdout from process.stdout.write, stderr from
 * console.error (the scripts' two ways out).
 */
export async function runMain(main: () => number | Promise<number>): Promise<CommandResult> {
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const code = await main();
    return {
      code,
      stdout: stdout.mock.calls.map(([chunk]) => String(chunk)).join(''),
      stderr: stderr.mock.calls.map((call) => `${format(...call)}\n`).join(''),
    };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}
