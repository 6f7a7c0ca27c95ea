import validateConfig from './generated/validate-config';
import { AppConfig, BackendConfig, StackConfig } from './app-config';
import type { BackendEntry, ConfigFile, StackEntry } from './config-schema';
import { crossStackProblems } from './cross-stack-problems';
import { schemaProblems } from './schema-problems';
import { throwIfProblems } from '../validation/problem';

/**
 * Parses a whole config file and checks its shape against the schema (config-schema.ts). Throws a
 * ValidationError listing every problem (each naming its field and value) before anything is built, so a
 * bad file never leads to a half-written output. What only a stack's construct can judge, it judges when
 * the stack is built (stacks/build-stacks.ts).
 *
 * @param text the file's contents (a UTF-8 byte order mark is allowed)
 * @param source what to call the file in messages, usually its path
 */
export function parseConfig(text: string, source: string): AppConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throwIfProblems(source, [{ field: '(file)', value: undefined, message: `is not valid JSON: ${(error as Error).message}` }]);
  }
  if (!validateConfig(raw)) {
    const { problems, notes } = schemaProblems(validateConfig.errors ?? [], raw);
    throwIfProblems(source, problems, notes);
  }
  const stacks = (raw as ConfigFile).stacks.map(withDefaults);
  throwIfProblems(source, crossStackProblems(stacks));
  return { stacks };
}

function withDefaults(stack: StackEntry): StackConfig {
  return { ...stack, tags: stack.tags ?? {}, backend: backendWithDefaults(stack.name, stack.backend) };
}

/** No backend is a local state file `terraform.<stack name>.tfstate` in the project folder. */
function backendWithDefaults(stackName: string, backend: BackendEntry | undefined): BackendConfig {
  switch (backend?.type) {
    case undefined:
    case 'local':
      return { type: 'local', path: backend?.path ?? `terraform.${stackName}.tfstate` };
    case 's3':
      return { ...backend, encrypt: backend.encrypt ?? true, useLockfile: backend.useLockfile ?? true };
    case 'cloud':
      return backend;
  }
}
