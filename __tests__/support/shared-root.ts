import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { FakeAws, FakeAwsWorld, startFakeAws } from './fake-aws';
import { ModuleCall, providerWithKey, STACK_FILE, worldAccessKey, writeRoot } from './module-root';

const DEFAULT_REGION = 'ap-northeast-1';

/** Module `name`'s folder as a shared root's call gives it (`source`), and as Terraform's diagnostics name it. */
export const moduleSource = (name: string): string => `../modules/${name}`;

/** How a module of a shared root is planned. */
export interface SharedModuleOptions {
  /** The AWS the module is planned against. @default the root's world */
  readonly world?: FakeAwsWorld;
  /** The region of the provider the root gives it. @default 'ap-northeast-1' */
  readonly region?: string;
  /**
   * The module keeps the provider blocks it was synthesized with (a stack with several providers, e.g. a
   * role in another account); with a `world`, each of them signs with that world's key. JSON only. @default false
   */
  readonly ownProviders?: boolean;
  /** Outputs of the module the root passes on as `<module>_<output>`, for the plan to show. @default none */
  readonly outputs?: readonly string[];
}

/**
 * A test configuration ("root") whose child modules are synthesized stacks, each in `modules/<name>` beside
 * the root's folder, all planned in one Terraform run against one fake AWS (see module-root.ts). A module
 * planned against a world of its own gets a provider configuration signing with that world's access key;
 * modules of one world and region share it, since each configuration costs Terraform provider processes.
 */
export class SharedRoot {
  public readonly modulesFolder: string;
  private readonly keys = new Map<FakeAwsWorld, string>();
  private readonly providers = new Map<string, Record<string, unknown>>();
  private readonly calls: Record<string, ModuleCall> = {};
  private readonly outputs: Record<string, { value: string }> = {};

  /** A root in `folder`, planned against `world` unless a module says otherwise. */
  public constructor(
    public readonly folder: string,
    private readonly world: FakeAwsWorld,
  ) {
    this.modulesFolder = path.join(path.dirname(folder), 'modules');
  }

  /** The folder of module `name` (its stack file is written there before the root is planned). */
  public moduleFolder(name: string): string {
    return path.join(this.modulesFolder, name);
  }

  /** Calls module `name` (written to `moduleFolder(name)` before `add`, when `ownProviders`). */
  public add(name: string, { world, region = DEFAULT_REGION, ownProviders = false, outputs = [] }: SharedModuleOptions = {}): void {
    if (this.calls[name]) {
      throw new Error(`module "${name}" is already in ${this.folder}`);
    }
    const key = world && world !== this.world ? this.keyOf(world) : undefined;
    if (ownProviders && key) {
      signProvidersWith(this.moduleFolder(name), key);
    }
    this.calls[name] = { source: moduleSource(name), provider: ownProviders ? undefined : this.providerFor(key, region) };
    for (const output of outputs) {
      this.outputs[`${name}_${output}`] = { value: `\${module.${name}.${output}}` };
    }
  }

  /** Writes the root's main.tf.json; returns its folder. */
  public write(): string {
    return writeRoot(this.folder, [...this.providers.values()], this.calls, this.outputs);
  }

  /** A fake AWS holding the root's world, and each module's own world under its key. */
  public startFake(): Promise<FakeAws> {
    return startFakeAws(this.world, Object.fromEntries([...this.keys].map(([world, key]) => [key, world])));
  }

  private keyOf(world: FakeAwsWorld): string {
    if (!this.keys.has(world)) {
      this.keys.set(world, worldAccessKey(this.keys.size + 1));
    }
    return this.keys.get(world)!;
  }

  /** The provider for `key` (the root's world without one) in `region`, e.g. `aws.world_0001_cn_north_1`. */
  private providerFor(key: string | undefined, region: string): string | undefined {
    const alias = key || region !== DEFAULT_REGION ? `${key ? `world_${key.slice(-4)}` : 'root'}_${region.replace(/-/g, '_')}` : '';
    if (!this.providers.has(alias)) {
      this.providers.set(alias, key ? providerWithKey(key, alias, region) : alias ? { alias, region } : { region });
    }
    return alias ? `aws.${alias}` : undefined;
  }
}

/** Makes every provider block of the JSON stack in `folder` sign with `accessKey`. */
function signProvidersWith(folder: string, accessKey: string): void {
  const file = path.join(folder, STACK_FILE.json);
  const stack = JSON.parse(readFileSync(file, 'utf8')) as { provider?: { aws?: Record<string, unknown>[] } };
  if (!stack.provider?.aws?.length) {
    throw new Error(`${file} has no provider "aws" block to sign with ${accessKey}`);
  }
  for (const provider of stack.provider.aws) {
    Object.assign(provider, { access_key: accessKey, secret_key: 'offline-test-only' });
  }
  writeFileSync(file, JSON.stringify(stack));
}
