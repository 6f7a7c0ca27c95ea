import { ref, TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { routeTablesInVpcCondition } from '../preflight/conditions';
import { noConflictingPrivateDnsCondition, spokeVpcDnsCondition } from '../preflight/hub-conditions';
import type { EcrSpokeProps } from './ecr-spoke-props';
import { Lookup } from './lookup';
import { guard } from './preflight';

/** The spoke's props (its `namePrefix` starts the data sources' names: `<prefix>-preflight-...`), and what to check. */
export interface SpokePreflightProps extends Pick<EcrSpokeProps, 'namePrefix' | 'vpcId' | 'privateRouteTableIds'> {
  /** The hub's stack name, for messages. */
  readonly hubName: string;
  /** The endpoint service names of the hub's interface endpoints, e.g. `com.amazonaws.ap-northeast-1.ecr.dkr`. */
  readonly hubServiceNames: readonly string[];
  /** Guarded by all checks: the only resource a spoke always has. */
  readonly s3Gateway: TerraformResource;
}

/**
 * A spoke's plan-time checks, on its S3 gateway: the VPC resolves through private hosted zones (DNS
 * support and hostnames), the route tables are the VPC's, and the VPC has no interface endpoint with
 * private DNS for a hub service, which would make Route 53 refuse the hub's zone.
 *
 * The provider has no data source listing a VPC's endpoints, so they are found through their network
 * interfaces: those in the VPC whose descriptions name an endpoint (`VPC Endpoint Interface vpce-...`),
 * each endpoint then read by its ID.
 */
export class SpokePreflight extends Construct {
  public constructor(scope: Construct, id: string, props: SpokePreflightProps) {
    super(scope, id);
    const name = (suffix: string): string => `${props.namePrefix}-preflight-${suffix}`;
    const vpc = new Lookup(this, 'Vpc', { type: 'aws_vpc', args: { id: props.vpcId }, name: name('vpc') });
    const routeTables = Lookup.each(this, 'RouteTables', {
      type: 'aws_route_table',
      idArgument: 'route_table_id',
      ids: props.privateRouteTableIds,
      name: name('route-tables'),
    });
    const interfaces = new Lookup(this, 'EndpointInterfaces', {
      type: 'aws_network_interfaces',
      args: {
        filter: [
          { name: 'vpc-id', values: [props.vpcId] },
          // Not interface-type: some endpoints' interfaces report type "interface", with the same description.
          { name: 'description', values: ['VPC Endpoint Interface*'] },
        ],
      },
      name: name('endpoint-interfaces'),
    });
    const eachInterface = Lookup.each(this, 'EndpointInterface', {
      type: 'aws_network_interface',
      idArgument: 'id',
      ids: Token.asList(ref(`${interfaces.address}.ids`)),
      name: name('endpoint-interface'),
    });
    const endpointIds = Token.asList(ref(`flatten([for eni in ${eachInterface} : regexall("vpce-[0-9a-f]+", eni.description)])`));
    const endpoints = Lookup.each(this, 'Endpoints', {
      type: 'aws_vpc_endpoint',
      idArgument: 'id',
      ids: endpointIds,
      name: name('endpoints'),
    });

    guard(props.s3Gateway, [
      spokeVpcDnsCondition({ address: vpc.address, id: props.vpcId }, props.hubName),
      routeTablesInVpcCondition(routeTables, props.vpcId),
      noConflictingPrivateDnsCondition(endpoints, props.vpcId, props.hubName, props.hubServiceNames),
    ]);
  }
}
