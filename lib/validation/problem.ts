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
    /** Said once after the problems, e.g. the known fields of an object with an unknown one. */
    public readonly notes: readonly string[] = [],
  ) {
    super(
      [`${subject}: ${problems.length} problem(s)`, ...problems.map((p) => `  - ${formatProblem(p)}`), ...notes.map((n) => `  ${n}`)].join(
        '\n',
      ),
    );
    this.name = 'ValidationError';
  }
}

/** Throws a ValidationError if there is any problem. */
export function throwIfProblems(subject: string, problems: readonly Problem[], notes: readonly string[] = []): void {
  if (problems.length > 0) {
    throw new ValidationError(subject, problems, notes);
  }
}

const MAX_SHOWN = 80;

/** A value as JSON, cut to a line: nesting and length are bounded, so any input prints. */
function showValue(value: unknown): string {
  if (value === undefined) {
    return '(missing)';
  }
  const json = boundedJson(value, 3);
  return json.length > MAX_SHOWN ? `${json.slice(0, MAX_SHOWN - 3)}...` : json;
}

function boundedJson(value: unknown, depth: number): string {
  if (typeof value !== 'object' || value === null) {
    return JSON.stringify(value) ?? String(value);
  }
  const toJson = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJson === 'function') {
    return boundedJson(toJson.call(value), depth);
  }
  if (depth === 0) {
    return Array.isArray(value) ? '[...]' : '{...}';
  }
  // Enough entries to fill a line, whatever the size of the value.
  if (Array.isArray(value)) {
    return `[${value
      .slice(0, MAX_SHOWN)
      .map((v) => boundedJson(v, depth - 1))
      .join(',')}]`;
  }
  const entries = Object.keys(value).slice(0, MAX_SHOWN);
  const own = (key: string): unknown => Object.getOwnPropertyDescriptor(value, key)?.value;
  return `{${entries.map((key) => `${JSON.stringify(key)}:${boundedJson(own(key), depth - 1)}`).join(',')}}`;
}
