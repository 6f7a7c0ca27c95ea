import { createHash, randomUUID } from 'crypto';
import { readFileSync } from 'fs';
import { createServer, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import * as path from 'path';

/**
 * A fake of the few AWS APIs our preflight data sources read, on loopback. Terraform reads data sources
 * during every plan, even with `-refresh=false`, and AWS is unreachable here, so the plan tests need
 * something to answer them. It also answers the reads of the stack's own resources (`aws_security_group`,
 * `aws_vpc_endpoint` of both types), which `import` blocks and a refreshing plan make. A stack planned as
 * the root keeps its provider block exactly as shipped (no skip_* flags, no endpoints block): only the
 * AWS_ENDPOINT_URL_EC2 and AWS_ENDPOINT_URL_STS environment variables point it here (stacks planned as
 * child modules get the test root's providers, see module-root.ts). The answers are built from a
 * `FakeAwsWorld` (plain data) in the EC2/STS query-API XML shapes, filters and IDs are honoured, unknown
 * IDs fail with AWS's error codes, and an action without a handler fails loudly with
 * `UnsupportedOperation` naming it. `requests` lists the actions received; FAKE_AWS_LOG=1
 * prints every request to stderr.
 *
 * STS AssumeRole (a provider acting in another account, as a hub's for its spokes) hands out credentials
 * the fake recognises: requests signed with them are made as that role, in the role's account
 * (GetCallerIdentity says so, `assumedRoles` lists the roles); EC2 answers them from the same world.
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
  /** The IPv4 block; `''` for an IPv6-only subnet (EC2 then reports none). */
  cidrBlock: string;
  /** e.g. `ap-northeast-1a`; the AZ ID (`apne1-az1`) is derived from it. */
  availabilityZone: string;
  /** The subnet's IPv6 block, e.g. `2600:1f18:4d3:5e00::/64`. @default none */
  ipv6CidrBlock?: string;
  /** An IPv6-only subnet. @default false */
  ipv6Native?: boolean;
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
  /** What endpoints of the service may use, `ipv4` and/or `ipv6`. @default ['ipv4'] */
  supportedIpAddressTypes?: string[];
  /** Interface: the private DNS name it publishes. @default derived from the name, as AWS names ECR's (`*.dkr.ecr.<region>.amazonaws.com`) */
  privateDnsName?: string;
}

/** One inline rule, as an `ingress` or `egress` block of `aws_security_group` has it. */
export interface FakeSecurityGroupRule {
  /** `tcp`, `udp`, `icmp`, or `-1` for all traffic (EC2 then reports no ports; Terraform shows 0). */
  protocol: string;
  fromPort: number;
  toPort: number;
  cidrBlocks: string[];
  ipv6CidrBlocks: string[];
  prefixListIds: string[];
  /** IDs of other groups the rule names. */
  securityGroups: string[];
  /** The group itself as the source (ingress) or destination (egress). */
  self: boolean;
  /** Given to every source of the rule, as Terraform does. */
  description?: string;
}

export interface FakeSecurityGroup {
  id: string;
  vpcId: string;
  name: string;
  description: string;
  ingress: FakeSecurityGroupRule[];
  /** Empty when Terraform removed the default allow-all rule, as it does on create. */
  egress: FakeSecurityGroupRule[];
}

/** The requester-managed ENI an interface endpoint has in one of its subnets. */
export interface FakeEndpointNetworkInterface {
  id: string;
  subnetId: string;
  privateIpAddress: string;
}

export interface FakeDnsEntry {
  dnsName: string;
  hostedZoneId: string;
}

export interface FakeVpcEndpoint {
  id: string;
  vpcId: string;
  serviceName: string;
  type: 'Interface' | 'Gateway';
  /** `available`, `pending`, `pendingAcceptance`, `deleted`, ... */
  state: string;
  /** The policy document, JSON text as EC2 returns it. */
  policy: string;
  privateDnsEnabled: boolean;
  requesterManaged: boolean;
  /** Interface: one ENI per subnet; the endpoint's subnets are theirs. Gateway: none. */
  networkInterfaces: FakeEndpointNetworkInterface[];
  securityGroupIds: string[];
  /** Gateway: the route tables holding its route to the service's prefix list. */
  routeTableIds: string[];
  dnsEntries: FakeDnsEntry[];
  /** Interface only (EC2 reports neither for a Gateway endpoint). */
  ipAddressType?: string;
  dnsOptions?: { dnsRecordIpType: string; privateDnsOnlyForInboundResolverEndpoint: boolean };
  /** ISO 8601. */
  creationTimestamp: string;
}

/** An AWS-managed prefix list (`com.amazonaws.<region>.s3`), what a gateway endpoint's routes point to. */
export interface FakePrefixList {
  id: string;
  /** The service name, e.g. `com.amazonaws.ap-northeast-1.s3`. */
  name: string;
  cidrBlocks: string[];
}

/** Everything the fake knows: one account in one region. */
export interface FakeAwsWorld {
  accountId: string;
  region: string;
  vpcs: FakeVpc[];
  subnets: FakeSubnet[];
  routeTables: FakeRouteTable[];
  endpointServices: FakeEndpointService[];
  securityGroups?: FakeSecurityGroup[];
  vpcEndpoints?: FakeVpcEndpoint[];
  prefixLists?: FakePrefixList[];
}

export interface FakeAws {
  /** For AWS_ENDPOINT_URL_EC2 and AWS_ENDPOINT_URL_STS. */
  readonly url: string;
  /** Action names in the order received, e.g. `['GetCallerIdentity', 'DescribeVpcs', ...]`. */
  readonly requests: string[];
  /** The role ARNs assumed with AssumeRole, in the order asked. */
  readonly assumedRoles: string[];
  /** Actions made with an assumed role's credentials, as `<role ARN> <action>`. */
  readonly requestsAsRoles: string[];
  close(): Promise<void>;
}

const EXAMPLE_AZS = ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'];

/** State that Terraform 1.11.4 and AWS provider 5.100.0 wrote for reference/original.tf. */
export const ORIGINAL_STATE_PATH = path.join(__dirname, '..', 'fixtures', 'original.tfstate');

/**
 * The account behind config/example.json and the state fixture. Frozen: derive variants with `withWorld`.
 * Its security groups, VPC endpoints and S3 prefix list are read from the fixture (see `fromOriginalState`),
 * so a refreshing plan of that state against this world finds nothing changed.
 */
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
      'ecr.api',
      'ecr.dkr',
      'logs',
      'sts',
      'ec2',
      'elasticloadbalancing',
      'xray',
      'ecs',
      'ecs-agent',
      'ecs-telemetry',
      'secretsmanager',
      'ssm',
      's3',
    ].map((service): FakeEndpointService => ({
      serviceName: `com.amazonaws.ap-northeast-1.${service}`,
      type: 'Interface',
      availabilityZones: [...EXAMPLE_AZS],
    })),
    // AWS lists S3 twice: as a Gateway service and as an Interface service, under the same name.
    { serviceName: 'com.amazonaws.ap-northeast-1.s3', type: 'Gateway', availabilityZones: [...EXAMPLE_AZS] },
  ],
  ...fromOriginalState(JSON.parse(readFileSync(ORIGINAL_STATE_PATH, 'utf8')) as TerraformState),
});

/**
 * The example account gone dual-stack: an IPv6 /64 in each private subnet, and ECR's services and the S3
 * gateway accepting IPv6 (whether they do in a real region is what preflight reads).
 */
export const DUAL_STACK_WORLD: FakeAwsWorld = deepFreeze(
  withWorld(EXAMPLE_WORLD, (w) => {
    w.subnets[0].ipv6CidrBlock = '2600:1f18:4d3:5e00::/64';
    w.subnets[1].ipv6CidrBlock = '2600:1f18:4d3:5e01::/64';
    for (const service of w.endpointServices.filter((s) => /\.(ecr\.api|ecr\.dkr|s3)$/.test(s.serviceName))) {
      service.supportedIpAddressTypes = ['ipv4', 'ipv6'];
    }
  }),
);

/** The dual-stack account with IPv6-only private subnets (no IPv4 block). */
export const IPV6_ONLY_WORLD: FakeAwsWorld = deepFreeze(
  withWorld(DUAL_STACK_WORLD, (w) => {
    for (const subnet of w.subnets) {
      subnet.cidrBlock = '';
      subnet.ipv6Native = true;
    }
  }),
);

/**
 * A copy of `base` changed by `edit`, which may mutate the copy freely; `base` is untouched. E.g.
 * `withWorld(EXAMPLE_WORLD, (w) => { w.vpcs[0].enableDnsHostnames = false; })`.
 */
export function withWorld(base: FakeAwsWorld, edit: (world: FakeAwsWorld) => void): FakeAwsWorld {
  const world = structuredClone(base);
  edit(world);
  return world;
}

// ---- the example's resources, from the state fixture ----

/** The parts of a Terraform state (format version 4) read here. */
export interface TerraformState {
  resources: { mode: string; type: string; name: string; instances: { attributes: Record<string, unknown> }[] }[];
}

/** `aws_security_group` attributes as provider 5.100.0 writes them (those read here). */
interface SecurityGroupAttributes {
  id: string;
  vpc_id: string;
  name: string;
  description: string;
  ingress: RuleAttributes[];
  egress: RuleAttributes[];
}

interface RuleAttributes {
  protocol: string;
  from_port: number;
  to_port: number;
  cidr_blocks: string[];
  ipv6_cidr_blocks: string[];
  prefix_list_ids: string[];
  security_groups: string[];
  self: boolean;
  description: string;
}

/** `aws_vpc_endpoint` attributes as provider 5.100.0 writes them (those read here). */
interface VpcEndpointAttributes {
  id: string;
  vpc_id: string;
  service_name: string;
  vpc_endpoint_type: 'Interface' | 'Gateway';
  state: string;
  policy: string;
  private_dns_enabled: boolean;
  requester_managed: boolean;
  network_interface_ids: string[];
  subnet_configuration: { subnet_id: string; ipv4: string; ipv6: string }[];
  security_group_ids: string[];
  route_table_ids: string[];
  dns_entry: { dns_name: string; hosted_zone_id: string }[];
  ip_address_type: string;
  dns_options: { dns_record_ip_type: string; private_dns_only_for_inbound_resolver_endpoint: boolean }[];
  prefix_list_id: string | null;
  cidr_blocks: string[];
}

/**
 * The security groups (the VPC's default one included), VPC endpoints and AWS prefix lists that a state
 * holds, as the world AWS would show after that state's apply. Every value comes from the state's
 * attributes, with two exceptions: the default group's rules are AWS's defaults, and the state does not
 * say which ENI is in which subnet, so the sorted ENI IDs are paired with the subnets in sorted order
 * (Terraform only sees the set of subnet configurations, which is the same either way).
 */
export function fromOriginalState(state: TerraformState): Required<Pick<FakeAwsWorld, 'securityGroups' | 'vpcEndpoints' | 'prefixLists'>> {
  const attributesOf = <T>(type: string): T[] =>
    state.resources
      .filter((resource) => resource.mode === 'managed' && resource.type === type)
      .flatMap((resource) => resource.instances.map((instance) => instance.attributes as unknown as T));
  const rule = (attributes: RuleAttributes): FakeSecurityGroupRule => ({
    protocol: attributes.protocol,
    fromPort: attributes.from_port,
    toPort: attributes.to_port,
    cidrBlocks: [...attributes.cidr_blocks],
    ipv6CidrBlocks: [...attributes.ipv6_cidr_blocks],
    prefixListIds: [...attributes.prefix_list_ids],
    securityGroups: [...attributes.security_groups],
    self: attributes.self,
    ...(attributes.description ? { description: attributes.description } : {}),
  });
  const allTraffic: Omit<FakeSecurityGroupRule, 'self' | 'cidrBlocks'> = {
    protocol: '-1',
    fromPort: 0,
    toPort: 0,
    ipv6CidrBlocks: [],
    prefixListIds: [],
    securityGroups: [],
  };
  const defaultGroups = attributesOf<{ id: string; default_security_group_id: string }>('aws_vpc').map((vpc): FakeSecurityGroup => ({
    id: vpc.default_security_group_id,
    vpcId: vpc.id,
    name: 'default',
    description: 'default VPC security group',
    ingress: [{ ...allTraffic, cidrBlocks: [], self: true }],
    egress: [{ ...allTraffic, cidrBlocks: ['0.0.0.0/0'], self: false }],
  }));
  const groups = attributesOf<SecurityGroupAttributes>('aws_security_group').map((group): FakeSecurityGroup => ({
    id: group.id,
    vpcId: group.vpc_id,
    name: group.name,
    description: group.description,
    ingress: group.ingress.map(rule),
    egress: group.egress.map(rule),
  }));
  const endpoints = attributesOf<VpcEndpointAttributes>('aws_vpc_endpoint');
  // Not in the state (the provider keeps no creation time): what the mock the fixture was applied against said.
  const creationTimestamps: Record<string, string> = {
    'vpce-0a1b2c3d4e5f60005': '2025-06-10T03:24:17.512Z',
    'vpce-0a1b2c3d4e5f60006': '2025-06-10T03:24:17.933Z',
    'vpce-0a1b2c3d4e5f60007': '2025-06-10T03:24:16.871Z',
  };
  const byText = (a: string, b: string): number => a.localeCompare(b);
  return {
    securityGroups: [...defaultGroups, ...groups],
    vpcEndpoints: endpoints.map((endpoint): FakeVpcEndpoint => {
      const configurations = [...endpoint.subnet_configuration].sort((a, b) => byText(a.subnet_id, b.subnet_id));
      const interfaceIds = [...endpoint.network_interface_ids].sort(byText);
      if (interfaceIds.length !== configurations.length) {
        throw new Error(`${endpoint.id}: ${interfaceIds.length} network interfaces for ${configurations.length} subnets`);
      }
      return {
        id: endpoint.id,
        vpcId: endpoint.vpc_id,
        serviceName: endpoint.service_name,
        type: endpoint.vpc_endpoint_type,
        state: endpoint.state,
        policy: endpoint.policy,
        privateDnsEnabled: endpoint.private_dns_enabled,
        requesterManaged: endpoint.requester_managed,
        networkInterfaces: interfaceIds.map((id, i) => ({
          id,
          subnetId: configurations[i].subnet_id,
          privateIpAddress: configurations[i].ipv4,
        })),
        securityGroupIds: [...endpoint.security_group_ids],
        routeTableIds: [...endpoint.route_table_ids],
        dnsEntries: endpoint.dns_entry.map((entry) => ({ dnsName: entry.dns_name, hostedZoneId: entry.hosted_zone_id })),
        ...(endpoint.ip_address_type ? { ipAddressType: endpoint.ip_address_type } : {}),
        ...(endpoint.dns_options.length > 0
          ? {
              dnsOptions: {
                dnsRecordIpType: endpoint.dns_options[0].dns_record_ip_type,
                privateDnsOnlyForInboundResolverEndpoint: endpoint.dns_options[0].private_dns_only_for_inbound_resolver_endpoint,
              },
            }
          : {}),
        creationTimestamp: creationTimestamps[endpoint.id] ?? '2025-06-10T00:00:00.000Z',
      };
    }),
    prefixLists: endpoints
      .filter((endpoint) => endpoint.prefix_list_id)
      .map((endpoint) => ({ id: endpoint.prefix_list_id!, name: endpoint.service_name, cidrBlocks: [...endpoint.cidr_blocks] })),
  };
}

/**
 * Starts a fake holding `world`. A request signed with an access key of `worldsByAccessKey` is answered
 * from that key's world instead: several provider configurations of one Terraform run (each with its own
 * `access_key`) then see different worlds through one fake, where an `endpoints` block per provider would
 * cost the AWS provider seconds of CPU each. A role assumed with such a key sees the same world.
 */
export async function startFakeAws(
  world: FakeAwsWorld = EXAMPLE_WORLD,
  worldsByAccessKey: Readonly<Record<string, FakeAwsWorld>> = {},
): Promise<FakeAws> {
  const requests: string[] = [];
  const assumedRoles: string[] = [];
  const requestsAsRoles: string[] = [];
  /** Access key IDs handed out by AssumeRole: the role each stands for, and the world of the caller that assumed it. */
  const sessions = new Map<string, { role: AssumedRole; world: FakeAwsWorld }>();
  const server = createServer((request, response) => {
    const accessKey = /Credential=([^/]+)\//.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const session = sessions.get(accessKey);
    const requestWorld = worldsByAccessKey[accessKey] ?? session?.world ?? world;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const params = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const action = params.get('Action') ?? '(no Action)';
      requests.push(action);
      if (process.env.FAKE_AWS_LOG) {
        process.stderr.write(`fake-aws: ${params.toString()}\n`);
      }
      const role = session?.role;
      if (role) {
        requestsAsRoles.push(`${role.roleArn} ${action}`);
      }
      let reply: Reply;
      try {
        if (action === 'AssumeRole') {
          const assumed = assumeRole(requestWorld, params);
          sessions.set(assumed.session.accessKeyId, { role: assumed.session, world: requestWorld });
          assumedRoles.push(assumed.session.roleArn);
          reply = assumed.reply;
        } else {
          reply = action === 'GetCallerIdentity' && role ? callerIdentityOf(role) : answer(requestWorld, action, params);
        }
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
    assumedRoles,
    requestsAsRoles,
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
  DescribeSecurityGroups: describeSecurityGroups,
  DescribeVpcEndpoints: describeVpcEndpoints,
  DescribeNetworkInterfaces: describeNetworkInterfaces,
  DescribePrefixLists: describePrefixLists,
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

interface AssumedRole {
  readonly roleArn: string;
  readonly sessionName: string;
  readonly accessKeyId: string;
}

/** Credentials for `RoleArn`, valid for an hour; a malformed role ARN fails as STS fails it. */
function assumeRole(world: FakeAwsWorld, params: URLSearchParams): { session: AssumedRole; reply: Reply } {
  const roleArn = params.get('RoleArn') ?? '';
  const sessionName = params.get('RoleSessionName') ?? 'session';
  const match = /^arn:[a-z-]+:iam::([0-9]{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(roleArn);
  const accessKeyId = `ASIA${createHash('sha256').update(`${roleArn}\0${sessionName}`).digest('hex').slice(0, 16).toUpperCase()}`;
  const session = { roleArn, sessionName, accessKeyId };
  if (!match) {
    return { session, reply: stsError(400, 'ValidationError', `${roleArn} is not a valid role ARN`) };
  }
  const result = {
    Credentials: {
      AccessKeyId: accessKeyId,
      SecretAccessKey: 'fake-aws-assumed-role-secret',
      SessionToken: `fake-aws-session-${accessKeyId}`,
      Expiration: new Date(Date.now() + 3600_000).toISOString(),
    },
    AssumedRoleUser: {
      AssumedRoleId: `AROA${accessKeyId.slice(4)}:${sessionName}`,
      Arn: `arn:${partition(world.region)}:sts::${match[1]}:assumed-role/${match[2]}/${sessionName}`,
    },
  };
  return { session, reply: stsOk('AssumeRole', result) };
}

/** GetCallerIdentity for requests signed with an assumed role's credentials: that role, in its account. */
function callerIdentityOf(role: AssumedRole): Reply {
  const [, partitionName, , , account, resource] = role.roleArn.split(':');
  return stsOk('GetCallerIdentity', {
    Arn: `arn:${partitionName}:sts::${account}:assumed-role/${resource.split('/').pop()}/${role.sessionName}`,
    UserId: `AROA${role.accessKeyId.slice(4)}:${role.sessionName}`,
    Account: account,
  });
}

function stsOk(action: string, result: object): Reply {
  return {
    status: 200,
    xml:
      `<${action}Response xmlns="https://sts.amazonaws.com/doc/${STS_VERSION}/">` +
      `<${action}Result>${toXml(result)}</${action}Result>` +
      `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`,
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
      cidr: (vpc) => [vpc.cidrBlocks[0]],
      'cidr-block-association.cidr-block': (vpc) => vpc.cidrBlocks,
      'dhcp-options-id': () => [dhcpOptionsId(world)],
      isDefault: () => ['false'],
      'is-default': () => ['false'],
      'owner-id': () => [world.accountId],
      state: () => ['available'],
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
      cidrBlock: (subnet) => [subnet.cidrBlock],
      cidr: (subnet) => [subnet.cidrBlock],
      'availability-zone': (subnet) => [subnet.availabilityZone],
      availabilityZone: (subnet) => [subnet.availabilityZone],
      'availability-zone-id': (subnet) => [availabilityZoneId(subnet.availabilityZone)],
      'ipv6-cidr-block-association.ipv6-cidr-block': (subnet) => (subnet.ipv6CidrBlock ? [subnet.ipv6CidrBlock] : []),
      'ipv6-native': (subnet) => [String(subnet.ipv6Native ?? false)],
      'default-for-az': () => ['false'],
      defaultForAz: () => ['false'],
      'owner-id': () => [world.accountId],
      state: () => ['available'],
    },
    toXml: (subnet) => ({
      subnetId: subnet.id,
      subnetArn: `arn:${partition(world.region)}:ec2:${world.region}:${world.accountId}:subnet/${subnet.id}`,
      state: 'available',
      vpcId: subnet.vpcId,
      ownerId: world.accountId,
      ...(subnet.cidrBlock ? { cidrBlock: subnet.cidrBlock } : {}),
      ipv6CidrBlockAssociationSet: subnet.ipv6CidrBlock
        ? [
            {
              ipv6CidrBlock: subnet.ipv6CidrBlock,
              associationId: fakeId('subnet-cidr-assoc', subnet.id, subnet.ipv6CidrBlock),
              ipv6CidrBlockState: { state: 'associated' },
            },
          ]
        : [],
      availableIpAddressCount: subnet.cidrBlock ? Math.max(0, 2 ** (32 - Number(subnet.cidrBlock.split('/')[1])) - 5) : 0,
      availabilityZone: subnet.availabilityZone,
      availabilityZoneId: availabilityZoneId(subnet.availabilityZone),
      defaultForAz: false,
      mapPublicIpOnLaunch: false,
      mapCustomerOwnedIpOnLaunch: false,
      assignIpv6AddressOnCreation: false,
      enableDns64: false,
      ipv6Native: subnet.ipv6Native ?? false,
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
      routeSet: [
        ...(world.vpcs.find((vpc) => vpc.id === table.vpcId)?.cidrBlocks ?? []).map((cidr) => ({
          destinationCidrBlock: cidr,
          gatewayId: 'local',
          state: 'active',
          origin: 'CreateRouteTable',
        })),
        // A gateway endpoint's route to its service's prefix list.
        ...(world.vpcEndpoints ?? [])
          .filter((endpoint) => endpoint.type === 'Gateway' && endpoint.routeTableIds.includes(table.id))
          .flatMap((endpoint) =>
            (world.prefixLists ?? [])
              .filter((list) => list.name === endpoint.serviceName)
              .map((list) => ({
                destinationPrefixListId: list.id,
                gatewayId: endpoint.id,
                state: 'active',
                origin: 'CreateRoute',
              })),
          ),
      ],
      associationSet: table.main
        ? [
            {
              routeTableAssociationId: mainAssociationId(table),
              routeTableId: table.id,
              main: true,
              associationState: { state: 'associated' },
            },
          ]
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
      owner: () => ['amazon'],
      'service-region': () => [world.region],
      'supported-ip-address-types': (service) => supportedIpAddressTypes(service),
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
  const privateDnsName =
    service.privateDnsName ??
    (service.serviceName.endsWith('.ecr.dkr') || service.serviceName.endsWith('.s3')
      ? `*.${shortName}.${world.region}.amazonaws.com`
      : `${shortName}.${world.region}.amazonaws.com`);
  const isInterface = service.type === 'Interface';
  return {
    serviceName: service.serviceName,
    serviceId: fakeId('vpce-svc', service.serviceName, service.type),
    serviceType: [{ serviceType: service.type }],
    serviceRegion: world.region,
    availabilityZoneSet: service.availabilityZones,
    owner: 'amazon',
    baseEndpointDnsNameSet: [
      isInterface ? `${shortName}.${world.region}.vpce.amazonaws.com` : `${shortName}.${world.region}.amazonaws.com`,
    ],
    ...(isInterface
      ? { privateDnsName, privateDnsNameSet: [{ privateDnsName }], privateDnsNameVerificationState: 'verified' }
      : { privateDnsNameSet: [] }),
    vpcEndpointPolicySupported: true,
    acceptanceRequired: false,
    managesVpcEndpoints: false,
    supportedIpAddressTypeSet: supportedIpAddressTypes(service),
    tagSet: [],
  };
}

function supportedIpAddressTypes(service: FakeEndpointService): string[] {
  return service.supportedIpAddressTypes ?? ['ipv4'];
}

function describeAvailabilityZones(world: FakeAwsWorld, params: URLSearchParams): Reply {
  const zones = [
    ...new Set([
      ...world.subnets.map((subnet) => subnet.availabilityZone),
      ...world.endpointServices.flatMap((service) => service.availabilityZones),
    ]),
  ].sort();
  return describeItems(params, 'DescribeAvailabilityZones', 'availabilityZoneInfo', {
    items: zones,
    ids: { param: 'ZoneName', of: (zone) => zone, notFound: ['InvalidParameterValue', 'availability zone'] },
    filters: {
      'zone-name': (zone) => [zone],
      'zone-id': (zone) => [availabilityZoneId(zone)],
      'region-name': () => [world.region],
      state: () => ['available'],
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

function describeSecurityGroups(world: FakeAwsWorld, params: URLSearchParams): Reply {
  const groups = world.securityGroups ?? [];
  const rules = (group: FakeSecurityGroup, egress: boolean): FakeSecurityGroupRule[] => (egress ? group.egress : group.ingress);
  const ruleFilters = (egress: boolean): FilterTable<FakeSecurityGroup> => {
    const prefix = egress ? 'egress.ip-permission.' : 'ip-permission.';
    return {
      [`${prefix}protocol`]: (group) => rules(group, egress).map((rule) => rule.protocol),
      [`${prefix}from-port`]: (group) => rules(group, egress).map((rule) => String(rule.fromPort)),
      [`${prefix}to-port`]: (group) => rules(group, egress).map((rule) => String(rule.toPort)),
      [`${prefix}cidr`]: (group) => rules(group, egress).flatMap((rule) => rule.cidrBlocks),
      [`${prefix}ipv6-cidr`]: (group) => rules(group, egress).flatMap((rule) => rule.ipv6CidrBlocks),
      [`${prefix}prefix-list-id`]: (group) => rules(group, egress).flatMap((rule) => rule.prefixListIds),
      [`${prefix}group-id`]: (group) => rules(group, egress).flatMap((rule) => [...rule.securityGroups, ...(rule.self ? [group.id] : [])]),
    };
  };
  return describeItems(params, 'DescribeSecurityGroups', 'securityGroupInfo', {
    items: groups,
    ids: { param: 'GroupId', of: (group) => group.id, notFound: ['InvalidGroup.NotFound', 'security group'] },
    filters: {
      'group-id': (group) => [group.id],
      'group-name': (group) => [group.name],
      description: (group) => [group.description],
      'vpc-id': (group) => [group.vpcId],
      'owner-id': () => [world.accountId],
      ...ruleFilters(false),
      ...ruleFilters(true),
    },
    toXml: (group) => ({
      ownerId: world.accountId,
      groupId: group.id,
      groupName: group.name,
      groupDescription: group.description,
      vpcId: group.vpcId,
      securityGroupArn: `arn:${partition(world.region)}:ec2:${world.region}:${world.accountId}:security-group/${group.id}`,
      ipPermissions: group.ingress.map((rule) => ipPermissionXml(world, group, rule)),
      ipPermissionsEgress: group.egress.map((rule) => ipPermissionXml(world, group, rule)),
      tagSet: [],
    }),
  });
}

/** One rule as an EC2 `IpPermission`: each source carries the rule's description. */
function ipPermissionXml(world: FakeAwsWorld, group: FakeSecurityGroup, rule: FakeSecurityGroupRule): object {
  const description = rule.description === undefined ? {} : { description: rule.description };
  return {
    ipProtocol: rule.protocol,
    ...(rule.protocol === '-1' ? {} : { fromPort: rule.fromPort, toPort: rule.toPort }),
    groups: [...(rule.self ? [group.id] : []), ...rule.securityGroups].map((groupId) => ({
      userId: world.accountId,
      groupId,
      ...description,
    })),
    ipRanges: rule.cidrBlocks.map((cidrIp) => ({ cidrIp, ...description })),
    ipv6Ranges: rule.ipv6CidrBlocks.map((cidrIpv6) => ({ cidrIpv6, ...description })),
    prefixListIds: rule.prefixListIds.map((prefixListId) => ({ prefixListId, ...description })),
  };
}

function describeVpcEndpoints(world: FakeAwsWorld, params: URLSearchParams): Reply {
  return describeItems(params, 'DescribeVpcEndpoints', 'vpcEndpointSet', {
    items: world.vpcEndpoints ?? [],
    ids: { param: 'VpcEndpointId', of: (endpoint) => endpoint.id, notFound: ['InvalidVpcEndpointId.NotFound', 'Vpc Endpoint Id'] },
    filters: {
      'vpc-endpoint-id': (endpoint) => [endpoint.id],
      'vpc-id': (endpoint) => [endpoint.vpcId],
      'service-name': (endpoint) => [endpoint.serviceName],
      'service-region': () => [world.region],
      'vpc-endpoint-state': (endpoint) => [endpoint.state],
      'vpc-endpoint-type': (endpoint) => [endpoint.type],
      'ip-address-type': (endpoint) => (endpoint.ipAddressType ? [endpoint.ipAddressType] : []),
    },
    toXml: (endpoint) => ({
      vpcEndpointId: endpoint.id,
      vpcEndpointType: endpoint.type,
      vpcId: endpoint.vpcId,
      serviceName: endpoint.serviceName,
      state: endpoint.state,
      policyDocument: endpoint.policy,
      routeTableIdSet: endpoint.routeTableIds,
      subnetIdSet: endpoint.networkInterfaces.map((eni) => eni.subnetId),
      groupSet: endpoint.securityGroupIds.map((groupId) => ({ groupId, groupName: securityGroupName(world, groupId) })),
      ...(endpoint.ipAddressType ? { ipAddressType: endpoint.ipAddressType } : {}),
      ...(endpoint.dnsOptions ? { dnsOptions: endpoint.dnsOptions } : {}),
      privateDnsEnabled: endpoint.privateDnsEnabled,
      requesterManaged: endpoint.requesterManaged,
      networkInterfaceIdSet: endpoint.networkInterfaces.map((eni) => eni.id),
      dnsEntrySet: endpoint.dnsEntries,
      creationTimestamp: endpoint.creationTimestamp,
      tagSet: [],
      ownerId: world.accountId,
      serviceRegion: world.region,
    }),
  });
}

/** The ENIs of the world's interface endpoints (the only ENIs it has). */
function describeNetworkInterfaces(world: FakeAwsWorld, params: URLSearchParams): Reply {
  const interfaces = (world.vpcEndpoints ?? []).flatMap((endpoint) => endpoint.networkInterfaces.map((eni) => ({ endpoint, eni })));
  const availabilityZone = (subnetId: string): string => world.subnets.find((subnet) => subnet.id === subnetId)?.availabilityZone ?? '';
  const dnsName = (ip: string): string => `ip-${ip.replace(/\./g, '-')}.${world.region}.compute.internal`;
  return describeItems(params, 'DescribeNetworkInterfaces', 'networkInterfaceSet', {
    items: interfaces,
    ids: { param: 'NetworkInterfaceId', of: ({ eni }) => eni.id, notFound: ['InvalidNetworkInterfaceID.NotFound', 'networkInterface ID'] },
    filters: {
      'network-interface-id': ({ eni }) => [eni.id],
      'subnet-id': ({ eni }) => [eni.subnetId],
      'vpc-id': ({ endpoint }) => [endpoint.vpcId],
      'availability-zone': ({ eni }) => [availabilityZone(eni.subnetId)],
      'group-id': ({ endpoint }) => endpoint.securityGroupIds,
      description: ({ endpoint }) => [`VPC Endpoint Interface ${endpoint.id}`],
      'interface-type': () => ['vpc_endpoint'],
      'requester-managed': () => ['true'],
      status: () => ['in-use'],
      'owner-id': () => [world.accountId],
      'private-ip-address': ({ eni }) => [eni.privateIpAddress],
      'addresses.private-ip-address': ({ eni }) => [eni.privateIpAddress],
    },
    toXml: ({ endpoint, eni }) => ({
      networkInterfaceId: eni.id,
      subnetId: eni.subnetId,
      vpcId: endpoint.vpcId,
      availabilityZone: availabilityZone(eni.subnetId),
      description: `VPC Endpoint Interface ${endpoint.id}`,
      ownerId: world.accountId,
      requesterId: AWS_SERVICE_ACCOUNT,
      requesterManaged: true,
      status: 'in-use',
      macAddress: fakeMacAddress(eni.id),
      privateIpAddress: eni.privateIpAddress,
      privateDnsName: dnsName(eni.privateIpAddress),
      sourceDestCheck: true,
      interfaceType: 'vpc_endpoint',
      groupSet: endpoint.securityGroupIds.map((groupId) => ({ groupId, groupName: securityGroupName(world, groupId) })),
      ipv6AddressesSet: [],
      privateIpAddressesSet: [{ privateIpAddress: eni.privateIpAddress, privateDnsName: dnsName(eni.privateIpAddress), primary: true }],
      tagSet: [],
    }),
  });
}

function describePrefixLists(world: FakeAwsWorld, params: URLSearchParams): Reply {
  return describeItems(params, 'DescribePrefixLists', 'prefixListSet', {
    items: world.prefixLists ?? [],
    ids: { param: 'PrefixListId', of: (list) => list.id, notFound: ['InvalidPrefixListId.NotFound', 'prefix list ID'] },
    filters: {
      'prefix-list-id': (list) => [list.id],
      'prefix-list-name': (list) => [list.name],
    },
    toXml: (list) => ({ prefixListId: list.id, prefixListName: list.name, cidrSet: list.cidrBlocks }),
  });
}

/** The AWS-owned account that creates interface endpoints' ENIs (their `requesterId`); any 12 digits would do. */
const AWS_SERVICE_ACCOUNT = '727180483921';

function securityGroupName(world: FakeAwsWorld, groupId: string): string {
  return world.securityGroups?.find((group) => group.id === groupId)?.name ?? groupId;
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
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
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
    .map((word) => (/^(north|south)(east|west)$/.test(word) ? word[0] + word[5] : word[0]))
    .join('');
  return `${area}${short}${number}-az${letter.charCodeAt(0) - 'a'.charCodeAt(0) + 1}`;
}

/** A stable, locally administered unicast MAC address from `id`. */
function fakeMacAddress(id: string): string {
  const bytes = createHash('sha256').update(id).digest().subarray(0, 6);
  bytes[0] = (bytes[0] & 0xfc) | 0x02;
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join(':');
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
