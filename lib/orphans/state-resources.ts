/**
 * The stack's state as `terraform state pull` prints it (the state file, format version 4): read without
 * the AWS provider, which `terraform show -json` would load just to render the values.
 */
import { instanceAddress, parseState } from '../terraform/state-file';
import { ValidationError } from '../validation/problem';

/** A managed resource object the state holds, with its AWS ID. */
export interface StateObject {
  /** e.g. `aws_vpc_endpoint.sample-ecr-api` (with `[0]`, `["k"]` or a module path where the state has them). */
  readonly address: string;
  /** The `id` attribute, e.g. `vpce-...` or `sg-...`. */
  readonly id: string;
}

/**
 * The managed resource objects in the output of `terraform state pull`, in the state's order: by module,
 * type and name, each instance's current object before its deposed ones. Tainted and deposed objects are
 * listed like the others: they are in the state (an apply replaces or destroys them), so they are not
 * orphans. Data sources and objects without an ID are left out. No output means no state yet: nothing.
 * Throws when the text is not a state of format version 4.
 */
export function stateResources(pulled: string): StateObject[] {
  if (pulled.trim() === '') {
    return [];
  }
  let state;
  try {
    state = parseState(pulled, 'terraform state pull');
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new Error(`terraform state pull printed something that ${error.problems.map((p) => p.message).join('; ')}`);
    }
    throw error;
  }
  return state.resources
    .filter((resource) => resource.mode === 'managed')
    .flatMap((resource) =>
      resource.instances.flatMap((instance): StateObject[] => {
        const id = instance.attributes?.id;
        return typeof id === 'string' && id !== '' ? [{ address: instanceAddress(resource, instance), id }] : [];
      }),
    );
}
