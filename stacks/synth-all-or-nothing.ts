import { App, TerraformStack } from 'cdktf';
// cdktf runs aspects stack by stack while writing; running them first lets every stack be checked before
// any is written. (Our checks are idempotent, so cdktf running them again during synth adds nothing.)
import { invokeAspects } from 'cdktf/lib/synthesize/synthesizer';

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
      .flatMap((node) => node.node.metadata.filter((entry) => entry.type === ERROR_LEVEL).map((entry) => `[${node.node.path}] ${entry.data}`)),
  );
  if (errors.length === 0) {
    app.synth();
  }
  return errors;
}
