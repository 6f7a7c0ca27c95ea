/**
 * Prints the stack names of the config as a JSON array on one line, for a CI matrix:
 *
 *   stacks="$(npm run -s stack-names)" && echo "stacks=$stacks" >> "$GITHUB_OUTPUT"
 *
 * The config is read as main.ts reads it ($ECR_PRIVATELINK_CONFIG, else the committed example, or
 * --config) and its stacks are built as main.ts builds them, so a bad file fails here with the app's
 * message and exit code 1, before any job gets AWS credentials.
 *
 * With `--require-remote-state` (the deploy workflow), a stack whose state is a local file is refused too:
 * a CI runner's disk is thrown away after the job, so a deploy from it would forget what it created.
 */
import { tmpdir } from 'os';
import { App } from 'cdktf';
import { AppConfig } from '../lib/config/app-config';
import { Problem, throwIfProblems, ValidationError } from '../lib/validation/problem';
import { buildStacks } from '../stacks/build-stacks';
import { readConfigFromFlagOrEnv } from '../stacks/config-file';
import { parseCommandLine } from './cli';

const USAGE = 'Usage: npm run -s stack-names -- [--config FILE] [--require-remote-state]';

function localStateProblems(config: AppConfig): Problem[] {
  return config.stacks.flatMap((stack, i) =>
    stack.backend.type === 'local'
      ? [
          {
            field: `stacks[${i}].backend`,
            value: stack.backend,
            message: 'keeps the state in a file on the CI runner, which is deleted after the job; deploying from CI needs a remote backend',
          },
        ]
      : [],
  );
}

/** Writes the names to stdout and returns 0, or writes why not to stderr and returns 1 (2 for bad flags). */
export function main(env: NodeJS.ProcessEnv = process.env, args: readonly string[] = process.argv.slice(2)): number {
  const parsed = parseCommandLine(args, { config: { type: 'string' }, 'require-remote-state': { type: 'boolean' } }, USAGE);
  if ('exitCode' in parsed) {
    return parsed.exitCode;
  }
  try {
    const { file, config } = readConfigFromFlagOrEnv(parsed.values.config, env);
    // Built, never written: an existing folder as outdir keeps cdktf from making one.
    buildStacks(new App({ outdir: tmpdir(), skipValidation: true }), config, file);
    throwIfProblems(file, parsed.values['require-remote-state'] ? localStateProblems(config) : []);
    process.stdout.write(`${JSON.stringify(config.stacks.map((stack) => stack.name))}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ValidationError)) {
      throw error;
    }
    console.error(`Config refused, no stacks listed.\n${error.message}`);
    return 1;
  }
}

if (require.main === module) {
  process.exitCode = main();
}
