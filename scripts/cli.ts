import { parseArgs, ParseArgsConfig } from 'node:util';

/** A wrong invocation: printed with the usage line, exit 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * The scripts' command lines, parsed by node:util's parseArgs (`--flag value` and `--flag=value`), with
 * the same conventions everywhere: `--help` prints the usage and exits 0, an unknown flag or stray
 * argument exits 2 with the usage line.
 *
 * @returns the parsed values, or the exit code when the script should stop here
 */
export function parseCommandLine<T extends Options>(
  args: readonly string[],
  options: T,
  usage: string,
): { values: ReturnType<typeof parseArgs<{ options: T; args: string[] }>>['values'] } | { exitCode: number } {
  try {
    const { values } = parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean' } },
      allowPositionals: false,
      strict: true,
    });
    if ((values as { help?: boolean }).help) {
      process.stdout.write(`${usage}\n`);
      return { exitCode: 0 };
    }
    return { values } as never;
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return { exitCode: 2 };
  }
}
