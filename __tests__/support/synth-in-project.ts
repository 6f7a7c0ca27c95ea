import * as path from 'path';
import { App } from 'cdktf';
import { EcrPrivateLinkStack, EcrPrivateLinkStackProps } from '../../stacks/ecr-private-link-stack';
import { exampleStackProps } from './example-stack';
import { stackDirectory } from './app-process';

/**
 * Synthesizes the example stack, changed by `overrides`, into `project/cdktf.out` as main.ts would from a
 * config file; for variants only TypeScript props can express. Returns the stack's folder.
 */
export function synthInProject(project: string, overrides: Partial<EcrPrivateLinkStackProps> = {}): string {
  const app = new App({ outdir: path.join(project, 'cdktf.out') });
  new EcrPrivateLinkStack(app, 'sample', { ...exampleStackProps(overrides), projectDirectory: project });
  app.synth();
  return stackDirectory(project, 'sample');
}
