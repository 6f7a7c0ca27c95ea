import { IConstruct } from 'constructs';
import { SynthesizedResource } from './stack-resources';

/** What a rule found, and where. */
export interface Finding {
  readonly construct: IConstruct;
  readonly message: string;
}

/** One check of a whole stack, run at synth time by EcrPrivateLinkChecks. */
export interface CheckRule {
  /** Short, stable name shown with each finding, e.g. `EcrDkrPrivateDns`; the key to acknowledge it by. */
  readonly id: string;
  /** `error` stops synth; `warning` is shown in `cdktf synth` output unless acknowledged. */
  readonly level: 'error' | 'warning';
  /** `dataSources` synthesizes the stack's data sources when first called (few rules need them). */
  check(resources: readonly SynthesizedResource[], dataSources: () => readonly SynthesizedResource[]): Finding[];
}

/**
 * A list argument as synthesized, or none when it is not a list at synth time (a token resolving to a
 * reference, which only Terraform can expand): rules never iterate a token's string as if it were a list.
 */
export function listArgument(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
