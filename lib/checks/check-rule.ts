import { IConstruct } from 'constructs';
import { SynthesizedResource } from './stack-resources';

/** What a rule found, and where. */
export interface Finding {
  readonly construct: IConstruct;
  readonly message: string;
}

/** One check of a whole stack, run at synth time by EcrPrivateLinkChecks. */
export interface CheckRule {
  /** Short, stable name shown with each finding, e.g. `EcrDkrPrivateDns`. */
  readonly id: string;
  /** `error` stops synth; `warning` is shown in `cdktf synth` output. */
  readonly level: 'error' | 'warning';
  check(resources: readonly SynthesizedResource[]): Finding[];
}
