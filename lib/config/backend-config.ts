import { Problem } from '../validation/problem';
import * as rules from '../validation/rules';
import { BackendConfig } from './app-config';
import { booleanField, FieldType, isObject, objectProblems, stringField } from './field-types';

type Check = (value: string) => string | undefined;

interface BackendShape {
  readonly required: Readonly<Record<string, FieldType>>;
  readonly optional: Readonly<Record<string, FieldType>>;
  /** Rules for string fields, once their types are right. */
  readonly rules: Readonly<Record<string, Check>>;
}

const relativePath: Check = (path) =>
  path.length > 0 && !/^([/\\~]|[A-Za-z]:)/.test(path)
    ? undefined
    : 'must be a non-empty path relative to the project folder, so the stack works on every machine';

const SHAPES: Readonly<Record<BackendConfig['type'], BackendShape>> = {
  local: { required: { type: stringField }, optional: { path: stringField }, rules: { path: relativePath } },
  s3: {
    required: { type: stringField, bucket: stringField, key: stringField, region: stringField },
    optional: {
      encrypt: booleanField,
      useLockfile: booleanField,
      dynamodbTable: stringField,
      roleArn: stringField,
      profile: stringField,
    },
    rules: {
      bucket: rules.s3BucketName,
      key: (key) => (key.length > 0 && !key.startsWith('/') ? undefined : 'must be a non-empty object key not starting with "/"'),
      region: rules.regionName,
      dynamodbTable: (name) => (/^[A-Za-z0-9_.-]{3,255}$/.test(name) ? undefined : 'is not a DynamoDB table name (3-255 of letters, digits, "_", "-", ".")'),
      roleArn: rules.iamRoleArn,
      profile: (name) => (name.length > 0 ? undefined : 'must not be empty'),
    },
  },
  cloud: {
    required: { type: stringField, organization: stringField, workspace: stringField },
    optional: { hostname: stringField },
    rules: {
      organization: (name) => (/^[A-Za-z0-9_-]{3,}$/.test(name) ? undefined : 'is not an organization name (letters, digits, "_" and "-")'),
      workspace: (name) => (/^[A-Za-z0-9_-]{1,90}$/.test(name) ? undefined : 'is not a workspace name (1-90 letters, digits, "_" and "-")'),
      hostname: (host) => (/^[a-z0-9.-]+(:\d+)?$/.test(host) ? undefined : 'is not a host name (e.g. "app.terraform.io")'),
    },
  },
};

const TYPES = Object.keys(SHAPES);

/** Problems of a stack's `backend` field. */
export function backendProblems(field: string, value: unknown): Problem[] {
  if (!isObject(value)) {
    return [{ field, value, message: 'must be an object such as {"type": "local", "path": "terraform.sample.tfstate"}' }];
  }
  const shape = SHAPES[value.type as BackendConfig['type']];
  if (typeof value.type !== 'string' || !shape) {
    return [{ field: `${field}.type`, value: value.type, message: `is not a supported backend type (supported: ${TYPES.map((t) => `"${t}"`).join(', ')})` }];
  }
  const problems = objectProblems(field, value, shape.required, shape.optional);
  for (const [key, check] of Object.entries(shape.rules)) {
    const message = typeof value[key] === 'string' ? check(value[key] as string) : undefined;
    if (message) {
      problems.push({ field: `${field}.${key}`, value: value[key], message });
    }
  }
  if (value.type === 's3' && value.useLockfile === false && value.dynamodbTable === undefined) {
    problems.push({ field: `${field}.useLockfile`, value: false, message: 'leaves the state unlocked; keep it on, or name a dynamodbTable' });
  }
  return problems;
}

/**
 * The backend of a stack whose `backend` field passed `backendProblems` (or is absent), with defaults
 * filled in: no backend is a local state file `terraform.<stack name>.tfstate` in the project folder.
 */
export function toBackendConfig(stackName: string, value: unknown): BackendConfig {
  const backend = (isObject(value) ? value : { type: 'local' }) as unknown as BackendConfig;
  switch (backend.type) {
    case 's3':
      return { ...backend, encrypt: backend.encrypt ?? true, useLockfile: backend.useLockfile ?? true };
    case 'cloud':
      return backend;
    case 'local':
      return { type: 'local', path: backend.path ?? `terraform.${stackName}.tfstate` };
  }
}
