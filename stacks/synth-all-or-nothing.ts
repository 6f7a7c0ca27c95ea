import { App, TerraformStack } from 'cdktf';
// Aspects run before anything is written, so every stack is checked first. (Our checks are idempotent:
// cdktf running them again during synth adds nothing.)
import { invokeAspects } from '../lib/cdktf/internals';

const ERROR_LEVEL = '@cdktf/error';

/**
 * Synthesizes every stack of `app`, or none: when any stack has an error annotation (from the checks
 * aspect or elsewhere), nothing is written and the errors are returned, as `[construct path] message`.
 */
export function synthAllOrNothing(app: App): string[] {
  const stacks = app.node.findAll().filter(TerraformStack.isStack);
  stacks.forEach((stack) => invokeAspects(stack));
  const errors = stacks.flatMap((stack) =>
    stack.node
      .findAll()
      .flatMap((node) =>
        node.node.metadata.filter((entry) => entry.type === ERROR_LEVEL).map((entry) => `[${node.node.path}] ${entry.data}`),
      ),
  );
  if (errors.length === 0) {
    app.synth();
  }
  return errors;
}
