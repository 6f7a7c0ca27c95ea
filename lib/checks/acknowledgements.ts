import { IConstruct } from 'constructs';

const REASONS = new WeakMap<IConstruct, Map<string, string>>();

/**
 * Findings of synth-time rules that a user has looked at and accepts, each with the reason (cdk-nag's
 * suppressions): a finding on a construct is acknowledged when the construct or any of its scopes
 * acknowledges the rule, and an acknowledged finding prints nothing.
 */
export class Acknowledgements {
  /** The acknowledgements made at `scope`. */
  public static of(scope: IConstruct): Acknowledgements {
    return new Acknowledgements(scope);
  }

  /** The reason `ruleId` is acknowledged for `construct`, from the nearest scope that gives one. */
  public static reasonFor(construct: IConstruct, ruleId: string): string | undefined {
    return [...construct.node.scopes]
      .reverse()
      .map((scope) => REASONS.get(scope)?.get(ruleId))
      .find((reason) => reason !== undefined);
  }

  private constructor(private readonly scope: IConstruct) {}

  /** Acknowledges `ruleId`'s findings on this scope and everything under it. */
  public add(ruleId: string, reason: string): void {
    if (!reason.trim()) {
      throw new Error(`Acknowledging ${ruleId} at ${this.scope.node.path} needs a reason`);
    }
    const reasons = REASONS.get(this.scope) ?? new Map<string, string>();
    reasons.set(ruleId, reason);
    REASONS.set(this.scope, reasons);
  }
}
