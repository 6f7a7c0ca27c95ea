import * as path from 'path';
import { App } from 'cdktf';
import { EcrPrivateLinkStack, EcrPrivateLinkStackProps } from '../../stacks/ecr-private-link-stack';
import { exampleStackProps } from './example-stack';
import { stackDirectory } from './app-process';
import { withProcessEnv } from './process-env';

/** How to synthesize. */
export interface SynthOptions {
  /** As `cdktf synth --hcl`: cdk.tf instead of cdk.tf.json. @default false */
  readonly hcl?: boolean;
  /**
   * Without the `provider "aws"` block, for planning the stack as a child module of a test configuration
   * that configures the provider once for all its modules. @default true
   */
  readonly provider?: boolean;
}

/**
 * Synthesizes the example stack, changed by `overrides`, into `project/cdktf.out` as main.ts would from a
 * config file; for variants only TypeScript props can express. Returns the stack's folder.
 */
export function synthInProject(
  project: string,
  overrides: Partial<EcrPrivateLinkStackProps> = {},
  { hcl = false, provider = true }: SynthOptions = {},
): string {
  // cdktf 0.21 takes HCL output from the environment, as `cdktf synth --hcl` sets it: the App reads it, and
  // each stack's synthesizer too (the App's `hclOutput` option alone only renames the file).
  withProcessEnv({ SYNTH_HCL_OUTPUT: String(hcl) }, () => {
    // Without its provider, cdktf's own validation would refuse the stack.
    const app = new App({ outdir: path.join(project, 'cdktf.out'), skipValidation: !provider });
    const stack = new EcrPrivateLinkStack(app, 'sample', { ...exampleStackProps(overrides), projectDirectory: project });
    if (!provider && !stack.node.tryRemoveChild('aws')) {
      throw new Error('the stack has no construct "aws" (its AwsProvider) to leave out');
    }
    app.synth();
  });
  return stackDirectory(project, 'sample');
}
