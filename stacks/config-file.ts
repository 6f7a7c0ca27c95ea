import { readFileSync } from 'fs';
import * as path from 'path';
import { AppConfig } from '../lib/config/app-config';
import { parseConfig } from '../lib/config/parse-config';
import { ValidationError } from '../lib/validation/problem';

/** The config the app reads: $ECR_PRIVATELINK_CONFIG, or the committed example when it is unset. */
export function configFilePath(env: NodeJS.ProcessEnv): string {
  return env.ECR_PRIVATELINK_CONFIG || path.join(__dirname, '..', 'config', 'example.json');
}

/** Reads and validates a config file; an unreadable file is a ValidationError like any bad content. */
export function readConfigFile(file: string, field = 'ECR_PRIVATELINK_CONFIG'): AppConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ValidationError(file, [
      { field, value: file, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? error})` },
    ]);
  }
  return parseConfig(text, file);
}
