import { App } from 'cdktf';
import { AppConfig, StackConfig } from '../lib/config/app-config';
import { Problem, throwIfProblems, ValidationError } from '../lib/validation/problem';
import { EcrPrivateLinkStack, EcrPrivateLinkStackProps } from './ecr-private-link-stack';
import { EcrSpokeStack } from './ecr-spoke-stack';
import { spokePropsFromConfig } from './hub-and-spoke-props';
import { stackPropsFromConfig } from './stack-props-from-config';

/**
 * Builds one stack per config entry in `app` (a spoke's is an EcrSpokeStack, which `adjust` leaves as it
 * is). Each stack's construct judges its own props; every stack's
 * problems are collected, named under `stacks[i].`, and thrown together as one ValidationError about
 * `source` before anything is written.
 *
 * @param adjust changes a stack's props before it is built (migrate-check plans offline, for one)
 */
export function buildStacks(
  app: App,
  config: AppConfig,
  source: string,
  adjust: (props: EcrPrivateLinkStackProps, stack: StackConfig) => EcrPrivateLinkStackProps = (props) => props,
): (EcrPrivateLinkStack | EcrSpokeStack)[] {
  const problems: Problem[] = [];
  const stacks = config.stacks.flatMap((stack, i) => {
    try {
      return [
        stack.spokeOf
          ? new EcrSpokeStack(app, stack.name, spokePropsFromConfig(stack, config.stacks))
          : new EcrPrivateLinkStack(app, stack.name, adjust(stackPropsFromConfig(stack, config.stacks), stack)),
      ];
    } catch (error) {
      if (!(error instanceof ValidationError)) {
        throw error;
      }
      problems.push(...error.problems.map((p) => ({ ...p, field: `stacks[${i}].${p.field}` })));
      return [];
    }
  });
  throwIfProblems(source, problems);
  return stacks;
}
