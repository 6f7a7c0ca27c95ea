import { readFileSync } from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { AppConfig } from './lib/config/app-config';
import { parseConfig } from './lib/config/parse-config';
import { ValidationError } from './lib/validation/problem';
import { EcrPrivateLinkStack } from './stacks/ecr-private-link-stack';
import { stackPropsFromConfig } from './stacks/stack-props-from-config';

/** The config file: $ECR_PRIVATELINK_CONFIG, or the committed example when it is unset. */
const CONFIG_PATH = process.env.ECR_PRIVATELINK_CONFIG || path.join(__dirname, 'config', 'example.json');

function readConfig(file: string): AppConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ValidationError(file, [
      { field: 'ECR_PRIVATELINK_CONFIG', value: file, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? error})` },
    ]);
  }
  return parseConfig(text, file);
}

function synthesize(config: AppConfig): void {
  // The App creates its output folder at once, so it is made only after the whole config passed.
  const app = new App();
  for (const stack of config.stacks) {
    new EcrPrivateLinkStack(app, stack.name, stackPropsFromConfig(stack));
  }
  app.synth();
}

try {
  synthesize(readConfig(CONFIG_PATH));
} catch (error) {
  if (!(error instanceof ValidationError)) {
    throw error;
  }
  console.error(`Config refused, nothing was synthesized.\n${error.message}`);
  process.exitCode = 1;
}
