import { moduleChanges } from '../../support/module-root';
import { PlanJson, PlanMessage } from '../../support/terraform';

/** Everything Terraform made of one module in a plan, with the module's name taken out of addresses. */
export interface ModulePlan {
  readonly changes: Record<string, unknown>;
  readonly dataRead: Record<string, Record<string, unknown>>;
  readonly configuration: unknown;
  readonly checks: Record<string, { status: string; problems?: unknown[] }>;
}

export function modulePlan(plan: PlanJson, name: string): ModulePlan {
  const address = `module.${name}`;
  const local = (full: string): string => full.slice(address.length + 1);
  const priorModules = ((plan.prior_state as any)?.values?.root_module?.child_modules ?? []) as {
    address: string;
    resources: { address: string; values: Record<string, unknown> }[];
  }[];
  const checks = (plan.checks ?? []) as {
    address: { module?: string; to_display: string };
    status: string;
    instances?: { problems?: unknown }[];
  }[];
  return {
    changes: moduleChanges(plan, name),
    dataRead: Object.fromEntries(
      (priorModules.find((module) => module.address === address)?.resources ?? []).map((resource) => [
        local(resource.address),
        resource.values,
      ]),
    ),
    configuration: comparableConfiguration(moduleConfiguration(plan, name), name),
    checks: Object.fromEntries(
      checks
        .filter((check) => check.address.module === address)
        .map((check) => [
          local(check.address.to_display),
          { status: check.status, problems: check.instances?.map((i) => i.problems ?? []) },
        ]),
    ),
  };
}

/** Module `name`'s configuration as Terraform read it (`configuration` of `terraform show -json`). */
export function moduleConfiguration(plan: PlanJson, name: string): any {
  return (plan.configuration as any).root_module.module_calls[name].module;
}

/**
 * A module's configuration as Terraform read it, without what differs only by syntax: the provider key
 * names the module, and where the JSON syntax holds a template (`${...}`), Terraform also shows the JSON
 * text as a `constant_value`, while for HCL it shows only the references (none, for `toset([...])`).
 * What the templates evaluate to is compared through the plan itself.
 */
function comparableConfiguration(configuration: unknown, name: string): unknown {
  const isObject = (value: unknown): value is Record<string, unknown> =>
    value !== null && typeof value === 'object' && !Array.isArray(value);
  return JSON.parse(JSON.stringify(configuration).replaceAll(`module.${name}:`, 'module:'), (_key, value) => {
    if (!isObject(value)) {
      return value;
    }
    const template = 'references' in value || (typeof value.constant_value === 'string' && value.constant_value.includes('${'));
    return Object.fromEntries(
      Object.entries(value).filter(
        ([key, inner]) => !(template && key === 'constant_value') && !(isObject(inner) && Object.keys(inner).length === 0),
      ),
    );
  });
}

/** Module `hclModule` plans exactly what `jsonModule` plans (at least `minChanges` changes): changes, data read, configuration, checks. */
export function expectHclPlannedAsJson(plan: PlanJson, jsonModule: string, hclModule: string, minChanges: number): void {
  const json = modulePlan(plan, jsonModule);
  const hcl = modulePlan(plan, hclModule);
  expect(Object.keys(json.changes).length).toBeGreaterThanOrEqual(minChanges);
  expect(hcl.changes).toEqual(json.changes);
  expect(hcl.dataRead).toEqual(json.dataRead);
  expect(hcl.configuration).toEqual(json.configuration);
  expect(hcl.checks).toEqual(json.checks);
}

/** The diagnostics of a plan as `severity: summary`, each once: what a plan may say besides its changes. */
export function diagnosticKinds(messages: readonly PlanMessage[]): Set<string> {
  return new Set(messages.flatMap(({ diagnostic }) => (diagnostic ? [`${diagnostic.severity}: ${diagnostic.summary}`] : [])));
}
