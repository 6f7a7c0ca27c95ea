import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Construct } from 'constructs';
import { nonEmpty } from './tags';

/** HTTPS, the only port the ECR endpoints listen on. */
export const HTTPS_PORT = 443;

/** The description original.tf gives the group. AWS cannot change it in place: a new one replaces the group. */
export const DEFAULT_SECURITY_GROUP_DESCRIPTION = 'ECR PrivateLink endpoints: HTTPS from inside the VPC';

/** The description of the inline ingress rule in original.tf. */
export const DEFAULT_INGRESS_DESCRIPTION = 'HTTPS from the VPC';

/** The description of the ingress rule for client security groups. */
export const CLIENT_GROUPS_INGRESS_DESCRIPTION = 'HTTPS from client security groups';

/** The description of a hub's ingress rule for its spokes' networks. */
export const SPOKES_INGRESS_DESCRIPTION = 'HTTPS from spoke VPCs';

export interface EndpointSecurityGroupProps {
  /** VPC the group belongs to. */
  readonly vpcId: string;
  /** AWS name of the group, and its Terraform resource name. Changing it replaces the group. */
  readonly name: string;
  /** Networks whose clients may reach the endpoints on 443/tcp. */
  readonly allowedCidrBlocks: readonly string[];
  /** IPv6 networks whose clients may reach the endpoints on 443/tcp, in the same rule. @default - none */
  readonly allowedIpv6CidrBlocks?: readonly string[];
  /** Security groups whose members may reach the endpoints on 443/tcp. @default - none */
  readonly clientSecurityGroupIds?: readonly string[];
  /** A hub's spokes' networks, admitted on 443/tcp by a rule of their own. @default - none */
  readonly spokeCidrBlocks?: readonly string[];
  /** Description of the group. Changing it replaces the group. @default DEFAULT_SECURITY_GROUP_DESCRIPTION */
  readonly description?: string;
  /** Description of the ingress rule. @default DEFAULT_INGRESS_DESCRIPTION */
  readonly ingressDescription?: string;
  /** Tags for the group. @default - no tags */
  readonly tags?: Readonly<Record<string, string>>;
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
          ...https(props.ingressDescription ?? DEFAULT_INGRESS_DESCRIPTION),
          cidrBlocks: [...props.allowedCidrBlocks],
          ...(props.allowedIpv6CidrBlocks?.length ? { ipv6CidrBlocks: [...props.allowedIpv6CidrBlocks] } : {}),
        },
        ...(props.clientSecurityGroupIds?.length
          ? [{ ...https(CLIENT_GROUPS_INGRESS_DESCRIPTION), securityGroups: [...props.clientSecurityGroupIds] }]
          : []),
        ...(props.spokeCidrBlocks?.length ? [{ ...https(SPOKES_INGRESS_DESCRIPTION), cidrBlocks: [...props.spokeCidrBlocks] }] : []),
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
