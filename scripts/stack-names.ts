/**
 * Prints the stack names of the config as a JSON array on one line, for a CI matrix:
 *
 *   stacks="$(npm run -s stack-names)" && echo "stacks=$stacks" >> "$GITHUB_OUTPUT"
 *
 * The config is read as main.ts reads it ($ECR_PRIVATELINK_CONFIG, else the committed example) and checked
 * by the app's own parseConfig, so a bad file fails here with the app's message and exit code 1, before
 * any job gets AWS credentials.
 *
 * With `--require-remote-state` (the deploy workflow), a stack whose state is a local file is refused too:
 * a CI runner's disk is thrown away after the job, so a deploy from it would forget what it created.
 */
import { AppConfig } from '../lib/config/app-config';
import { Problem, ValidationError } from '../lib/validation/problem';
import { configFilePath, readConfigFile } from '../stacks/config-file';

export const REQUIRE_REMOTE_STATE = '--require-remote-state';

function localStateProblems(config: AppConfig): Problem[] {
  return config.stacks.flatMap((stack, i) =>
    stack.backend.type === 'local'
      ? [{
          field: `stacks[${i}].backend`,
          value: stack.backend,
          message: 'keeps the state in a file on the CI runner, which is deleted after the job; deploying from CI needs a remote backend',
        }]
      : [],
  );
}

/** Writes the names to stdout and returns 0, or writes why not to stderr and returns 1. */
export function main(env: NodeJS.ProcessEnv = process.env, args: readonly string[] = process.argv.slice(2)): number {
  const unknown = args.filter((arg) => arg !== REQUIRE_REMOTE_STATE);
  if (unknown.length > 0) {
    console.error(`Unknown argument(s): ${unknown.join(' ')}. Usage: stack-names [${REQUIRE_REMOTE_STATE}]`);
    return 1;
  }
  const file = configFilePath(env);
  try {
    const config = readConfigFile(file);
    if (args.includes(REQUIRE_REMOTE_STATE)) {
      const problems = localStateProblems(config);
      if (problems.length > 0) {
        throw new ValidationError(file, problems);
      }
    }
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
