/** One thing wrong with an input: which field, what value, and what to do about it. */
export interface Problem {
  /** Path of the field, e.g. `stacks[0].privateSubnetIds[1]`. */
  readonly field: string;
  /** The offending value, shown to the user as JSON. */
  readonly value: unknown;
  /** What is wrong, phrased so the user knows what to change. */
  readonly message: string;
}

/** `stacks[0].vpcId: "vpc-1" is not a VPC ID (...)`. */
export function formatProblem(problem: Problem): string {
  return `${problem.field}: ${showValue(problem.value)} ${problem.message}`;
}

/** Thrown when input is refused; carries every problem found, not just the first. */
export class ValidationError extends Error {
  public constructor(
    /** What was being validated, e.g. the config file's path or a construct's path. */
    public readonly subject: string,
    public readonly problems: readonly Problem[],
  ) {
    super(`${subject}: ${problems.length} problem(s)\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
    this.name = 'ValidationError';
  }
}

/** Throws a ValidationError if there is any problem. */
export function throwIfProblems(subject: string, problems: readonly Problem[]): void {
  if (problems.length > 0) {
    throw new ValidationError(subject, problems);
  }
}

function showValue(value: unknown): string {
  if (value === undefined) {
    return '(missing)';
  }
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}
