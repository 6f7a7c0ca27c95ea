import { readFileSync } from 'fs';
import * as path from 'path';
import { AppConfig } from '../lib/config/app-config';
import { parseConfig } from '../lib/config/parse-config';
import { ValidationError } from '../lib/validation/problem';

const CONFIG_VARIABLE = 'ECR_PRIVATELINK_CONFIG';

/** The config the app reads: $ECR_PRIVATELINK_CONFIG, or the committed example when it is unset (not when empty). */
export function configFilePath(env: NodeJS.ProcessEnv): string {
  const configured = env[CONFIG_VARIABLE];
  if (configured === '') {
    throw new ValidationError(CONFIG_VARIABLE, [
      { field: CONFIG_VARIABLE, value: '', message: 'is empty; name a config file, or unset it to use the committed example' },
    ]);
  }
  return configured ?? path.join(__dirname, '..', 'config', 'example.json');
}

/** Reads and validates a config file; an unreadable file is a ValidationError like any bad content. */
export function readConfigFile(file: string, field = CONFIG_VARIABLE): AppConfig {
  return parseConfig(readTextFile(file, field), file);
}

/** A file's text; a file that cannot be read is a ValidationError naming `field` (what named the file) and the path. */
export function readTextFile(file: string, field: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ValidationError(file, [
      { field, value: file, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? error})` },
    ]);
  }
}

/** The config named by `--config` when it is given, else the app's (see configFilePath), and its file. */
export function readConfigFromFlagOrEnv(flag: string | undefined, env: NodeJS.ProcessEnv): { file: string; config: AppConfig } {
  const file = flag ?? configFilePath(env);
  return { file, config: readConfigFile(file, flag === undefined ? CONFIG_VARIABLE : '--config') };
}
