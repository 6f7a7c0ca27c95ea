import type { EcrSpokeProps } from '../constructs/ecr-spoke-props';
import { Problem } from './problem';

/**
 * What is wrong with a spoke's props that only the construct can judge: client security groups whose
 * egress rules would have no destination for the hub's endpoints.
 */
export function ecrSpokeProblems(props: EcrSpokeProps): Problem[] {
  return props.clientSecurityGroupIds?.length && !props.hub.endpointCidrBlocks?.length
    ? [
        {
          field: 'clientSecurityGroupIds',
          value: props.clientSecurityGroupIds,
          message: `need the networks of hub "${props.hub.name}"'s endpoints for their egress rules; give the hub "hub": {"endpointCidrBlocks": [...]}`,
        },
      ]
    : [];
}
