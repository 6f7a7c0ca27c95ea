/**
 * Reading `terraform show -json` (Terraform's JSON output format, "values representation"): the state as
 * Terraform itself presents it, whatever the backend, rather than the state file's internal layout.
 */

/** A managed resource instance the state holds, with its AWS ID. */
export interface StateResource {
  /** e.g. `aws_vpc_endpoint.sample-ecr-api` (with `[0]` or a module path where the state has them). */
  readonly address: string;
  /** The `id` attribute, e.g. `vpce-...` or `sg-...`. */
  readonly id: string;
}

interface ShownModule {
  readonly resources?: readonly ShownResource[];
  readonly child_modules?: readonly ShownModule[];
}

interface ShownResource {
  readonly address?: unknown;
  readonly mode?: unknown;
  readonly values?: { readonly id?: unknown } | null;
}

/**
 * The managed resources in the output of `terraform show -json` (no plan file), tainted and deposed
 * instances included: they are in the state, so they are not orphans. An empty state has no `values`.
 * Throws when the text is not that output.
 */
export function stateResources(showJson: string): StateResource[] {
  let shown: { format_version?: unknown; values?: { root_module?: ShownModule } };
  try {
    shown = JSON.parse(showJson);
  } catch (error) {
    throw new Error(`terraform show -json printed something that is not JSON (${(error as Error).message})`);
  }
  if (typeof shown !== 'object' || shown === null || typeof shown.format_version !== 'string') {
    throw new Error('terraform show -json printed JSON without a format_version; is this Terraform >= 0.12?');
  }
  return moduleResources(shown.values?.root_module);
}

function moduleResources(module: ShownModule | undefined): StateResource[] {
  if (!module) {
    return [];
  }
  const own = (module.resources ?? []).flatMap((resource): StateResource[] => {
    const id = resource.values?.id;
    return resource.mode === 'managed' && typeof resource.address === 'string' && typeof id === 'string' && id !== ''
      ? [{ address: resource.address, id }]
      : [];
  });
  return [...own, ...(module.child_modules ?? []).flatMap(moduleResources)];
}
