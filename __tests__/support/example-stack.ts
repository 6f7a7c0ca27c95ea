import { readFileSync } from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { StackConfig } from '../../lib/config/app-config';
import { parseConfig } from '../../lib/config/parse-config';
import { EcrPrivateLinkStack, EcrPrivateLinkStackProps } from '../../stacks/ecr-private-link-stack';
import { stackPropsFromConfig } from '../../stacks/stack-props-from-config';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const EXAMPLE_CONFIG_PATH = path.join(REPO_ROOT, 'config', 'example.json');

/** The committed example config's only stack. */
export function exampleStackConfig(): StackConfig {
  return parseConfig(readFileSync(EXAMPLE_CONFIG_PATH, 'utf8'), EXAMPLE_CONFIG_PATH).stacks[0];
}

/** Props of the example stack, as main.ts builds them, with `overrides` on top. */
export function exampleStackProps(overrides: Partial<EcrPrivateLinkStackProps> = {}): EcrPrivateLinkStackProps {
  return { ...stackPropsFromConfig(exampleStackConfig()), ...overrides };
}

/** The example stack in a test app. */
export function exampleStack(overrides: Partial<EcrPrivateLinkStackProps> = {}): EcrPrivateLinkStack {
  return new EcrPrivateLinkStack(Testing.app(), 'sample', exampleStackProps(overrides));
}

/** The synthesized Terraform JSON of the example stack, as a string for the cdktf matchers. */
export function synthExample(overrides: Partial<EcrPrivateLinkStackProps> = {}): string {
  return Testing.synth(exampleStack(overrides));
}

/** The synthesized Terraform JSON of the example stack, parsed. */
export function synthExampleJson(overrides: Partial<EcrPrivateLinkStackProps> = {}): any {
  return JSON.parse(synthExample(overrides));
}
