import { copyFileSync, mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { EcrPrivateLinkStackProps } from '../../stacks/ecr-private-link-stack';
import { tempProject } from './app-process';
import { synthInProject } from './synth-in-project';
import { diagnosticLine, PlanJson, PlanMessage } from './terraform';

/**
 * Several synthesized stacks planned in one Terraform run, as child modules of a test configuration (a
 * "root"): Terraform loads the AWS provider's schema once per command, which is most of a plan's time
 * here, so one plan of ten stacks costs little more than one of one. The stacks are synthesized without
 * their `provider` block and the root configures the provider once for all of them (or once per world
 * of the fake AWS, with an access key each); the provider block as shipped is planned in the root-level
 * tests.
 * Terraform ignores a child module's backend, with a warning naming it.
 */

/** How a module is called: its folder, relative to the root, and the provider it gets (default `aws`). */
export interface ModuleCall {
  readonly source: string;
  /** e.g. `aws.china`. @default the default provider configuration */
  readonly provider?: string;
}

/** The stack file name for each syntax. */
export const STACK_FILE = { json: 'cdk.tf.json', hcl: 'cdk.tf' } as const;

/**
 * Synthesizes the example stack with `overrides` (without its provider block, unless `provider`), in a
 * project of its own, and copies its stack file into each of `folders`. Returns the stack's folder.
 */
export function synthModule(
  folders: readonly string[],
  overrides: Partial<EcrPrivateLinkStackProps>,
  { hcl = false, provider = false }: { hcl?: boolean; provider?: boolean } = {},
): string {
  const stack = synthInProject(tempProject('module'), overrides, { hcl, provider });
  const file = hcl ? STACK_FILE.hcl : STACK_FILE.json;
  for (const folder of folders) {
    mkdirSync(folder, { recursive: true });
    copyFileSync(path.join(stack, file), path.join(folder, file));
  }
  return stack;
}

/**
 * A provider configuration signing with its own (fake) access key, so that the fake AWS answers it from
 * the world it holds for that key (see `startFakeAws`).
 */
export function providerWithKey(accessKey: string, alias: string, region = 'ap-northeast-1'): Record<string, unknown> {
  return { alias, region, access_key: accessKey, secret_key: 'offline-test-only' };
}

/** A fake access key for world number `index` (the shape of an AWS access key ID). */
export function worldAccessKey(index: number): string {
  return `AKIAOFFLINEWORLD${String(index).padStart(4, '0')}`;
}

/**
 * Writes `folder/main.tf.json`: these provider configurations, a module call for each of `modules`, and
 * `outputs` (e.g. a module's outputs passed on, since a plan shows only the root's).
 */
export function writeRoot(
  folder: string,
  providers: readonly Record<string, unknown>[],
  modules: Readonly<Record<string, ModuleCall>>,
  outputs: Readonly<Record<string, { value: string }>> = {},
): string {
  mkdirSync(folder, { recursive: true });
  const calls = Object.fromEntries(
    Object.entries(modules).map(([name, { source, provider }]) => [
      name,
      { source, ...(provider ? { providers: { aws: provider } } : {}) },
    ]),
  );
  const root = {
    ...(providers.length > 0 ? { provider: { aws: providers } } : {}),
    module: calls,
    ...(Object.keys(outputs).length > 0 ? { output: outputs } : {}),
  };
  writeFileSync(path.join(folder, 'main.tf.json'), JSON.stringify(root, null, 2));
  return folder;
}

/** The resource changes of module `name` in a plan, by address within the module. */
export function moduleChanges(
  plan: PlanJson,
  name: string,
): Record<string, { actions: string[]; after?: unknown; after_unknown?: unknown }> {
  const prefix = `module.${name}.`;
  return Object.fromEntries(
    (plan.resource_changes ?? [])
      .filter((change) => change.module_address === `module.${name}`)
      .map((change) => [change.address.slice(prefix.length), change.change]),
  );
}

/** The planned actions of module `name`, by address within the module: `{ "aws_vpc_endpoint.sample-s3": ["no-op"] }`. */
export function moduleActions(plan: PlanJson, name: string): Record<string, string[]> {
  return Object.fromEntries(Object.entries(moduleChanges(plan, name)).map(([address, change]) => [address, change.actions]));
}

/**
 * The diagnostics of a plan from the files of the module in `folder` (relative to the root, as in the
 * module's `source`): Terraform names no module in a precondition's diagnostic, only the file. As
 * `severity: summary: detail`, sorted; the warning about the ignored backend is left out.
 */
export function moduleDiagnostics(messages: readonly PlanMessage[], folder: string): string[] {
  return messages
    .filter((message) => message.diagnostic?.range?.filename.startsWith(`${folder}/`))
    .filter((message) => message.diagnostic!.summary !== 'Backend configuration ignored')
    .map((message) => diagnosticLine(message.diagnostic!))
    .sort();
}
