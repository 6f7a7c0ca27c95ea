import { Problem } from './problem';
import { Rule } from './rules';

/**
 * Problems of a list of strings: empty, duplicated entries, and each entry against `rule`. Entries are
 * duplicates when `identity` maps them to the same key (by default, when they are equal).
 */
export function listProblems(
  field: string | ((index: number) => string),
  values: readonly string[],
  rule: Rule<string>,
  identity: (value: string) => string = (value) => value,
): Problem[] {
  const fieldOf = typeof field === 'string' ? (index: number) => `${field}[${index}]` : field;
  if (values.length === 0) {
    return [{ field: fieldOf(0).replace(/\[0\]$/, ''), value: values, message: 'is empty; list at least one' }];
  }
  const problems: Problem[] = [];
  const seen = new Set<string>();
  values.forEach((value, index) => {
    const key = identity(value);
    const message = seen.has(key) ? 'is listed twice' : rule(value);
    if (message) {
      problems.push({ field: fieldOf(index), value, message });
    }
    seen.add(key);
  });
  return problems;
}

/** The problem of a single value against `rule`, as a list of zero or one. */
export function valueProblems<T>(field: string, value: T, rule: Rule<T>): Problem[] {
  const message = rule(value);
  return message ? [{ field, value, message }] : [];
}
