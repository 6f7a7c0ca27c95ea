import type { EcrPrivateLinkProps } from '../constructs/ecr-private-link';
import { InterfaceService } from '../naming/interface-service';
import { interfaceEndpointResourceName } from '../naming/resource-names';
import { listProblems, valueProblems } from './list-problems';
import { Problem } from './problem';
import * as rules from './rules';

/**
 * The construct's props as plain data, services by short name: the form the config file has, and the
 * form validation works on.
 */
export type EcrPrivateLinkInputs = Omit<EcrPrivateLinkProps, 'interfaceServices'> & {
  /** Short names such as "ecr.api". @default ["ecr.api", "ecr.dkr"] */
  readonly interfaceServices?: readonly string[];
};

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
  if (inputs.securityGroupDescription !== undefined) {
    problems.push(...valueProblems(at('securityGroupDescription'), inputs.securityGroupDescription, rules.securityGroupDescription));
  }
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
