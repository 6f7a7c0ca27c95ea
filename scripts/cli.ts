import { parseArgs, ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * The scripts' command lines, parsed by node:util's parseArgs (`--flag value` and `--flag=value`), with
 * the same conventions everywhere: `--help` (`-h`) prints `help` and exits 0, an unknown flag or stray
 * argument exits 2 with the usage line.
 *
 * @param help what --help prints, e.g. the usage line and each flag's meaning
 * @returns the parsed values, or the exit code when the script should stop here
 */
export function parseCommandLine<T extends Options>(
  args: readonly string[],
  options: T,
  usage: string,
  help = usage,
): { values: ReturnType<typeof parseArgs<{ options: T; args: string[] }>>['values'] } | { exitCode: number } {
  try {
    const { values } = parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
      strict: true,
    });
    if ((values as { help?: boolean }).help) {
      process.stdout.write(`${help}\n`);
      return { exitCode: 0 };
    }
    return { values } as never;
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return { exitCode: 2 };
  }
}

/** A problem a script reports as it is, in its own words and without a stack trace, then exits 2. */
export class ScriptError extends Error {}
