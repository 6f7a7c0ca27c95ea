import { AppConfig, StackConfig } from '../config/app-config';
import { selectNamedInterfaceServices } from '../workload-profiles';
import { CostedVpc } from './layout-cost';

/**
 * The VPCs of a (checked) config for the cost model: each stack's, and the spoke VPCs its hubs list. A
 * spoke has no subnets in the config, so it is counted with its hub's AZs (and marked as assumed).
 */
export function layoutFromConfig(config: AppConfig): CostedVpc[] {
  const services = (stack: StackConfig): number => selectNamedInterfaceServices(stack).length;
  const hubs = new Map(config.stacks.filter((stack) => stack.hub).map((stack) => [stack.name, stack]));
  return config.stacks.flatMap((stack): CostedVpc[] => {
    if (stack.spokeOf !== undefined) {
      const hub = hubs.get(stack.spokeOf)!;
      return [spokeOf(hub, stack.name, services(hub))];
    }
    const own: CostedVpc = {
      name: stack.name,
      role: stack.hub ? 'hub' : 'standalone',
      region: stack.region,
      azs: stack.privateSubnetIds?.length ?? 0,
      azsAssumed: false,
      interfaceServices: services(stack),
    };
    return [own, ...(stack.hub?.spokes ?? []).map((spoke) => spokeOf(stack, `${stack.name}:${spoke.vpcId}`, own.interfaceServices))];
  });
}

function spokeOf(hub: StackConfig, name: string, interfaceServices: number): CostedVpc {
  return {
    name,
    role: 'spoke',
    region: hub.region,
    azs: hub.privateSubnetIds?.length ?? 0,
    azsAssumed: true,
    interfaceServices,
    hub: hub.name,
  };
}
