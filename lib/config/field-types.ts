import { Problem } from '../validation/problem';

/** Type checks for raw JSON values: each returns the problems of `value` at `field`. */
export type FieldType = (field: string, value: unknown) => Problem[];

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const stringField: FieldType = (field, value) =>
  typeof value === 'string' ? [] : [{ field, value, message: 'must be a string' }];

export const booleanField: FieldType = (field, value) =>
  typeof value === 'boolean' ? [] : [{ field, value, message: 'must be true or false' }];

export const stringListField: FieldType = (field, value) => {
  if (!Array.isArray(value)) {
    return [{ field, value, message: 'must be a list of strings' }];
  }
  return value.flatMap((entry, index) => stringField(`${field}[${index}]`, entry));
};

export const stringMapField: FieldType = (field, value) => {
  if (!isObject(value)) {
    return [{ field, value, message: 'must be an object of string values' }];
  }
  return Object.entries(value).flatMap(([key, entry]) => stringField(`${field}.${key}`, entry));
};

/**
 * Problems of an object against its known fields: missing required ones, unknown ones (with the closest
 * known name as a hint, since most unknown keys are typos), and each present field's type.
 */
export function objectProblems(
  field: string,
  value: unknown,
  required: Readonly<Record<string, FieldType>>,
  optional: Readonly<Record<string, FieldType>>,
): Problem[] {
  if (!isObject(value)) {
    return [{ field, value, message: 'must be an object' }];
  }
  const known = { ...required, ...optional };
  const problems: Problem[] = [];
  for (const key of Object.keys(required)) {
    if (!(key in value)) {
      problems.push({ field: `${field}.${key}`, value: undefined, message: 'is required' });
    }
  }
  for (const [key, entry] of Object.entries(value)) {
    const type = known[key];
    if (type) {
      problems.push(...type(`${field}.${key}`, entry));
    } else {
      problems.push({ field: `${field}.${key}`, value: entry, message: unknownKeyMessage(key, Object.keys(known)) });
    }
  }
  return problems;
}

function unknownKeyMessage(key: string, known: readonly string[]): string {
  const closest = known
    .map((name) => ({ name, distance: editDistance(key.toLowerCase(), name.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance)[0];
  const hint = closest && closest.distance <= 3 ? `did you mean "${closest.name}"? ` : '';
  return `is not a known field (${hint}known: ${known.join(', ')})`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
