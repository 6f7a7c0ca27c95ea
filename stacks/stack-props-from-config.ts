import { StackConfig } from '../lib/config/app-config';
import { InterfaceService } from '../lib/naming/interface-service';
import { Workload } from '../lib/workload-profiles';
import { EcrPrivateLinkStackProps } from './ecr-private-link-stack';

/** The props of a stack described in the (already validated) config file. */
export function stackPropsFromConfig(stack: StackConfig): EcrPrivateLinkStackProps {
  return {
    ...stack,
    workload: stack.workload as Workload | undefined,
    interfaceServices: stack.interfaceServices?.map(InterfaceService.of),
    additionalInterfaceServices: stack.additionalInterfaceServices?.map(InterfaceService.of),
  };
}
