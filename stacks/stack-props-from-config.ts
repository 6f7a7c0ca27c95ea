import { StackConfig } from '../lib/config/app-config';
import { InterfaceService } from '../lib/naming/interface-service';
import { EcrPrivateLinkStackProps } from './ecr-private-link-stack';

/** The props of a stack described in the config file. */
export function stackPropsFromConfig(stack: StackConfig): EcrPrivateLinkStackProps {
  return {
    ...stack,
    interfaceServices: stack.interfaceServices?.map(InterfaceService.of),
  };
}
