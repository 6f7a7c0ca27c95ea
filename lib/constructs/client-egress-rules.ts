import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { Construct } from 'constructs';
import type { EcrPrivateLinkProps } from './ecr-private-link-props';
import { HTTPS_PORT } from './endpoint-security-group';
import { tagsNamed } from './tags';

/** Where the clients' HTTPS may go besides S3: the endpoints, by security group or by network. */
export interface EgressDestination {
  /** End of the rule's resource name, e.g. `to-endpoints` (`<prefix>-<sg-id>-<suffix>`). */
  readonly suffix: string;
  /** The rule's description. */
  readonly description: string;
  /** The endpoints' security group, in the same VPC. @default - by network instead */
  readonly referencedSecurityGroupId?: string;
  /** The endpoints' network, in another VPC (a hub's). @default - by security group instead */
  readonly cidrIpv4?: string;
  /** A prefix list (the S3 gateway's). @default - by security group or network instead */
  readonly prefixListId?: string;
}

/** The stack's `namePrefix` starts the rules' resource names (`<prefix>-<sg-id>-<suffix>`, `<prefix>-<sg-id>-to-s3`). */
export interface ClientEgressRulesProps extends Pick<EcrPrivateLinkProps, 'namePrefix' | 'tags' | 'nameTags'> {
  /** The clients' security groups (e.g. worker nodes), owned elsewhere. */
  readonly clientSecurityGroupIds: readonly string[];
  /** Where the interface endpoints are, one rule each. */
  readonly endpoints: readonly EgressDestination[];
  /** The S3 gateway endpoint's prefix list. */
  readonly s3PrefixListId: string;
}

/**
 * The article's verified client setup: each client security group may leave on 443/tcp only towards the
 * interface endpoints (their security group, or a hub's networks for a spoke) and the S3 gateway's
 * prefix list. One `aws_vpc_security_group_egress_rule` per destination, so the groups stay owned
 * elsewhere; groups managed with inline `egress` blocks elsewhere will fight these rules (the provider
 * forbids mixing the two on one group). The S3 rule has the same name in a spoke, so a stack that becomes
 * a spoke keeps it in place.
 */
export class ClientEgressRules extends Construct {
  public readonly rules: readonly VpcSecurityGroupEgressRule[];

  public constructor(scope: Construct, id: string, props: ClientEgressRulesProps) {
    super(scope, id);
    const s3: EgressDestination = { suffix: 'to-s3', description: 'HTTPS to s3 (ECR PrivateLink)', prefixListId: props.s3PrefixListId };
    this.rules = props.clientSecurityGroupIds.flatMap((groupId) =>
      [...props.endpoints, s3].map((destination) => this.rule(props, groupId, destination)),
    );
  }

  private rule(props: ClientEgressRulesProps, groupId: string, destination: EgressDestination): VpcSecurityGroupEgressRule {
    const name = `${props.namePrefix}-${groupId}-${destination.suffix}`;
    const rule = new VpcSecurityGroupEgressRule(this, `${groupId}-${destination.suffix}`, {
      securityGroupId: groupId,
      description: destination.description,
      ipProtocol: 'tcp',
      fromPort: HTTPS_PORT,
      toPort: HTTPS_PORT,
      referencedSecurityGroupId: destination.referencedSecurityGroupId,
      cidrIpv4: destination.cidrIpv4,
      prefixListId: destination.prefixListId,
      tags: tagsNamed(props.tags, name, props.nameTags),
    });
    rule.overrideLogicalId(name);
    return rule;
  }
}
