import { App, TerraformIterator, TerraformResource, TerraformResourceLifecycle, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { hclLifecycle } from '../cdktf/hcl-lifecycle';
import { Acknowledgements } from '../checks/acknowledgements';
import { oneSubnetPerAz } from '../checks/rules/one-subnet-per-az';
import { privateDnsNeedsVpcDns } from '../checks/rules/private-dns-needs-vpc-dns';
import * as conditions from '../preflight/conditions';
import { LookedUp, LookedUpEach, TerraformCondition } from '../preflight/conditions';
import { InterfaceEndpoint } from './interface-endpoint';
import { Lookup } from './lookup';

export interface PreflightProps {
  /** Start of the data sources' names: `<prefix>-preflight-...`. */
  readonly namePrefix: string;
  /** The VPC to look up. */
  readonly vpcId: string;
  /** The subnets to look up. */
  readonly privateSubnetIds: readonly string[];
  /** The route tables to look up. */
  readonly privateRouteTableIds: readonly string[];
  /** Client networks expected inside the VPC (a soft check). */
  readonly allowedCidrBlocks: readonly string[];
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
 * resource. What it proves at plan time, synth no longer warns about.
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
    const subnets = this.lookUpEach('Subnets', 'aws_subnet', 'id', props.privateSubnetIds, name('subnets'));
    const routeTables = this.lookUpEach(
      'RouteTables',
      'aws_route_table',
      'route_table_id',
      props.privateRouteTableIds,
      name('route-tables'),
    );
    const services = (this.services = this.lookUpEach(
      'Services',
      'aws_vpc_endpoint_service',
      'service_name',
      props.interfaceEndpoints.map((endpoint) => endpoint.serviceName),
      name('services'),
      { service_type: 'Interface' },
    ));

    guard(props.securityGroup, [
      conditions.vpcDnsCondition(vpc),
      conditions.subnetsInVpcCondition(subnets, props.vpcId),
      conditions.distinctAzsCondition(subnets),
    ]);
    for (const endpoint of props.interfaceEndpoints) {
      const service = { address: `${services}[${JSON.stringify(endpoint.serviceName)}]`, id: endpoint.serviceName };
      guard(endpoint.resource, [conditions.serviceOfferedCondition(service, subnets)]);
    }
    guard(props.s3Gateway, [conditions.routeTablesInVpcCondition(routeTables, props.vpcId)]);

    const check = conditions.cidrsInVpcAssertion(vpc, props.allowedCidrBlocks);
    TerraformStack.of(this).addOverride(`check.${name('allowed-cidrs-in-vpc')}`, {
      assert: [{ condition: check.condition, error_message: check.errorMessage }],
    });

    for (const rule of [privateDnsNeedsVpcDns, oneSubnetPerAz]) {
      Acknowledgements.of(scope).add(rule.id, 'preflight checks it at plan time');
    }
  }

  /** One `type` data source with `for_each` over `ids`, each looked up by its `idArgument`. */
  private lookUpEach(
    id: string,
    type: string,
    idArgument: string,
    ids: readonly string[],
    name: string,
    args: Record<string, string> = {},
  ): LookedUpEach {
    const each = TerraformIterator.fromList([...ids]);
    return new Lookup(this, id, { type, args: { [idArgument]: each.value, ...args }, forEach: each, name }).address;
  }
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
