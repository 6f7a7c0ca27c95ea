import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Construct } from 'constructs';
import type { EcrPrivateLinkProps } from './ecr-private-link-props';
import { nonEmpty } from './tags';

/** HTTPS, the only port the ECR endpoints listen on. */
export const HTTPS_PORT = 443;

/** The description original.tf gives the group. AWS cannot change it in place: a new one replaces the group. */
export const DEFAULT_SECURITY_GROUP_DESCRIPTION = 'ECR PrivateLink endpoints: HTTPS from inside the VPC';

/** The description of the inline ingress rule in original.tf. */
const DEFAULT_INGRESS_DESCRIPTION = 'HTTPS from the VPC';

/** The construct's VPC and clients (IPv4 and IPv6 networks in one rule, security groups in another), and the group's own settings. */
export interface EndpointSecurityGroupProps extends Pick<
  EcrPrivateLinkProps,
  'vpcId' | 'allowedCidrBlocks' | 'allowedIpv6CidrBlocks' | 'clientSecurityGroupIds' | 'tags'
> {
  /** AWS name of the group, and its Terraform resource name. Changing it replaces the group. */
  readonly name: string;
  /** A hub's spokes' networks, admitted on 443/tcp by a rule of their own. @default - none */
  readonly spokeCidrBlocks?: readonly string[];
  /** Description of the group. Changing it replaces the group. @default DEFAULT_SECURITY_GROUP_DESCRIPTION */
  readonly description?: string;
}

/**
 * The interface endpoints' security group: 443/tcp in from the clients' networks (and client security
 * groups, when given), as inline rules. They stay inline (not `aws_vpc_security_group_ingress_rule`) so
 * that states written by the original configuration plan without changes; the provider forbids mixing
 * the two styles on one group.
 */
export class EndpointSecurityGroup extends Construct {
  /** The `aws_security_group` resource. */
  public readonly resource: SecurityGroup;

  public constructor(scope: Construct, id: string, props: EndpointSecurityGroupProps) {
    super(scope, id);
    this.resource = new SecurityGroup(this, 'Resource', {
      name: props.name,
      description: props.description ?? DEFAULT_SECURITY_GROUP_DESCRIPTION,
      vpcId: props.vpcId,
      ingress: [
        {
          ...https(DEFAULT_INGRESS_DESCRIPTION),
          cidrBlocks: [...props.allowedCidrBlocks],
          ...(props.allowedIpv6CidrBlocks?.length ? { ipv6CidrBlocks: [...props.allowedIpv6CidrBlocks] } : {}),
        },
        ...(props.clientSecurityGroupIds?.length
          ? [{ ...https('HTTPS from client security groups'), securityGroups: [...props.clientSecurityGroupIds] }]
          : []),
        ...(props.spokeCidrBlocks?.length ? [{ ...https('HTTPS from spoke VPCs'), cidrBlocks: [...props.spokeCidrBlocks] }] : []),
      ],
      tags: nonEmpty(props.tags),
    });
    this.resource.overrideLogicalId(props.name);
  }

  /** ID of the group (`sg-...`). */
  public get securityGroupId(): string {
    return this.resource.id;
  }
}

function https(description: string): { description: string; fromPort: number; toPort: number; protocol: string } {
  return { description, fromPort: HTTPS_PORT, toPort: HTTPS_PORT, protocol: 'tcp' };
}
