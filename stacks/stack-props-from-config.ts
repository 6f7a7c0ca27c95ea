import { StackConfig } from '../lib/config/app-config';
import { InterfaceService } from '../lib/naming/interface-service';
import { EcrPrivateLinkStackProps } from './ecr-private-link-stack';

/** The props of a stack described in the (shape-checked) config file: services become InterfaceServices, once. */
export function stackPropsFromConfig(stack: StackConfig): EcrPrivateLinkStackProps {
  const { name: _name, interfaceServices, additionalInterfaceServices, ...rest } = stack;
  return {
    ...rest,
    interfaceServices: interfaceServices?.map(InterfaceService.of),
    additionalInterfaceServices: additionalInterfaceServices?.map(InterfaceService.of),
  };
}
