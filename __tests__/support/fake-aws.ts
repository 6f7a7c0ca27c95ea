import { createHash, randomUUID } from 'crypto';
import { createServer, ServerResponse } from 'http';
import { AddressInfo } from 'net';

/**
 * A fake of the few AWS APIs our preflight data sources read, on loopback. Terraform reads data sources
 * during every plan, even with `-refresh=false`, and AWS is unreachable here, so the plan tests need
 * something to answer them. The AWS provider stays configured exactly as shipped (no skip_* flags, no
 * endpoints block): only the AWS_ENDPOINT_URL_EC2 and AWS_ENDPOINT_URL_STS environment variables point
 * it here. The answers are built from a `FakeAwsWorld` (plain data) in the EC2/STS query-API XML shapes,
 * filters and IDs are honoured, unknown IDs fail with AWS's error codes, and an action without a handler
 * fails loudly with `UnsupportedOperation` naming it. `requests` lists the actions received; FAKE_AWS_LOG=1
 * prints every request to stderr.
 */

export interface FakeVpc {
  id: string;
  /** The primary CIDR block first, then any secondary ones. */
  cidrBlocks: string[];
  enableDnsSupport: boolean;
  enableDnsHostnames: boolean;
}

export interface FakeSubnet {
  id: string;
  vpcId: string;
  cidrBlock: string;
  /** e.g. `ap-northeast-1a`; the AZ ID (`apne1-az1`) is derived from it. */
  availabilityZone: string;
}

export interface FakeRouteTable {
  id: string;
  vpcId: string;
  /** The VPC's main route table (what `aws_vpc` reports as `main_route_table_id`). */
  main?: boolean;
}

export interface FakeEndpointService {
  serviceName: string;
  type: 'Interface' | 'Gateway';
  availabilityZones: string[];
}

/** Everything the fake knows: one account in one region. */
export interface FakeAwsWorld {
  accountId: string;
  region: string;
  vpcs: FakeVpc[];
  subnets: FakeSubnet[];
  routeTables: FakeRouteTable[];
  endpointServices: FakeEndpointService[];
}

export interface FakeAws {
  /** For AWS_ENDPOINT_URL_EC2 and AWS_ENDPOINT_URL_STS. */
  readonly url: string;
  /** Action names in the order received, e.g. `['GetCallerIdentity', 'DescribeVpcs', ...]`. */
  readonly requests: string[];
  close(): Promise<void>;
}

const EXAMPLE_AZS = ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'];

/** The account behind config/example.json and the state fixture. Frozen: derive variants with `withWorld`. */
export const EXAMPLE_WORLD: FakeAwsWorld = deepFreeze({
  accountId: '123456789012',
  region: 'ap-northeast-1',
  vpcs: [{ id: 'vpc-0a1b2c3d4e5f60718', cidrBlocks: ['10.0.0.0/16'], enableDnsSupport: true, enableDnsHostnames: true }],
  subnets: [
    { id: 'subnet-0a1b2c3d4e5f60001', vpcId: 'vpc-0a1b2c3d4e5f60718', cidrBlock: '10.0.0.0/24', availabilityZone: 'ap-northeast-1a' },
    { id: 'subnet-0a1b2c3d4e5f60002', vpcId: 'vpc-0a1b2c3d4e5f60718', cidrBlock: '10.0.1.0/24', availabilityZone: 'ap-northeast-1c' },
  ],
  routeTables: [
    { id: 'rtb-0a1b2c3d4e5f6000a', vpcId: 'vpc-0a1b2c3d4e5f60718', main: true },
    { id: 'rtb-0a1b2c3d4e5f60003', vpcId: 'vpc-0a1b2c3d4e5f60718' },
  ],
  endpointServices: [
    ...[
      'ecr.api', 'ecr.dkr', 'logs', 'sts', 'ec2', 'elasticloadbalancing', 'xray', 'ecs', 'ecs-agent', 'ecs-telemetry',
      'secretsmanager', 'ssm', 's3',
    ].map((service): FakeEndpointService => ({
      serviceName: `com.amazonaws.ap-northeast-1.${service}`,
      type: 'Interface',
      availabilityZones: [...EXAMPLE_AZS],
    })),
    // AWS lists S3 twice: as a Gateway service and as an Interface service, under the same name.
    { serviceName: 'com.amazonaws.ap-northeast-1.s3', type: 'Gateway', availabilityZones: [...EXAMPLE_AZS] },
  ],
});

/**
 * A copy of `base` changed by `edit`, which may mutate the copy freely; `base` is untouched. E.g.
 * `withWorld(EXAMPLE_WORLD, (w) => { w.vpcs[0].enableDnsHostnames = false; })`.
 */
export function withWorld(base: FakeAwsWorld, edit: (world: FakeAwsWorld) => void): FakeAwsWorld {
  const world = structuredClone(base);
  edit(world);
  return world;
}

export async function startFakeAws(world: FakeAwsWorld = EXAMPLE_WORLD): Promise<FakeAws> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const params = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const action = params.get('Action') ?? '(no Action)';
      requests.push(action);
      if (process.env.FAKE_AWS_LOG) {
        process.stderr.write(`fake-aws: ${params.toString()}\n`);
      }
      let reply: Reply;
      try {
        reply = answer(world, action, params);
      } catch (error) {
        reply = ec2Error(500, 'InternalError', `fake-aws: ${action} threw: ${String(error)}`);
      }
      send(response, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---- dispatch ----

interface Reply {
  readonly status: number;
  readonly xml: string;
}

type Handler = (world: FakeAwsWorld, params: URLSearchParams) => Reply;

const HANDLERS: Record<string, Handler> = {
  GetCallerIdentity: getCallerIdentity,
  DescribeVpcs: describeVpcs,
  DescribeVpcAttribute: describeVpcAttribute,
  DescribeSubnets: describeSubnets,
  DescribeRouteTables: describeRouteTables,
  DescribeVpcEndpointServices: describeVpcEndpointServices,
  DescribeAvailabilityZones: describeAvailabilityZones,
};

function answer(world: FakeAwsWorld, action: string, params: URLSearchParams): Reply {
  const handler = HANDLERS[action];
  if (handler) {
    return handler(world, params);
  }
  const message = `fake-aws has no handler for ${action}; add one to __tests__/support/fake-aws.ts`;
  return params.get('Version') === STS_VERSION
    ? stsError(400, 'UnsupportedOperation', message)
    : ec2Error(400, 'UnsupportedOperation', message);
}

// ---- STS ----

const STS_VERSION = '2011-06-15';

function getCallerIdentity(world: FakeAwsWorld): Reply {
  const result = {
    Arn: `arn:${partition(world.region)}:iam::${world.accountId}:user/fake-aws`,
    UserId: 'AIDAFAKEAWSOFFLINE',
    Account: world.accountId,
  };
  return {
    status: 200,
    xml:
      `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/${STS_VERSION}/">` +
      `<GetCallerIdentityResult>${toXml(result)}</GetCallerIdentityResult>` +
      `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
  };
}

function stsError(status: number, code: string, message: string): Reply {
  return {
    status,
    xml:
      `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/${STS_VERSION}/">` +
      `<Error><Type>Sender</Type><Code>${escape(code)}</Code><Message>${escape(message)}</Message></Error>` +
      `<RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  };
}

// ---- EC2 ----

function describeVpcs(world: FakeAwsWorld, params: URLSearchParams): Reply {
  return describeItems(params, 'DescribeVpcs', 'vpcSet', {
    items: world.vpcs,
    ids: { param: 'VpcId', of: (vpc) => vpc.id, notFound: ['InvalidVpcID.NotFound', 'vpc ID'] },
    filters: {
      'vpc-id': (vpc) => [vpc.id],
      'cidr': (vpc) => [vpc.cidrBlocks[0]],
      'cidr-block-association.cidr-block': (vpc) => vpc.cidrBlocks,
      'dhcp-options-id': () => [dhcpOptionsId(world)],
      'isDefault': () => ['false'],
      'is-default': () => ['false'],
      'owner-id': () => [world.accountId],
      'state': () => ['available'],
    },
    toXml: (vpc) => ({
      vpcId: vpc.id,
      ownerId: world.accountId,
      state: 'available',
      cidrBlock: vpc.cidrBlocks[0],
      cidrBlockAssociationSet: vpc.cidrBlocks.map((cidrBlock) => ({
        cidrBlock,
        associationId: fakeId('vpc-cidr-assoc', vpc.id, cidrBlock),
        cidrBlockState: { state: 'associated' },
      })),
      ipv6CidrBlockAssociationSet: [],
      dhcpOptionsId: dhcpOptionsId(world),
      instanceTenancy: 'default',
      isDefault: false,
      tagSet: [],
      blockPublicAccessStates: { internetGatewayBlockMode: 'off' },
    }),
  });
}

function describeVpcAttribute(world: FakeAwsWorld, params: URLSearchParams): Reply {
  const vpcId = params.get('VpcId') ?? '';
  const attribute = params.get('Attribute') ?? '';
  const vpc = world.vpcs.find((candidate) => candidate.id === vpcId);
  if (!vpc) {
    return ec2Error(400, 'InvalidVpcID.NotFound', `The vpc ID '${vpcId}' does not exist`);
  }
  const values: Record<string, boolean> = {
    enableDnsSupport: vpc.enableDnsSupport,
    enableDnsHostnames: vpc.enableDnsHostnames,
    enableNetworkAddressUsageMetrics: false,
  };
  if (!(attribute in values)) {
    return ec2Error(400, 'InvalidParameterValue', `Value (${attribute}) for parameter attribute is invalid. Unknown attribute.`);
  }
  return ec2Ok('DescribeVpcAttribute', { vpcId, [attribute]: { value: values[attribute] } });
}

function describeSubnets(world: FakeAwsWorld, params: URLSearchParams): Reply {
  return describeItems(params, 'DescribeSubnets', 'subnetSet', {
    items: world.subnets,
    ids: { param: 'SubnetId', of: (subnet) => subnet.id, notFound: ['InvalidSubnetID.NotFound', 'subnet ID'] },
    filters: {
      'subnet-id': (subnet) => [subnet.id],
      'vpc-id': (subnet) => [subnet.vpcId],
      'cidr-block': (subnet) => [subnet.cidrBlock],
      'cidrBlock': (subnet) => [subnet.cidrBlock],
      'cidr': (subnet) => [subnet.cidrBlock],
      'availability-zone': (subnet) => [subnet.availabilityZone],
      'availabilityZone': (subnet) => [subnet.availabilityZone],
      'availability-zone-id': (subnet) => [availabilityZoneId(subnet.availabilityZone)],
      'default-for-az': () => ['false'],
      'defaultForAz': () => ['false'],
      'owner-id': () => [world.accountId],
      'state': () => ['available'],
    },
    toXml: (subnet) => ({
      subnetId: subnet.id,
      subnetArn: `arn:${partition(world.region)}:ec2:${world.region}:${world.accountId}:subnet/${subnet.id}`,
      state: 'available',
      vpcId: subnet.vpcId,
      ownerId: world.accountId,
      cidrBlock: subnet.cidrBlock,
      ipv6CidrBlockAssociationSet: [],
      availableIpAddressCount: Math.max(0, 2 ** (32 - Number(subnet.cidrBlock.split('/')[1])) - 5),
      availabilityZone: subnet.availabilityZone,
      availabilityZoneId: availabilityZoneId(subnet.availabilityZone),
      defaultForAz: false,
      mapPublicIpOnLaunch: false,
      mapCustomerOwnedIpOnLaunch: false,
      assignIpv6AddressOnCreation: false,
      enableDns64: false,
      ipv6Native: false,
      privateDnsNameOptionsOnLaunch: {
        hostnameType: 'ip-name',
        enableResourceNameDnsARecord: false,
        enableResourceNameDnsAAAARecord: false,
      },
      tagSet: [],
      blockPublicAccessStates: { internetGatewayBlockMode: 'off' },
    }),
  });
}

function describeRouteTables(world: FakeAwsWorld, params: URLSearchParams): Reply {
  const mainAssociationId = (table: FakeRouteTable): string => fakeId('rtbassoc', table.id);
  return describeItems(params, 'DescribeRouteTables', 'routeTableSet', {
    items: world.routeTables,
    ids: { param: 'RouteTableId', of: (table) => table.id, notFound: ['InvalidRouteTableID.NotFound', 'routeTable ID'] },
    filters: {
      'route-table-id': (table) => [table.id],
      'vpc-id': (table) => [table.vpcId],
      'owner-id': () => [world.accountId],
      'association.main': (table) => (table.main ? ['true'] : []),
      'association.route-table-association-id': (table) => (table.main ? [mainAssociationId(table)] : []),
      'association.route-table-id': (table) => (table.main ? [table.id] : []),
      // The world holds no explicit subnet or gateway associations.
      'association.subnet-id': () => [],
      'association.gateway-id': () => [],
    },
    toXml: (table) => ({
      routeTableId: table.id,
      vpcId: table.vpcId,
      ownerId: world.accountId,
      routeSet: (world.vpcs.find((vpc) => vpc.id === table.vpcId)?.cidrBlocks ?? []).map((cidr) => ({
        destinationCidrBlock: cidr,
        gatewayId: 'local',
        state: 'active',
        origin: 'CreateRouteTable',
      })),
      associationSet: table.main
        ? [{ routeTableAssociationId: mainAssociationId(table), routeTableId: table.id, main: true, associationState: { state: 'associated' } }]
        : [],
      propagatingVgwSet: [],
      tagSet: [],
    }),
  });
}

function describeVpcEndpointServices(world: FakeAwsWorld, params: URLSearchParams): Reply {
  const names = listParam(params, 'ServiceName');
  const unknown = names.filter((name) => !world.endpointServices.some((service) => service.serviceName === name));
  if (unknown.length > 0) {
    return ec2Error(400, 'InvalidServiceName', `The Vpc Endpoint Service '${unknown[0]}' does not exist`);
  }
  const matched = applyFilters(
    world.endpointServices.filter((service) => names.length === 0 || names.includes(service.serviceName)),
    filterParams(params),
    {
      'service-name': (service) => [service.serviceName],
      'service-type': (service) => [service.type],
      'owner': () => ['amazon'],
      'service-region': () => [world.region],
      'supported-ip-address-types': () => ['ipv4'],
    },
  );
  if ('error' in matched) {
    return matched.error;
  }
  return ec2Ok('DescribeVpcEndpointServices', {
    serviceNameSet: [...new Set(matched.items.map((service) => service.serviceName))],
    serviceDetailSet: matched.items.map((service) => endpointServiceXml(world, service)),
  });
}

function endpointServiceXml(world: FakeAwsWorld, service: FakeEndpointService): object {
  // com.amazonaws.<region>.ecr.dkr -> dkr.ecr, as in dkr.ecr.<region>.vpce.amazonaws.com
  const shortName = service.serviceName.split('.').slice(3).reverse().join('.');
  const privateDnsName = service.serviceName.endsWith('.ecr.dkr') || service.serviceName.endsWith('.s3')
    ? `*.${shortName}.${world.region}.amazonaws.com`
    : `${shortName}.${world.region}.amazonaws.com`;
  const isInterface = service.type === 'Interface';
  return {
    serviceName: service.serviceName,
    serviceId: fakeId('vpce-svc', service.serviceName, service.type),
    serviceType: [{ serviceType: service.type }],
    serviceRegion: world.region,
    availabilityZoneSet: service.availabilityZones,
    owner: 'amazon',
    baseEndpointDnsNameSet: [isInterface ? `${shortName}.${world.region}.vpce.amazonaws.com` : `${shortName}.${world.region}.amazonaws.com`],
    ...(isInterface
      ? { privateDnsName, privateDnsNameSet: [{ privateDnsName }], privateDnsNameVerificationState: 'verified' }
      : { privateDnsNameSet: [] }),
    vpcEndpointPolicySupported: true,
    acceptanceRequired: false,
    managesVpcEndpoints: false,
    supportedIpAddressTypeSet: ['ipv4'],
    tagSet: [],
  };
}

function describeAvailabilityZones(world: FakeAwsWorld, params: URLSearchParams): Reply {
  const zones = [...new Set([
    ...world.subnets.map((subnet) => subnet.availabilityZone),
    ...world.endpointServices.flatMap((service) => service.availabilityZones),
  ])].sort();
  return describeItems(params, 'DescribeAvailabilityZones', 'availabilityZoneInfo', {
    items: zones,
    ids: { param: 'ZoneName', of: (zone) => zone, notFound: ['InvalidParameterValue', 'availability zone'] },
    filters: {
      'zone-name': (zone) => [zone],
      'zone-id': (zone) => [availabilityZoneId(zone)],
      'region-name': () => [world.region],
      'state': () => ['available'],
      'zone-type': () => ['availability-zone'],
      'opt-in-status': () => ['opt-in-not-required'],
    },
    toXml: (zone) => ({
      zoneName: zone,
      zoneId: availabilityZoneId(zone),
      zoneState: 'available',
      regionName: world.region,
      groupName: world.region,
      networkBorderGroup: world.region,
      optInStatus: 'opt-in-not-required',
      zoneType: 'availability-zone',
      messageSet: [],
    }),
  });
}

// ---- describe with IDs and filters ----

type FilterTable<T> = Record<string, (item: T) => readonly string[]>;

interface DescribeSpec<T> {
  readonly items: readonly T[];
  /** `VpcId.1`, ... : every ID must exist, or the call fails with `notFound` = [code, noun]. */
  readonly ids: { param: string; of: (item: T) => string; notFound: [string, string] };
  readonly filters: FilterTable<T>;
  readonly toXml: (item: T) => object;
}

function describeItems<T>(params: URLSearchParams, action: string, setName: string, spec: DescribeSpec<T>): Reply {
  const ids = listParam(params, spec.ids.param);
  const missing = ids.filter((id) => !spec.items.some((item) => spec.ids.of(item) === id));
  if (missing.length > 0) {
    const [code, noun] = spec.ids.notFound;
    const quoted = missing.map((id) => `'${id}'`).join(', ');
    return ec2Error(400, code, missing.length === 1 ? `The ${noun} ${quoted} does not exist` : `The ${noun}s ${quoted} do not exist`);
  }
  const matched = applyFilters(
    spec.items.filter((item) => ids.length === 0 || ids.includes(spec.ids.of(item))),
    filterParams(params),
    spec.filters,
  );
  if ('error' in matched) {
    return matched.error;
  }
  return ec2Ok(action, { [setName]: matched.items.map(spec.toXml) });
}

interface Filter {
  readonly name: string;
  readonly values: readonly string[];
}

/** `Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-...` */
function filterParams(params: URLSearchParams): Filter[] {
  const filters: Filter[] = [];
  for (let i = 1; params.has(`Filter.${i}.Name`); i++) {
    filters.push({ name: params.get(`Filter.${i}.Name`)!, values: listParam(params, `Filter.${i}.Value`) });
  }
  return filters;
}

/**
 * Keeps the items matching every filter (any of its values, `*` and `?` as wildcards, as EC2 does). The
 * world has no tags, so tag filters match nothing; any other unknown filter fails as it would in EC2.
 */
function applyFilters<T>(items: readonly T[], filters: readonly Filter[], table: FilterTable<T>): { items: T[] } | { error: Reply } {
  for (const filter of filters) {
    if (!(filter.name in table) && !isTagFilter(filter.name)) {
      return { error: ec2Error(400, 'InvalidParameterValue', `The filter '${filter.name}' is invalid`) };
    }
  }
  return {
    items: items.filter((item) =>
      filters.every((filter) => {
        const actual = isTagFilter(filter.name) ? [] : table[filter.name](item);
        return filter.values.some((pattern) => actual.some((value) => wildcard(pattern).test(value)));
      }),
    ),
  };
}

function isTagFilter(name: string): boolean {
  return name.startsWith('tag:') || name === 'tag-key' || name === 'tag-value';
}

function wildcard(pattern: string): RegExp {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`);
}

/** `VpcId.1`, `VpcId.2`, ... */
function listParam(params: URLSearchParams, prefix: string): string[] {
  const values: string[] = [];
  for (let i = 1; params.has(`${prefix}.${i}`); i++) {
    values.push(params.get(`${prefix}.${i}`)!);
  }
  return values;
}

// ---- XML and helpers ----

const EC2_NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';

function ec2Ok(action: string, body: object): Reply {
  return {
    status: 200,
    xml: `<${action}Response xmlns="${EC2_NAMESPACE}"><requestId>${randomUUID()}</requestId>${toXml(body)}</${action}Response>`,
  };
}

function ec2Error(status: number, code: string, message: string): Reply {
  return {
    status,
    xml:
      `<Response><Errors><Error><Code>${escape(code)}</Code><Message>${escape(message)}</Message></Error></Errors>` +
      `<RequestID>${randomUUID()}</RequestID></Response>`,
  };
}

function send(response: ServerResponse, reply: Reply): void {
  response.writeHead(reply.status, { 'content-type': 'text/xml;charset=UTF-8' });
  response.end(`<?xml version="1.0" encoding="UTF-8"?>\n${reply.xml}`);
}

/** Objects become elements, arrays become `<item>` lists (the EC2 query-API convention). */
function toXml(value: unknown): string {
  if (Array.isArray(value)) {
    return value.map((item) => `<item>${toXml(item)}</item>`).join('');
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .map(([key, child]) => `<${key}>${toXml(child)}</${key}>`)
      .join('');
  }
  return escape(String(value));
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function partition(region: string): string {
  if (region.startsWith('cn-')) {
    return 'aws-cn';
  }
  return region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

/**
 * `ap-northeast-1a` -> `apne1-az1`: the region's short code and the zone letter's position. Real AZ IDs
 * map to names differently per account; this is only well-formed and stable.
 */
export function availabilityZoneId(zoneName: string): string {
  const match = /^([a-z]+)-((?:[a-z]+-)*)(\d+)([a-z])$/.exec(zoneName);
  if (!match) {
    return `${zoneName}-az1`;
  }
  const [, area, words, number, letter] = match;
  const short = words
    .split('-')
    .filter(Boolean)
    .map((word) => /^(north|south)(east|west)$/.test(word) ? word[0] + word[5] : word[0])
    .join('');
  return `${area}${short}${number}-az${letter.charCodeAt(0) - 'a'.charCodeAt(0) + 1}`;
}

function dhcpOptionsId(world: FakeAwsWorld): string {
  return fakeId('dopt', world.accountId, world.region);
}

/** A stable, well-formed ID: `prefix-` and 17 hex digits from the parts. */
function fakeId(prefix: string, ...parts: string[]): string {
  return `${prefix}-${createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 17)}`;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
