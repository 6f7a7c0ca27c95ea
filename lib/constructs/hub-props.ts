/** The props of a hub (types only, so that validation, the construct and the config mapping can share them). */

/** A VPC that resolves the hub's services through the hub's private hosted zones. */
export interface HubSpoke {
  /** What to call the spoke in resource names' comments and messages: its stack's name, or its VPC ID. */
  readonly name: string;
  /** The spoke VPC (`vpc-...`), in the hub's region. */
  readonly vpcId: string;
  /** Networks of the spoke's clients, admitted to the hub's endpoints on 443. @default - the VPC's CIDR blocks, read at plan time */
  readonly cidrBlocks?: readonly string[];
  /**
   * Role in the spoke VPC's account, for a VPC of another account: the hub authorizes the association,
   * and the zone is associated through this role, because Route 53 needs both accounts to act.
   * @default - none: the VPC is in the hub's account
   */
  readonly associationRoleArn?: string;
}

/** What makes an EcrPrivateLink a hub. */
export interface HubOptions {
  /** The VPCs that share the hub's endpoints. @default - none (only the hub's own VPC uses the zones) */
  readonly spokes?: readonly HubSpoke[];
}
