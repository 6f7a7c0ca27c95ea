import { InterfaceService } from './interface-service';
import { dnsSuffixOf } from './partition';

/**
 * The DNS names interface endpoints publish with private DNS, which a hub's private hosted zones take
 * over for its spokes (pure, from the region alone). Source, summarised in reference/aws-facts.md: ECR's
 * names from the ECR endpoints page (`api.ecr.<region>.<suffix>`, registries at
 * `<account>.dkr.ecr.<region>.<suffix>`); the partitions' DNS suffixes are in partition.ts.
 */

/** A private hosted zone standing in for an endpoint's private DNS. */
export interface PrivateDnsZone {
  /** The zone's name, e.g. `dkr.ecr.ap-northeast-1.amazonaws.com`. */
  readonly name: string;
  /** Whether the names clients use lie below the apex too (`*.dkr.ecr...`: pulls go to `<account>.dkr.ecr...`). */
  readonly wildcard: boolean;
}

/**
 * ECR's names put the API before the service (`api.ecr`, `dkr.ecr`), so they cannot be derived from the
 * short names; other services use `<short name>.<region>.<suffix>`. Preflight compares each zone with the
 * private DNS name the endpoint service reports, so a service that differs stops the plan.
 */
const ZONE_LABELS: ReadonlyMap<InterfaceService, { label: string; wildcard: boolean }> = new Map([
  [InterfaceService.ECR_API, { label: 'api.ecr', wildcard: false }],
  [InterfaceService.ECR_DKR, { label: 'dkr.ecr', wildcard: true }],
]);

/** The zone of `service` in `region`, e.g. `api.ecr.cn-north-1.amazonaws.com.cn` for ecr.api in Beijing. */
export function privateDnsZoneOf(service: InterfaceService, region: string): PrivateDnsZone {
  const { label, wildcard } = ZONE_LABELS.get(service) ?? { label: service.shortName, wildcard: false };
  return { name: `${label}.${region}.${dnsSuffixOf(region)}`, wildcard };
}

/** The private DNS name AWS would publish for the zone: its name, with `*.` in front for a wildcard. */
export function privateDnsNameOf(zone: PrivateDnsZone): string {
  return zone.wildcard ? `*.${zone.name}` : zone.name;
}
