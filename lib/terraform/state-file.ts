import { ValidationError } from '../validation/problem';

/** The parts of a Terraform state file (format version 4) that moving resources cares about. */
export interface TerraformState {
  readonly version: 4;
  readonly resources: readonly StateResource[];
  readonly [key: string]: unknown;
}

export interface StateResource {
  /** The module instance's address, e.g. `module.net` or `module.net["a"]`; absent in the root module. */
  readonly module?: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly instances: readonly StateInstance[];
  readonly [key: string]: unknown;
}

/** One object of a resource: its current one per instance key, and any deposed ones after it. */
export interface StateInstance {
  /** `count` index or `for_each` key; absent for a single instance. */
  readonly index_key?: number | string;
  /** `tainted` when the next apply replaces it. @default - ready */
  readonly status?: string;
  /** Set on an object that a create-before-destroy replacement set aside (not yet destroyed). @default - current */
  readonly deposed?: string;
  readonly attributes?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

/** Parses a state file as `terraform state pull` writes it; refuses anything else, naming the file. */
export function parseState(text: string, source: string): TerraformState {
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(source, [{ field: '--state', value: source, message: `is not JSON: ${(error as Error).message}` }]);
  }
  const candidate = state as Partial<TerraformState> | null;
  if (!candidate || candidate.version !== 4 || !Array.isArray(candidate.resources)) {
    const found = typeof candidate?.version === 'number' ? `; it has format version ${candidate.version}` : '';
    throw new ValidationError(source, [
      {
        field: '--state',
        value: source,
        message: `is not a Terraform state file (format version 4, as \`terraform state pull\` writes it)${found}`,
      },
    ]);
  }
  return candidate as TerraformState;
}

/** `type.name`, with its module path when it has one: the address a resource block is moved by. */
export function resourceAddress(resource: StateResource): string {
  const base = `${resource.mode === 'data' ? 'data.' : ''}${resource.type}.${resource.name}`;
  return resource.module ? `${resource.module}.${base}` : base;
}

/**
 * The address of one of the resource's instances, as Terraform prints it: `type.name`, `type.name[0]`,
 * `module.m["k"].type.name["k"]`.
 */
export function instanceAddress(resource: StateResource, instance: StateInstance): string {
  const key = instance.index_key;
  return `${resourceAddress(resource)}${key === undefined ? '' : `[${typeof key === 'number' ? key : hclQuoted(key)}]`}`;
}

/** The escapes of Terraform's toHCLQuotedString (addrs.StringKey): `${` and `%{` are doubled as in HCL templates. */
const HCL_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '"': '\\"',
  '\\': '\\\\',
  $: '$$',
  '%': '%%',
};

/** The string quoted as Terraform quotes a `for_each` key in an address. */
function hclQuoted(text: string): string {
  const escaped = text.replace(/[\n\r\t"\\]|[$%](?=\{)|[^\p{L}\p{M}\p{N}\p{P}\p{S} ]/gu, (char) => {
    if (Object.hasOwn(HCL_ESCAPES, char)) {
      return HCL_ESCAPES[char];
    }
    // Not printable by Go's unicode.IsPrint (letters, marks, numbers, punctuation, symbols, ASCII space).
    const code = char.codePointAt(0)!;
    return code < 0x10000 ? `\\u${code.toString(16).padStart(4, '0')}` : `\\U${code.toString(16).padStart(8, '0')}`;
  });
  return `"${escaped}"`;
}

/** The managed resources' addresses, in state order. */
export function managedAddresses(state: TerraformState): string[] {
  return state.resources.filter((r) => r.mode === 'managed').map(resourceAddress);
}

/** A copy of the state with only the managed resources at `addresses` (data sources are read anew anyway). */
export function keepOnly(state: TerraformState, addresses: ReadonlySet<string>): TerraformState {
  return { ...state, resources: state.resources.filter((r) => r.mode === 'managed' && addresses.has(resourceAddress(r))) };
}

/** The first `owner_id` (an account ID) recorded on any managed resource, if any. */
export function ownerAccountId(state: TerraformState): string | undefined {
  return state.resources
    .flatMap((resource) => resource.instances.map((instance) => instance.attributes?.owner_id))
    .find((owner): owner is string => typeof owner === 'string' && /^\d{12}$/.test(owner));
}

/** The `id` attribute of the resource at `address`, e.g. an endpoint's `vpce-...`. */
export function resourceId(state: TerraformState, address: string): string | undefined {
  const resource = state.resources.find((r) => resourceAddress(r) === address);
  const id = resource?.instances[0]?.attributes?.id;
  return typeof id === 'string' ? id : undefined;
}
