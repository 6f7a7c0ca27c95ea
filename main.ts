import { App } from 'cdktf';
import { withTokenStackTraces } from './lib/cdktf/token-stack-traces';
import { ValidationError } from './lib/validation/problem';
import { buildStacks } from './stacks/build-stacks';
import { readConfigFromFlagOrEnv } from './stacks/config-file';
import { OutputFolderError, prepareOutputFolder } from './stacks/output-folder';
import { synthAllOrNothing } from './stacks/synth-all-or-nothing';

/**
 * Reads the config named by $ECR_PRIVATELINK_CONFIG and synthesizes one stack per entry into
 * $CDKTF_OUTDIR (as `cdktf synth` runs it). Returns the exit code; a user's mistake is a message on
 * stderr and exit code 1, with nothing written. Where cdktf's tokens were created is recorded only
 * with $CDK_DEBUG set to `1` or `true`, as in AWS CDK.
 */
export function main(env: NodeJS.ProcessEnv = process.env): number {
  const debug = debugRequested(env);
  return withTokenStackTraces(debug, () => synthFromConfig(env, debug));
}

/** Whether $CDK_DEBUG asks for debugging aids (AWS CDK's convention: `1` or `true`). */
export function debugRequested(env: NodeJS.ProcessEnv): boolean {
  return ['1', 'true'].includes((env.CDK_DEBUG ?? '').toLowerCase());
}

function synthFromConfig(env: NodeJS.ProcessEnv, debug: boolean): number {
  const outdir = env.CDKTF_OUTDIR || 'cdktf.out';
  let output: ReturnType<typeof prepareOutputFolder> | undefined;
  try {
    const { file, config } = readConfigFromFlagOrEnv(undefined, env);
    output = prepareOutputFolder(outdir);
    const app = new App({ outdir, stackTraces: debug });
    buildStacks(app, config, file);
    const errors = writeOrExplain(() => synthAllOrNothing(app), outdir);
    if (errors.length > 0) {
      output.discard();
      console.error(`Checks failed, nothing was synthesized.\n${errors.map((e) => `  - ${e}`).join('\n')}`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (error instanceof ValidationError) {
      output?.discard();
      console.error(`Config refused, nothing was synthesized.\n${error.message}`);
      return 1;
    }
    if (error instanceof OutputFolderError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

/** Runs `write`; a file-system error while writing becomes an OutputFolderError naming the folder. */
function writeOrExplain<T>(write: () => T, outdir: string): T {
  try {
    return write();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      throw new OutputFolderError(`CDKTF_OUTDIR: "${outdir}" cannot be written (${code}); nothing complete was synthesized.`);
    }
    throw error;
  }
}

if (require.main === module) {
  process.exitCode = main();
}
