import { App, TerraformResource, TerraformResourceLifecycle, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { hclLifecycle } from '../cdktf/hcl-lifecycle';
import type { IpAddressType } from '../addressing/ip-address-types';
import { Acknowledgements } from '../checks/acknowledgements';
import { oneSubnetPerAz } from '../checks/rules/one-subnet-per-az';
import { privateDnsNeedsVpcDns } from '../checks/rules/private-dns-needs-vpc-dns';
import * as conditions from '../preflight/conditions';
import { s3GatewayServiceName } from '../naming/service-names';
import { FixedAddress, LookedUp, LookedUpEach, TerraformCondition } from '../preflight/conditions';
import { EcrPrivateLinkProps, EndpointAddresses, endpointAddressesOf } from './ecr-private-link-props';
import { InterfaceEndpoint } from './interface-endpoint';
import { Lookup } from './lookup';

/** The construct's props (what the preflight looks up and compares), and the resources it guards. */
export interface PreflightProps extends EcrPrivateLinkProps {
  /** Guarded by the VPC's DNS attributes and the subnets' VPC and AZs. */
  readonly securityGroup: TerraformResource;
  /** Each guarded by its service being offered in the subnets' AZs. */
  readonly interfaceEndpoints: readonly InterfaceEndpoint[];
  /** Guarded by the route tables' VPC. */
  readonly s3Gateway: TerraformResource;
}

/**
 * Checks that stop `cdktf diff` before an apply would fail halfway: Terraform data sources look up the
 * VPC, the subnets, the route tables and the endpoint services (one data source each, `for_each` over
 * the IDs) at plan time, and preconditions on the given resources (plus one soft `check` block) compare
 * them with the config. Data sources and preconditions manage nothing, so adding them changes no
 * resource. What it proves at plan time, synth no longer warns about. Checks of options left at their
 * defaults are not added, so stacks without them synthesize as before.
 */
export class Preflight extends Construct {
  /** The endpoint services looked up, a map from service name to `aws_vpc_endpoint_service` (a hub checks its zones against it). */
  public readonly services: LookedUpEach;

  public constructor(scope: Construct, id: string, props: PreflightProps) {
    super(scope, id);
    const name = (suffix: string): string => `${props.namePrefix}-preflight-${suffix}`;
    const vpc: LookedUp = {
      address: new Lookup(this, 'Vpc', { type: 'aws_vpc', args: { id: props.vpcId }, name: name('vpc') }).address,
      id: props.vpcId,
    };
    const subnets = Lookup.each(this, 'Subnets', {
      type: 'aws_subnet',
      idArgument: 'id',
      ids: props.privateSubnetIds,
      name: name('subnets'),
    });
    const routeTables = Lookup.each(this, 'RouteTables', {
      type: 'aws_route_table',
      idArgument: 'route_table_id',
      ids: props.privateRouteTableIds,
      name: name('route-tables'),
    });
    const services = (this.services = Lookup.each(this, 'Services', {
      type: 'aws_vpc_endpoint_service',
      idArgument: 'service_name',
      ids: props.interfaceEndpoints.map((endpoint) => endpoint.serviceName),
      args: { service_type: 'Interface' },
      name: name('services'),
    }));

    const ipAddressType = notIpv4(props.ipAddressType);
    guard(props.securityGroup, [
      conditions.vpcDnsCondition(vpc),
      conditions.subnetsInVpcCondition(subnets, props.vpcId),
      conditions.distinctAzsCondition(subnets),
      ...(ipAddressType ? [conditions.subnetsSuitIpAddressTypeCondition(subnets, props.region, ipAddressType)] : []),
    ]);
    for (const endpoint of props.interfaceEndpoints) {
      const service = { address: `${services}[${JSON.stringify(endpoint.serviceName)}]`, id: endpoint.serviceName };
      const addresses = fixedAddresses(endpointAddressesOf(props.endpointAddresses, endpoint.service.shortName));
      guard(endpoint.resource, [
        conditions.serviceOfferedCondition(service, subnets),
        ...(ipAddressType ? [conditions.ipAddressTypeSupportedCondition(service, props.region, 'ipAddressType', ipAddressType)] : []),
        ...(addresses.length > 0 ? [conditions.endpointAddressesCondition(service, subnets, addresses)] : []),
      ]);
    }
    const s3IpAddressType = notIpv4(props.s3GatewayIpAddressType);
    guard(props.s3Gateway, [
      conditions.routeTablesInVpcCondition(routeTables, props.vpcId),
      ...(s3IpAddressType ? [this.s3GatewaySupports(props, s3IpAddressType)] : []),
    ]);

    const check = conditions.cidrsInVpcAssertion(vpc, props.allowedCidrBlocks);
    TerraformStack.of(this).addOverride(`check.${name('allowed-cidrs-in-vpc')}`, {
      assert: [{ condition: check.condition, error_message: check.errorMessage }],
    });

    for (const rule of [privateDnsNeedsVpcDns, oneSubnetPerAz]) {
      Acknowledgements.of(scope).add(rule.id, 'preflight checks it at plan time');
    }
  }

  /** The S3 gateway service (looked up on its own: the other lookup holds interface services) accepts the type. */
  private s3GatewaySupports(props: PreflightProps, ipAddressType: IpAddressType): TerraformCondition {
    const serviceName = s3GatewayServiceName(props.region);
    const lookup = new Lookup(this, 'S3GatewayService', {
      type: 'aws_vpc_endpoint_service',
      args: { service_name: serviceName, service_type: 'Gateway' },
      name: `${props.namePrefix}-preflight-s3-gateway-service`,
    });
    return conditions.ipAddressTypeSupportedCondition(
      { address: lookup.address, id: `${serviceName} (gateway)` },
      props.region,
      's3GatewayIpAddressType',
      ipAddressType,
    );
  }
}

/** The type when it needs checking: ipv4 is AWS's default, which every subnet with an IPv4 block and every service take. */
function notIpv4(ipAddressType: IpAddressType | undefined): IpAddressType | undefined {
  return ipAddressType === 'ipv4' ? undefined : ipAddressType;
}

/** An endpoint's fixed addresses, one per subnet and IP version. */
function fixedAddresses(bySubnet: EndpointAddresses[string] | undefined): FixedAddress[] {
  return Object.entries(bySubnet ?? {}).flatMap(([subnetId, address]) =>
    (['ipv4', 'ipv6'] as const).flatMap((version) => {
      const value = address[version];
      return value === undefined ? [] : [{ subnetId, version, address: value }];
    }),
  );
}

/** Each guarded resource's lifecycle as the JSON synthesis takes it (under `--hcl` its `lifecycle` holds the HCL shape). */
const plainLifecycles = new WeakMap<TerraformResource, TerraformResourceLifecycle>();

/** Adds plan-time checks to a resource's `lifecycle.precondition`. */
export function guard(resource: TerraformResource, preconditions: readonly TerraformCondition[]): void {
  const plain = plainLifecycles.get(resource) ?? resource.lifecycle;
  const lifecycle = { ...plain, precondition: [...(plain?.precondition ?? []), ...preconditions] };
  plainLifecycles.set(resource, lifecycle);
  resource.lifecycle = App.of(resource).hclOutput ? hclLifecycle(lifecycle) : lifecycle;
}
