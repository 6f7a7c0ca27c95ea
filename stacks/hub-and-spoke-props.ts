import { StackConfig } from '../lib/config/app-config';
import { HubOptions } from '../lib/constructs/hub-props';
import { selectNamedInterfaceServices } from '../lib/workload-profiles';
import { EcrSpokeStackProps } from './ecr-spoke-stack';

/**
 * Hubs and spokes learn of each other from the config, when their props are made: a hub gets its spokes'
 * VPCs, networks and roles; a spoke gets its hub's services and endpoint networks. So neither stack reads
 * the other's state, and either can be planned alone.
 */

/** A hub's options: the config's stacks with `"spokeOf": <hub>`, then the VPCs listed in its `hub.spokes`. */
export function hubOptionsFromConfig(hub: StackConfig, stacks: readonly StackConfig[]): HubOptions {
  const spokeStacks = stacks
    .filter((stack) => stack.spokeOf === hub.name)
    .map((stack) => ({ ...stack, cidrBlocks: stack.allowedCidrBlocks }));
  return { spokes: [...spokeStacks, ...(hub.hub?.spokes ?? []).map((spoke) => ({ ...spoke, name: spoke.vpcId }))] };
}

/** The props of a spoke stack (`"spokeOf"` naming a hub of `stacks`; the config's cross-stack checks ensure it). */
export function spokePropsFromConfig(spoke: StackConfig, stacks: readonly StackConfig[]): EcrSpokeStackProps {
  const hub = stacks.find((stack) => stack.name === spoke.spokeOf && stack.hub);
  if (!hub) {
    throw new Error(`stack "${spoke.name}" is a spoke of "${spoke.spokeOf}", which is not a hub of this config`);
  }
  return {
    ...spoke,
    hub: { name: hub.name, services: selectNamedInterfaceServices(hub), endpointCidrBlocks: hub.hub?.endpointCidrBlocks },
  };
}
