/** The props of EcrSpoke (types only, so that validation and the construct can both import them). */
import type { InterfaceService } from '../naming/interface-service';
import type { EcrPrivateLinkProps } from './ecr-private-link-props';

/** What a spoke knows of its hub, resolved from the config (no cross-stack reference). */
export interface SpokeHub {
  /** The hub's stack name, for messages. */
  readonly name: string;
  /** The hub's interface services, whose names the spoke resolves through the hub's zones. */
  readonly services: readonly InterfaceService[];
  /** The networks of the hub's endpoint subnets, the spoke's clients' egress destination. @default - none */
  readonly endpointCidrBlocks?: readonly string[];
}

/** A spoke's props; `region` is the hub's, and its route tables get the spoke's own S3 gateway. */
export interface EcrSpokeProps extends Pick<EcrPrivateLinkProps, 'region' | 'privateRouteTableIds' | 'tags' | 'nameTags'> {
  /** Start of every Terraform resource name: `<prefix>-s3`, the rules' `<prefix>-<sg>-to-...`. */
  readonly namePrefix: string;
  /** The spoke VPC (`vpc-...`); needs DNS support and DNS hostnames to resolve through the hub's zones. */
  readonly vpcId: string;
  /** The hub whose endpoints the spoke uses. */
  readonly hub: SpokeHub;
  /** Clients' security groups: egress on 443 to the hub's endpoint networks and S3 only. Needs `hub.endpointCidrBlocks`. @default - none */
  readonly clientSecurityGroupIds?: readonly string[];
  /** Check the VPC, the route tables and the VPC's own endpoints at plan time. @default true */
  readonly preflight?: boolean;
}
