import type { ErrorObject } from 'ajv';
import { closestName } from '../validation/closest-name';
import { Problem } from '../validation/problem';

/**
 * Ajv's errors as problems: the field path as `stacks[1].privateSubnetIds[0]`, the value, what to change;
 * plus notes listing the known fields of objects with unknown ones (each list once).
 */
export function schemaProblems(errors: readonly ErrorObject[], data: unknown): { problems: Problem[]; notes: string[] } {
  const notes = new Map<string, string>();
  const problems = errors.flatMap((error): Problem[] => {
    const segments = pathSegments(error.instancePath);
    const at = (...more: (string | number)[]): Problem['field'] => fieldName([...segments, ...more]);
    const value = (...more: (string | number)[]): unknown => valueAt(data, [...segments, ...more]);
    const inner = (error.params as { errors?: ErrorObject[] }).errors?.[0];
    if (error.propertyName !== undefined) {
      return [{ field: at(), value: error.propertyName, message: error.message ?? 'is not a valid key' }];
    }
    switch (inner?.keyword ?? error.keyword) {
      case 'if':
      case 'propertyNames':
        return []; // the failing branch or name reports itself
      case 'required': {
        const missing = (error.params as { missingProperty: string }).missingProperty;
        return [{ field: at(missing), value: undefined, message: 'is required' }];
      }
      case 'additionalProperties': {
        const key = (error.params as { additionalProperty: string }).additionalProperty;
        const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
        const title = (error.parentSchema as { title?: string } | undefined)?.title ?? at();
        notes.set(title, `Known fields of ${title}: ${known.join(', ')}.`);
        const hint = closestName(key, known);
        return [{ field: at(key), value: value(key), message: `is not a known field${hint ? ` (did you mean "${hint}"?)` : ''}` }];
      }
      case 'uniqueItems': {
        const later = Math.max(...Object.values(error.params as { i: number; j: number }));
        return [{ field: at(later), value: value(later), message: 'is listed twice' }];
      }
      case 'discriminator':
        return [{ field: at('type'), value: value('type'), message: value('type') === undefined ? 'is required' : (error.message ?? '') }];
      default:
        return [{ field: at(), value: value(), message: error.message ?? 'is not valid' }];
    }
  });
  return { problems, notes: [...notes.values()] };
}

function pathSegments(instancePath: string): (string | number)[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}

/** `stacks[1].backend.type`; `(root)` for the whole file. */
function fieldName(segments: readonly (string | number)[]): string {
  const name = segments
    .map((s, i) => {
      if (typeof s === 'number') {
        return `[${s}]`;
      }
      // A key that would not read as one (empty, spaces, brackets) is quoted: `stacks[0][" "]`.
      if (!/^[\w$.:/-]+$/.test(s)) {
        return `[${JSON.stringify(s)}]`;
      }
      return i === 0 ? s : `.${s}`;
    })
    .join('');
  return name || '(root)';
}

/** The value at a path, reading own properties only (a key such as `__proto__` is data, not a lookup). */
function valueAt(data: unknown, segments: readonly (string | number)[]): unknown {
  let current = data;
  for (const segment of segments) {
    if (typeof current !== 'object' || current === null || !Object.prototype.hasOwnProperty.call(current, segment)) {
      return undefined;
    }
    current = Object.getOwnPropertyDescriptor(current, segment)?.value;
  }
  return current;
}
