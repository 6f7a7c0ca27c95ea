import { StackConfig } from '../lib/config/app-config';
import { InterfaceService } from '../lib/naming/interface-service';
import { EcrPrivateLinkStackProps } from './ecr-private-link-stack';
import { hubOptionsFromConfig } from './hub-and-spoke-props';

/**
 * The props of a stack described in the (shape-checked) config file: services become InterfaceServices,
 * once; a hub gets its spokes from `stacks`, the whole config (a spoke's props are spokePropsFromConfig's).
 */
export function stackPropsFromConfig(stack: StackConfig, stacks: readonly StackConfig[] = [stack]): EcrPrivateLinkStackProps {
  const { interfaceServices, additionalInterfaceServices, privateSubnetIds, allowedCidrBlocks, hub, spokeOf, ...rest } = stack;
  if (spokeOf !== undefined || !privateSubnetIds || !allowedCidrBlocks) {
    // The schema requires both of every stack but a spoke.
    throw new Error(`stack "${stack.name}" is a spoke, which has no interface endpoints of its own`);
  }
  return {
    ...rest,
    privateSubnetIds,
    allowedCidrBlocks,
    interfaceServices: interfaceServices?.map(InterfaceService.of),
    additionalInterfaceServices: additionalInterfaceServices?.map(InterfaceService.of),
    ...(hub ? { hub: hubOptionsFromConfig(stack, stacks) } : {}),
  };
}
