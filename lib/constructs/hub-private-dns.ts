import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Route53VpcAssociationAuthorization } from '@cdktf/provider-aws/lib/route53-vpc-association-authorization';
import { Route53Zone } from '@cdktf/provider-aws/lib/route53-zone';
import { Route53ZoneAssociation } from '@cdktf/provider-aws/lib/route53-zone-association';
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import {
  aliasRecordResourceName,
  associationAuthorizationResourceName,
  privateZoneResourceName,
  zoneAssociationResourceName,
} from '../naming/hub-resource-names';
import { InterfaceService } from '../naming/interface-service';
import { PrivateDnsZone, privateDnsNameOf, privateDnsZoneOf } from '../naming/private-dns-zones';
import { LookedUpEach } from '../preflight/conditions';
import { zoneMatchesPrivateDnsNameCondition } from '../preflight/hub-conditions';
import type { EcrPrivateLinkProps } from './ecr-private-link-props';
import { HubSpoke } from './hub-props';
import { HubSpokes } from './hub-spokes';
import { InterfaceEndpoint } from './interface-endpoint';
import { guard } from './preflight';
import { tagsNamed } from './tags';

/** The hub's props (its region names the zones, which are created in its VPC), and what they serve. */
export interface HubPrivateDnsProps extends Pick<EcrPrivateLinkProps, 'region' | 'namePrefix' | 'vpcId' | 'tags' | 'nameTags'> {
  /** The hub's interface endpoints (private DNS off): one zone each. */
  readonly endpoints: readonly InterfaceEndpoint[];
  /** The spokes, and the providers acting in their accounts. */
  readonly spokes: HubSpokes;
  /** Preflight's `aws_vpc_endpoint_service` lookups: each zone checks its name against them. @default - no check */
  readonly serviceLookups?: LookedUpEach;
}

/** One service's zone in the hub. */
export interface HubZone {
  readonly service: InterfaceService;
  /** Its name, and whether it has the wildcard record. */
  readonly name: PrivateDnsZone;
  /** The `aws_route53_zone` resource. */
  readonly resource: Route53Zone;
}

/**
 * What private DNS would do for one VPC, done for many: a Route 53 private hosted zone per interface
 * service, named as the service's private DNS name, with alias records to the hub's endpoint (the apex,
 * and `*.` where clients use names below it, as ECR's registries `<account>.dkr.ecr...`), created in the
 * hub's VPC and associated with each spoke's. A spoke of another account takes two steps, because Route 53
 * needs both accounts: the hub's account authorizes the VPC, and the spoke's account (through the spoke's
 * provider) associates it.
 */
export class HubPrivateDns extends Construct {
  /** The zones, in the order of the endpoints. */
  public readonly zones: readonly HubZone[];

  public constructor(scope: Construct, id: string, props: HubPrivateDnsProps) {
    super(scope, id);
    this.zones = props.endpoints.map((endpoint) => this.zoneFor(endpoint, props));
  }

  private zoneFor(endpoint: InterfaceEndpoint, props: HubPrivateDnsProps): HubZone {
    const { service } = endpoint;
    const name = privateDnsZoneOf(service, props.region);
    const zoneName = privateZoneResourceName(props.namePrefix, service.shortName);
    const zone = named(
      new Route53Zone(this, `${service.shortName}-zone`, {
        name: name.name,
        comment: `Private DNS of ${endpoint.serviceName} through the hub's endpoint, for the hub's and its spokes' VPCs`,
        vpc: [{ vpcId: props.vpcId }],
        tags: tagsNamed(props.tags, zoneName, props.nameTags),
        // Spokes are associated by their own resources; the inline block holds only the hub's VPC.
        lifecycle: { ignoreChanges: ['vpc'] },
      }),
      zoneName,
    );
    if (props.serviceLookups) {
      const lookedUp = { address: `${props.serviceLookups}[${JSON.stringify(endpoint.serviceName)}]`, id: endpoint.serviceName };
      guard(zone, [zoneMatchesPrivateDnsNameCondition(lookedUp, privateDnsNameOf(name))]);
    }
    const alias = { name: endpoint.resource.dnsEntry.get(0).dnsName, zoneId: endpoint.resource.dnsEntry.get(0).hostedZoneId };
    for (const which of name.wildcard ? (['apex', 'wildcard'] as const) : (['apex'] as const)) {
      named(
        new Route53Record(this, `${service.shortName}-${which}`, {
          zoneId: zone.zoneId,
          name: which === 'apex' ? name.name : `*.${name.name}`,
          type: 'A',
          alias: { ...alias, evaluateTargetHealth: false },
        }),
        aliasRecordResourceName(props.namePrefix, service.shortName, which),
      );
    }
    for (const spoke of props.spokes.spokes) {
      this.associate(zone, service, spoke, props);
    }
    return { service, name, resource: zone };
  }

  private associate(zone: Route53Zone, service: InterfaceService, spoke: HubSpoke, props: HubPrivateDnsProps): void {
    const id = `${service.shortName}-${spoke.vpcId}`;
    const provider = props.spokes.providerOf(spoke);
    const authorization =
      provider &&
      named(
        new Route53VpcAssociationAuthorization(this, `${id}-authorization`, {
          zoneId: zone.zoneId,
          vpcId: spoke.vpcId,
          vpcRegion: props.region,
        }),
        associationAuthorizationResourceName(props.namePrefix, service.shortName, spoke.vpcId),
      );
    named(
      new Route53ZoneAssociation(this, id, {
        provider,
        zoneId: authorization?.zoneId ?? zone.zoneId,
        vpcId: authorization?.vpcId ?? spoke.vpcId,
        vpcRegion: props.region,
      }),
      zoneAssociationResourceName(props.namePrefix, service.shortName, spoke.vpcId),
    );
  }
}

function named<T extends TerraformResource>(resource: T, name: string): T {
  resource.overrideLogicalId(name);
  return resource;
}
