import { TerraformIterator, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import * as conditions from '../preflight/conditions';
import { LookedUp, LookedUpEach, TerraformCondition } from '../preflight/conditions';
import { Lookup } from './lookup';

export interface PreflightProps {
  /** Start of the data sources' names: `<prefix>-preflight-...`. */
  readonly namePrefix: string;
  readonly vpcId: string;
  readonly privateSubnetIds: readonly string[];
  readonly privateRouteTableIds: readonly string[];
  readonly allowedCidrBlocks: readonly string[];
  /** Full endpoint service names of the interface endpoints, e.g. `com.amazonaws.ap-northeast-1.ecr.dkr`. */
  readonly interfaceServiceNames: readonly string[];
}

/** Preconditions for a resource's `lifecycle.precondition`. */
export type Preconditions = readonly TerraformCondition[];

/**
 * Checks that stop `cdktf diff` before an apply would fail halfway: Terraform data sources look up the
 * VPC, the subnets, the route tables and the endpoint services (one data source each, `for_each` over
 * the IDs) at plan time, and preconditions on the resources (plus one soft `check` block) compare them
 * with the config. Data sources and preconditions manage nothing, so adding them changes no resource.
 */
export class Preflight extends Construct {
  private readonly vpc: LookedUp;
  private readonly subnets: LookedUpEach;
  private readonly routeTables: LookedUpEach;
  private readonly services: LookedUpEach;

  public constructor(scope: Construct, id: string, private readonly props: PreflightProps) {
    super(scope, id);
    const name = (suffix: string): string => `${props.namePrefix}-preflight-${suffix}`;
    this.vpc = {
      address: new Lookup(this, 'Vpc', { type: 'aws_vpc', args: { id: props.vpcId }, name: name('vpc') }).address,
      id: props.vpcId,
    };
    this.subnets = this.lookUpEach('Subnets', 'aws_subnet', 'id', props.privateSubnetIds, name('subnets'));
    this.routeTables = this.lookUpEach('RouteTables', 'aws_route_table', 'route_table_id', props.privateRouteTableIds, name('route-tables'));
    this.services = this.lookUpEach('Services', 'aws_vpc_endpoint_service', 'service_name', props.interfaceServiceNames, name('services'), {
      service_type: 'Interface',
    });

    const check = conditions.cidrsInVpcAssertion(this.vpc, props.allowedCidrBlocks);
    TerraformStack.of(this).addOverride(`check.${name('allowed-cidrs-in-vpc')}`, {
      assert: [{ condition: check.condition, error_message: check.errorMessage }],
    });
  }

  /** For the endpoints' security group: the VPC's DNS attributes, and the subnets' VPC and AZs. */
  public get sharedPreconditions(): Preconditions {
    return [
      conditions.vpcDnsCondition(this.vpc),
      conditions.subnetsInVpcCondition(this.subnets, this.props.vpcId),
      conditions.distinctAzsCondition(this.subnets),
    ];
  }

  /** For an interface endpoint: every subnet is in an AZ its service is offered in. */
  public interfaceEndpointPreconditions(serviceName: string): Preconditions {
    if (!this.props.interfaceServiceNames.includes(serviceName)) {
      throw new Error(`Preflight has no lookup for ${serviceName}; pass it in interfaceServiceNames`);
    }
    const service = { address: `${this.services}[${JSON.stringify(serviceName)}]`, id: serviceName };
    return [conditions.serviceOfferedCondition(service, this.subnets)];
  }

  /** For the S3 gateway endpoint: every route table is in the VPC. */
  public get s3GatewayPreconditions(): Preconditions {
    return [conditions.routeTablesInVpcCondition(this.routeTables, this.props.vpcId)];
  }

  /** One `type` data source with `for_each` over `ids`, each looked up by its `idArgument`. */
  private lookUpEach(id: string, type: string, idArgument: string, ids: readonly string[], name: string, args: Record<string, string> = {}): LookedUpEach {
    const each = TerraformIterator.fromList([...ids]);
    return new Lookup(this, id, { type, args: { [idArgument]: each.value, ...args }, forEach: each, name }).address;
  }
}
