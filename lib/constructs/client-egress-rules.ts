import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { Construct } from 'constructs';
import { HTTPS_PORT } from './endpoint-security-group';
import { tagsNamed } from './tags';

export interface ClientEgressRulesProps {
  /** The clients' security groups (e.g. worker nodes), owned elsewhere. */
  readonly clientSecurityGroupIds: readonly string[];
  /** The interface endpoints' security group. */
  readonly endpointSecurityGroupId: string;
  /** The S3 gateway endpoint's prefix list. */
  readonly s3PrefixListId: string;
  /** Start of the rules' resource names: `<prefix>-<sg-id>-to-endpoints`, `<prefix>-<sg-id>-to-s3`. */
  readonly namePrefix: string;
  /** Tags for the rules. @default - no tags */
  readonly tags?: Readonly<Record<string, string>>;
  /** Tag each rule `Name` = its resource name. @default false */
  readonly nameTags?: boolean;
}

/**
 * The article's verified client setup: each client security group may leave on 443/tcp only towards the
 * endpoints' security group and the S3 gateway's prefix list. One `aws_vpc_security_group_egress_rule`
 * per destination, so the groups stay owned elsewhere; groups managed with inline `egress` blocks
 * elsewhere will fight these rules (the provider forbids mixing the two on one group).
 */
export class ClientEgressRules extends Construct {
  public readonly rules: readonly VpcSecurityGroupEgressRule[];

  public constructor(scope: Construct, id: string, props: ClientEgressRulesProps) {
    super(scope, id);
    this.rules = props.clientSecurityGroupIds.flatMap((groupId) => [
      this.rule(props, groupId, 'to-endpoints', { referencedSecurityGroupId: props.endpointSecurityGroupId }),
      this.rule(props, groupId, 'to-s3', { prefixListId: props.s3PrefixListId }),
    ]);
  }

  private rule(
    props: ClientEgressRulesProps,
    groupId: string,
    suffix: string,
    destination: { referencedSecurityGroupId?: string; prefixListId?: string },
  ): VpcSecurityGroupEgressRule {
    const name = `${props.namePrefix}-${groupId}-${suffix}`;
    const rule = new VpcSecurityGroupEgressRule(this, `${groupId}-${suffix}`, {
      securityGroupId: groupId,
      description: `HTTPS ${suffix.replace('-', ' ')} (ECR PrivateLink)`,
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
