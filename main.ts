import { existsSync, rmSync } from 'fs';
import { App } from 'cdktf';
import { withTokenStackTraces } from './lib/cdktf/token-stack-traces';
import { AppConfig } from './lib/config/app-config';
import { ValidationError } from './lib/validation/problem';
import { configFilePath, readConfigFile } from './stacks/config-file';
import { EcrPrivateLinkStack } from './stacks/ecr-private-link-stack';
import { stackPropsFromConfig } from './stacks/stack-props-from-config';
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
  let config: AppConfig;
  try {
    config = readConfigFile(configFilePath(env));
  } catch (error) {
    if (!(error instanceof ValidationError)) {
      throw error;
    }
    console.error(`Config refused, nothing was synthesized.\n${error.message}`);
    return 1;
  }

  const outdir = env.CDKTF_OUTDIR || 'cdktf.out';
  const outdirExisted = existsSync(outdir);
  const app = new App({ outdir, stackTraces: debug });
  for (const stack of config.stacks) {
    new EcrPrivateLinkStack(app, stack.name, stackPropsFromConfig(stack));
  }
  const errors = synthAllOrNothing(app);
  if (errors.length > 0) {
    if (!outdirExisted) {
      rmSync(outdir, { recursive: true, force: true }); // the App made it, empty
    }
    console.error(`Checks failed, nothing was synthesized.\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  process.exitCode = main();
}
