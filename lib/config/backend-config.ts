import { Problem } from '../validation/problem';
import { BackendConfig } from './app-config';
import { isObject, objectProblems, stringField } from './field-types';

/** The state file a stack uses when the config names no backend, relative to the project folder. */
export function defaultBackend(stackName: string): BackendConfig {
  return { type: 'local', path: `terraform.${stackName}.tfstate` };
}

/** Problems of a stack's `backend` field. */
export function backendProblems(field: string, value: unknown): Problem[] {
  if (!isObject(value)) {
    return [{ field, value, message: 'must be an object such as {"type": "local", "path": "terraform.sample.tfstate"}' }];
  }
  if (value.type !== 'local') {
    return [{ field: `${field}.type`, value: value.type, message: 'is not a supported backend type (supported: "local")' }];
  }
  const problems = objectProblems(field, value, { type: stringField }, { path: stringField });
  if (typeof value.path === 'string' && !isRelativePath(value.path)) {
    problems.push({
      field: `${field}.path`,
      value: value.path,
      message: 'must be a non-empty path relative to the project folder, so the stack works on every machine',
    });
  }
  return problems;
}

/** The backend of a stack whose `backend` field passed `backendProblems`. */
export function toBackendConfig(stackName: string, value: unknown): BackendConfig {
  if (!isObject(value)) {
    return defaultBackend(stackName);
  }
  return { type: 'local', path: typeof value.path === 'string' ? value.path : defaultBackend(stackName).path };
}

function isRelativePath(path: string): boolean {
  return path.length > 0 && !/^([/\\~]|[A-Za-z]:)/.test(path);
}
