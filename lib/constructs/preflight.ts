import { DataAwsRouteTable } from '@cdktf/provider-aws/lib/data-aws-route-table';
import { DataAwsSubnet } from '@cdktf/provider-aws/lib/data-aws-subnet';
import { DataAwsVpc } from '@cdktf/provider-aws/lib/data-aws-vpc';
import { DataAwsVpcEndpointService } from '@cdktf/provider-aws/lib/data-aws-vpc-endpoint-service';
import { TerraformDataSource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import * as conditions from '../preflight/conditions';
import { LookedUp, TerraformCondition } from '../preflight/conditions';

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
 * VPC, subnets, route tables and endpoint services at plan time, and preconditions on the resources
 * (plus one soft `check` block) compare them with the config. Data sources and preconditions manage
 * nothing, so adding them changes no resource.
 */
export class Preflight extends Construct {
  private readonly vpc: LookedUp;
  private readonly subnets: readonly LookedUp[];
  private readonly routeTables: readonly LookedUp[];
  private readonly services = new Map<string, LookedUp>();

  public constructor(scope: Construct, id: string, private readonly props: PreflightProps) {
    super(scope, id);
    const name = (suffix: string): string => `${props.namePrefix}-preflight-${suffix}`;
    this.vpc = this.lookUp(new DataAwsVpc(this, 'Vpc', { id: props.vpcId }), name('vpc'), props.vpcId);
    this.subnets = props.privateSubnetIds.map((subnetId) =>
      this.lookUp(new DataAwsSubnet(this, subnetId, { id: subnetId }), name(subnetId), subnetId),
    );
    this.routeTables = props.privateRouteTableIds.map((tableId) =>
      this.lookUp(new DataAwsRouteTable(this, tableId, { routeTableId: tableId }), name(tableId), tableId),
    );
    for (const serviceName of props.interfaceServiceNames) {
      const shortName = serviceName.split('.').slice(3).join('-');
      const service = new DataAwsVpcEndpointService(this, serviceName, { serviceName, serviceType: 'Interface' });
      this.services.set(serviceName, this.lookUp(service, name(shortName), serviceName));
    }

    const check = conditions.cidrsInVpcAssertion(this.vpc, props.allowedCidrBlocks);
    TerraformStack.of(this).addOverride(`check.${name('allowed-cidrs-in-vpc')}`, {
      assert: [{ condition: check.condition, error_message: check.errorMessage }],
    });
  }

  /** For the endpoints' security group: the VPC's DNS attributes, and the subnets' VPC and AZs. */
  public get sharedPreconditions(): Preconditions {
    return [
      conditions.vpcDnsCondition(this.vpc),
      ...this.subnets.map((subnet) => conditions.subnetInVpcCondition(subnet, this.props.vpcId)),
      conditions.distinctAzsCondition(this.subnets),
    ];
  }

  /** For an interface endpoint: every subnet is in an AZ its service is offered in. */
  public interfaceEndpointPreconditions(serviceName: string): Preconditions {
    const service = this.services.get(serviceName);
    if (!service) {
      throw new Error(`Preflight has no lookup for ${serviceName}; pass it in interfaceServiceNames`);
    }
    return this.subnets.map((subnet) => conditions.serviceOfferedCondition(service, subnet));
  }

  /** For the S3 gateway endpoint: every route table is in the VPC. */
  public get s3GatewayPreconditions(): Preconditions {
    return this.routeTables.map((table) => conditions.routeTableInVpcCondition(table, this.props.vpcId));
  }

  private lookUp(dataSource: TerraformDataSource, logicalId: string, id: string): LookedUp {
    dataSource.overrideLogicalId(logicalId);
    return { address: `data.${dataSource.terraformResourceType}.${logicalId}`, id };
  }
}
