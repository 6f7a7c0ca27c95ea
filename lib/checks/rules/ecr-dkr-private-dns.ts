import { InterfaceService } from '../../naming/interface-service';
import { privateDnsZoneOf } from '../../naming/private-dns-zones';
import { CheckRule, listArgument } from '../check-rule';
import { isService, SynthesizedResource, vpcEndpoints } from '../stack-resources';

/**
 * `ecr.dkr` must have private DNS: Docker clients reach the registry by its public hostname. A hub turns
 * private DNS off and stands in for it: its zone `dkr.ecr.<region>.<suffix>`, in the endpoint's VPC, has
 * the wildcard alias record to the endpoint that registries (`<account>.dkr.ecr...`) resolve through.
 */
export const ecrDkrPrivateDns: CheckRule = {
  id: 'EcrDkrPrivateDns',
  level: 'error',
  check: (resources) =>
    vpcEndpoints(resources, 'Interface')
      .filter((endpoint) => isService(endpoint, 'ecr.dkr') && endpoint.args.private_dns_enabled !== true)
      .filter((endpoint) => !hubZoneCovers(endpoint, resources))
      .map((endpoint) => ({
        construct: endpoint.construct,
        message:
          `aws_vpc_endpoint.${endpoint.name} (ecr.dkr) needs private_dns_enabled = true, or, in a hub, a private hosted zone ` +
          `${zoneNameOf(endpoint) ?? 'dkr.ecr.<region>.<dns suffix>'} in its VPC with a wildcard alias record to it: image pulls use the registry's ` +
          'public hostname, and the provider sends false when it is unset',
      })),
};

/** `dkr.ecr.<region>.<suffix>` for an endpoint of `<prefix>.<region>.ecr.dkr`. */
function zoneNameOf(endpoint: SynthesizedResource): string | undefined {
  const parts = String(endpoint.args.service_name).split('.');
  return parts.length >= 5 ? privateDnsZoneOf(InterfaceService.ECR_DKR, parts[parts.length - 3]).name : undefined;
}

function hubZoneCovers(endpoint: SynthesizedResource, resources: readonly SynthesizedResource[]): boolean {
  const zoneName = zoneNameOf(endpoint);
  const zones = resources.filter(
    (r) =>
      r.type === 'aws_route53_zone' &&
      r.args.name === zoneName &&
      listArgument(r.args.vpc).some((vpc) => (vpc as { vpc_id?: unknown }).vpc_id === endpoint.args.vpc_id),
  );
  const references = (value: unknown, address: string): boolean => typeof value === 'string' && value.includes(`${address}.`);
  return resources.some(
    (record) =>
      record.type === 'aws_route53_record' &&
      record.args.name === `*.${zoneName}` &&
      zones.some((zone) => references(record.args.zone_id, `aws_route53_zone.${zone.name}`)) &&
      listArgument([record.args.alias].flat()).some((alias) =>
        references((alias as { name?: unknown }).name, `aws_vpc_endpoint.${endpoint.name}`),
      ),
  );
}
