/** Environment variables to set (a string) or to remove (undefined). */
export type EnvChanges = Readonly<Record<string, string | undefined>>;

/**
 * Runs `body` with process.env changed by `changes`, then puts every changed variable back as it was (also
 * when `body` throws, and once the promise `body` returns has settled): for code under test that reads
 * process.env itself.
 */
export function withProcessEnv<T>(changes: EnvChanges, body: () => T): T {
  const saved: EnvChanges = Object.fromEntries(Object.keys(changes).map((name) => [name, process.env[name]]));
  setProcessEnv(changes);
  let result: T;
  try {
    result = body();
  } catch (error) {
    setProcessEnv(saved);
    throw error;
  }
  if (result instanceof Promise) {
    return result.finally(() => setProcessEnv(saved)) as T;
  }
  setProcessEnv(saved);
  return result;
}

function setProcessEnv(changes: EnvChanges): void {
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) {
      delete process.env[name];
    } else {
      process.env[name] = value;
    }
  }
}
