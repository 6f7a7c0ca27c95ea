import { Construct } from 'constructs';
import { throwIfProblems } from '../validation/problem';
import { ecrSpokeProblems } from '../validation/ecr-spoke-problems';
import { EcrSpokeProps } from './ecr-spoke-props';
import { S3GatewayEndpoint } from './s3-gateway-endpoint';
import { ClientEgressRules } from './client-egress-rules';
import { SpokePreflight } from './spoke-preflight';

export type { EcrSpokeProps, SpokeHub } from './ecr-spoke-props';

/**
 * What a spoke of a hub keeps per VPC: the S3 gateway endpoint on its route tables (gateway endpoints
 * cannot be shared, and ECR's image layers come from S3), and, if asked, its clients' egress rules. The
 * interface endpoints are the hub's, reached through the hub's private hosted zones, which the hub's
 * stack associates with this VPC.
 */
export class EcrSpoke extends Construct {
  /** The S3 gateway endpoint, named as in a stack of its own (`<prefix>-s3`), so a stack that becomes a spoke keeps it. */
  public readonly s3Gateway: S3GatewayEndpoint;

  public constructor(scope: Construct, id: string, props: EcrSpokeProps) {
    super(scope, id);
    throwIfProblems(this.node.path, ecrSpokeProblems(props));
    this.s3Gateway = new S3GatewayEndpoint(this, 'S3Gateway', props);
    if (props.preflight !== false) {
      new SpokePreflight(this, 'Preflight', {
        ...props,
        hubName: props.hub.name,
        hubServiceNames: props.hub.services.map((service) => service.endpointServiceName(props.region)),
        s3Gateway: this.s3Gateway.resource,
      });
    }
    if (props.clientSecurityGroupIds?.length) {
      new ClientEgressRules(this, 'ClientEgress', {
        ...props,
        clientSecurityGroupIds: props.clientSecurityGroupIds,
        endpoints: (props.hub.endpointCidrBlocks ?? []).map((cidr, i) => ({
          suffix: `to-hub-${i + 1}`,
          description: 'HTTPS to hub endpoints (ECR PrivateLink)',
          cidrIpv4: cidr,
        })),
        s3PrefixListId: this.s3Gateway.prefixListId,
      });
    }
  }
}
