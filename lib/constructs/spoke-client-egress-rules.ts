import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { Construct } from 'constructs';
import { HTTPS_PORT } from './endpoint-security-group';
import { tagsNamed } from './tags';

export interface SpokeClientEgressRulesProps {
  /** The clients' security groups (e.g. worker nodes), owned elsewhere. */
  readonly clientSecurityGroupIds: readonly string[];
  /** The networks of the hub's endpoint subnets. */
  readonly hubEndpointCidrBlocks: readonly string[];
  /** The spoke's S3 gateway endpoint's prefix list. */
  readonly s3PrefixListId: string;
  /** Start of the rules' resource names: `<prefix>-<sg-id>-to-s3`, `<prefix>-<sg-id>-to-hub-<n>`. */
  readonly namePrefix: string;
  /** Tags for the rules. @default - no tags */
  readonly tags?: Readonly<Record<string, string>>;
  /** Tag each rule `Name` = its resource name. @default false */
  readonly nameTags?: boolean;
}

/**
 * A spoke's version of the client rules (see ClientEgressRules): each client group may leave on 443/tcp
 * only towards the hub's endpoint networks (in another VPC, so by CIDR, not by security group) and the
 * spoke's own S3 prefix list. The S3 rule keeps ClientEgressRules' name, so a stack that becomes a spoke
 * keeps it in place.
 */
export class SpokeClientEgressRules extends Construct {
  public readonly rules: readonly VpcSecurityGroupEgressRule[];

  public constructor(scope: Construct, id: string, props: SpokeClientEgressRulesProps) {
    super(scope, id);
    this.rules = props.clientSecurityGroupIds.flatMap((groupId) => [
      ...props.hubEndpointCidrBlocks.map((cidr, i) =>
        this.rule(props, groupId, `to-hub-${i + 1}`, 'HTTPS to hub endpoints (ECR PrivateLink)', { cidrIpv4: cidr }),
      ),
      this.rule(props, groupId, 'to-s3', 'HTTPS to s3 (ECR PrivateLink)', { prefixListId: props.s3PrefixListId }),
    ]);
  }

  private rule(
    props: SpokeClientEgressRulesProps,
    groupId: string,
    suffix: string,
    description: string,
    destination: { cidrIpv4?: string; prefixListId?: string },
  ): VpcSecurityGroupEgressRule {
    const name = `${props.namePrefix}-${groupId}-${suffix}`;
    const rule = new VpcSecurityGroupEgressRule(this, `${groupId}-${suffix}`, {
      securityGroupId: groupId,
      description,
      ipProtocol: 'tcp',
      fromPort: HTTPS_PORT,
      toPort: HTTPS_PORT,
      ...destination,
      tags: tagsNamed(props.tags, name, props.nameTags),
    });
    rule.overrideLogicalId(name);
    return rule;
  }
}
