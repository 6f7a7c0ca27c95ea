/** The props of EcrSpoke (types only, so that validation and the construct can both import them). */
import type { InterfaceService } from '../naming/interface-service';

/** What a spoke knows of its hub, resolved from the config (no cross-stack reference). */
export interface SpokeHub {
  /** The hub's stack name, for messages. */
  readonly name: string;
  /** The hub's interface services, whose names the spoke resolves through the hub's zones. */
  readonly services: readonly InterfaceService[];
  /** The networks of the hub's endpoint subnets, the spoke's clients' egress destination. @default - none */
  readonly endpointCidrBlocks?: readonly string[];
}

export interface EcrSpokeProps {
  /** Region of the VPC, the hub's region. */
  readonly region: string;
  /** Start of every Terraform resource name: `<prefix>-s3`, the rules' `<prefix>-<sg>-to-...`. */
  readonly namePrefix: string;
  /** The spoke VPC (`vpc-...`); needs DNS support and DNS hostnames to resolve through the hub's zones. */
  readonly vpcId: string;
  /** Route tables of the private subnets; the S3 gateway endpoint adds its route to each. */
  readonly privateRouteTableIds: readonly string[];
  /** The hub whose endpoints the spoke uses. */
  readonly hub: SpokeHub;
  /** Clients' security groups: egress on 443 to the hub's endpoint networks and S3 only. Needs `hub.endpointCidrBlocks`. @default - none */
  readonly clientSecurityGroupIds?: readonly string[];
  /** Check the VPC, the route tables and the VPC's own endpoints at plan time. @default true */
  readonly preflight?: boolean;
  /** Tags for every resource. @default - no tags */
  readonly tags?: Readonly<Record<string, string>>;
  /** Tag every resource `Name` = its resource name (`<prefix>-s3`, the rules' names). @default false */
  readonly nameTags?: boolean;
}
