import { TerraformDataSource, TerraformElement, TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { resolve } from '../cdktf/internals';

/** A managed resource (or data source) of a stack as it will be synthesized: overrides applied, references resolved. */
export interface SynthesizedResource {
  /** e.g. `aws_vpc_endpoint` */
  readonly type: string;
  /** The resource name of its address, e.g. `sample-ecr-dkr`. */
  readonly name: string;
  /** Its arguments in Terraform's snake_case, e.g. `{ service_name: "...", private_dns_enabled: true }`. */
  readonly args: Readonly<Record<string, any>>;
  /** The construct to attach findings to. */
  readonly construct: IConstruct;
  /** Whether an `import` block adopts an existing resource instead of creating one. */
  readonly imported: boolean;
}

/** Every managed resource in `stack`, in construct order. */
export function stackResources(stack: TerraformStack): SynthesizedResource[] {
  return synthesizedElements(stack, 'resource', TerraformResource.isTerraformResource);
}

/** Every data source in `stack` (policy documents, lookups), in construct order; `imported` is always false. */
export function stackDataSources(stack: TerraformStack): SynthesizedResource[] {
  return synthesizedElements(stack, 'data', TerraformDataSource.isTerraformDataSource);
}

function synthesizedElements(
  stack: TerraformStack,
  block: 'resource' | 'data',
  isKind: (node: unknown) => node is TerraformElement,
): SynthesizedResource[] {
  return stack.node
    .findAll()
    .filter(isKind)
    .flatMap((element) => {
      const synthesized = element.toTerraform();
      const byType: Record<string, Record<string, Record<string, unknown>>> = synthesized[block] ?? {};
      const imported = Array.isArray(synthesized.import) && synthesized.import.length > 0;
      return Object.entries(byType).flatMap(([type, byName]) =>
        Object.entries(byName).map(([name, { lifecycle: _, '//': __, ...args }]) => ({
          type,
          name,
          // Only the arguments are resolved (meta-arguments such as long preconditions are not checked),
          // each when a rule first reads it: most are never read.
          args: resolvedOnRead(stack, args),
          construct: element,
          imported,
        })),
      );
    });
}

/** `args` with each value resolved the first time it is read. */
function resolvedOnRead(stack: TerraformStack, args: Record<string, unknown>): Record<string, any> {
  const resolved = new Map<string | symbol, unknown>();
  return new Proxy(args, {
    get: (raw, key) => {
      if (!resolved.has(key)) {
        resolved.set(key, resolve(stack, Reflect.get(raw, key)));
      }
      return resolved.get(key);
    },
  });
}

/** Interface or gateway endpoints, with the service name's last part (`ecr.dkr`, `s3`) at hand. */
export function vpcEndpoints(resources: readonly SynthesizedResource[], type: 'Interface' | 'Gateway'): SynthesizedResource[] {
  return resources.filter(
    (r) => r.type === 'aws_vpc_endpoint' && (r.args.vpc_endpoint_type ?? 'Gateway').toLowerCase() === type.toLowerCase(),
  );
}

/** Whether an endpoint's service name is `<prefix>.<region>.<shortName>`. */
export function isService(endpoint: SynthesizedResource, shortName: string): boolean {
  return typeof endpoint.args.service_name === 'string' && endpoint.args.service_name.endsWith(`.${shortName}`);
}
