import { InterfaceService } from '../naming/interface-service';
import { interfaceEndpointResourceName } from '../naming/resource-names';
import { listProblems, valueProblems } from './list-problems';
import { Problem } from './problem';
import * as rules from './rules';

/** The inputs of an ECR PrivateLink setup that can be wrong, in the names the props and config use. */
export interface EcrPrivateLinkInputs {
  readonly region: string;
  readonly namePrefix: string;
  readonly vpcId: string;
  readonly privateSubnetIds: readonly string[];
  readonly privateRouteTableIds: readonly string[];
  readonly allowedCidrBlocks: readonly string[];
  readonly interfaceServices?: readonly string[];
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Everything wrong with the inputs, each problem naming its field under `fieldPrefix` (e.g. `stacks[0].`).
 * Shared by the construct (which throws on the first call) and the config parser (which reports all).
 */
export function ecrPrivateLinkProblems(inputs: EcrPrivateLinkInputs, fieldPrefix = ''): Problem[] {
  const at = (name: string): string => `${fieldPrefix}${name}`;
  const problems = [
    ...valueProblems(at('region'), inputs.region, rules.regionName),
    ...valueProblems(at('namePrefix'), inputs.namePrefix, rules.namePrefix),
    ...valueProblems(at('vpcId'), inputs.vpcId, rules.awsId('vpc')),
    ...listProblems(at('privateSubnetIds'), inputs.privateSubnetIds, rules.awsId('subnet')),
    ...listProblems(at('privateRouteTableIds'), inputs.privateRouteTableIds, rules.awsId('rtb')),
    ...listProblems(at('allowedCidrBlocks'), inputs.allowedCidrBlocks, rules.clientCidrBlock),
    ...Object.entries(inputs.tags ?? {}).flatMap(([key, value]) => [
      ...valueProblems(at(`tags`), key, rules.tagKey),
      ...valueProblems(at(`tags.${key}`), value, rules.tagValue),
    ]),
  ];
  if (inputs.interfaceServices !== undefined) {
    // "ecr-api" and "ecr.api" would share the resource name sample-ecr-api: treat them as the same entry.
    const resourceName = (service: string): string => interfaceEndpointResourceName(inputs.namePrefix, service);
    problems.push(
      ...listProblems(at('interfaceServices'), inputs.interfaceServices, rules.interfaceServiceName, resourceName),
    );
    if (inputs.interfaceServices.length > 0 && !inputs.interfaceServices.includes(InterfaceService.ECR_DKR.shortName)) {
      problems.push({
        field: at('interfaceServices'),
        value: inputs.interfaceServices,
        message: `lacks "${InterfaceService.ECR_DKR.shortName}": image pulls go through it`,
      });
    }
  }
  return problems;
}
