/**
 * The config file's contract, declared once. From this one declaration come the TypeScript types of the
 * config (`Static<...>`), the editor schema `config/schema.json`, and the validator the app runs
 * (`lib/config/generated/`, precompiled by `npm run generate`, so synth loads neither TypeBox nor Ajv's
 * compiler). Each `errorMessage` completes the sentence "<field>: <value> ..." (ajv-errors; editors such
 * as VS Code show it too).
 *
 * Only shape lives here. What a schema cannot say (CIDR host bits, an ARN's partition against the
 * region, services that collide, adopt keys naming resources of the stack) the construct checks on its
 * props; what spans stacks (names, state files, prefixes) `parseConfig` checks.
 */
import { Static, TSchema, Type } from '@sinclair/typebox';
import { DNS_RECORD_IP_TYPES, IP_ADDRESS_TYPES } from '../addressing/ip-address-types';
import { ACKNOWLEDGEABLE_RULE_IDS } from '../checks/ecr-private-link-checks';
import { S3_GATEWAY_PRESET_NAMES } from '../policies/s3-gateway-presets';
import { WORKLOADS } from '../workload-profiles';

const quotedList = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

const patterned = (pattern: string, message: string, options: object = {}) =>
  Type.String({ pattern, errorMessage: { type: 'must be a string', pattern: message }, ...options });

const AWS_ID_KINDS = { vpc: 'VPC', subnet: 'subnet', rtb: 'route table', sg: 'security group', vpce: 'VPC endpoint' } as const;

/** `vpc-`, `subnet-`, `rtb-`, `sg-`, `vpce-` IDs: the prefix and 8 or 17 lowercase hex digits. */
export const awsId = (prefix: keyof typeof AWS_ID_KINDS) =>
  patterned(
    `^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`,
    `is not a ${AWS_ID_KINDS[prefix]} ID (expected "${prefix}-" and 8 or 17 lowercase hex digits)`,
  );

const list = <T extends TSchema>(items: T, description: string) =>
  Type.Array(items, {
    minItems: 1,
    uniqueItems: true,
    description,
    errorMessage: { type: 'must be a list of strings', minItems: 'is empty; list at least one' },
  });

/** Properties that refuse each of `fields` with `message`: the `then` (or `else`) of a condition. */
const refused = (fields: readonly string[], message: string) => ({
  properties: Object.fromEntries(fields.map((field) => [field, { not: {}, errorMessage: message }])),
});

const boolean = (description: string) => Type.Boolean({ description, errorMessage: { type: 'must be true or false' } });

/** `ap-northeast-1`, `us-gov-west-1`, `cn-north-1`, `eusc-de-east-1`. */
export const RegionName = patterned('^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$', 'is not an AWS region name (e.g. "ap-northeast-1")');

const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';

/** A client network in CIDR notation matching `pattern`, but not `world` (the whole internet). */
const clientNetwork = (pattern: string, world: string, notMatching: string, example: string) =>
  Type.String({
    pattern,
    not: { pattern: world },
    errorMessage: {
      type: 'must be a string',
      pattern: notMatching,
      not: `opens the endpoints to the whole internet; list the clients' networks (e.g. ${example})`,
    },
  });

/** An IPv4 network in CIDR notation, written canonically (no leading zeros). */
const ClientCidrBlock = clientNetwork(
  `^(${OCTET}\\.){3}${OCTET}/(3[0-2]|[12]?[0-9])$`,
  '/0$',
  'is not an IPv4 CIDR block (e.g. "10.0.0.0/16": octets 0-255 without leading zeros, prefix length 0-32)',
  'the VPC CIDR',
);

/** An IPv6 network in CIDR notation; the construct checks host bits and canonical form. */
const ClientIpv6CidrBlock = clientNetwork(
  '^[0-9a-f:]*:[0-9a-f:]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$',
  '^::/0$',
  'is not an IPv6 CIDR block in lowercase (e.g. "2600:1f18:4d3:5e00::/56")',
  "the VPC's IPv6 block",
);

const Ipv4Address = patterned(
  `^(${OCTET}\\.){3}${OCTET}$`,
  'is not an IPv4 address (e.g. "10.0.1.10": octets 0-255 without leading zeros)',
);

/** Lowercase hex and colons; the construct checks it is a canonical IPv6 address. */
const Ipv6Address = patterned('^[0-9a-f:]*:[0-9a-f:]*$', 'is not an IPv6 address in lowercase (e.g. "2600:1f18:4d3:5e00::10")');

/** An optional field taking one of `values`. */
const oneOf = <T extends string>(values: readonly T[], description: string) =>
  Type.Optional(
    Type.Union(
      values.map((value) => Type.Literal(value)),
      { description, errorMessage: `is not one of ${quotedList(values)}` },
    ),
  );

const EndpointAddress = Type.Object(
  {
    ipv4: Type.Optional({ ...Ipv4Address, description: 'IPv4 address, with ipAddressType ipv4 or dualstack. @default - AWS picks one' }),
    ipv6: Type.Optional({ ...Ipv6Address, description: 'IPv6 address, with ipAddressType ipv6 or dualstack. @default - AWS picks one' }),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    title: 'an endpoint address',
    description: "The address(es) of an interface endpoint's network interface in one subnet.",
    errorMessage: {
      type: 'must be an object such as {"ipv4": "10.0.1.10"}',
      minProperties: 'gives no address; give "ipv4", "ipv6" or both',
    },
  },
);

const InterfaceServiceName = Type.String({
  pattern: '^[a-z0-9]+([.-][a-z0-9]+)*$',
  allOf: [
    {
      not: { pattern: '^(cn\\.)?com\\.amazonaws\\.' },
      errorMessage: 'is a full service name; write only the part after the region (e.g. "ecr.dkr")',
    },
    {
      not: { const: 's3' },
      errorMessage: 'is not allowed here: ECR image layers need the S3 *gateway* endpoint, which the stack always creates',
    },
  ],
  errorMessage: { type: 'must be a string', pattern: 'is not an endpoint service short name (e.g. "ecr.api", "logs", "ecs-agent")' },
});

const S3BucketName = patterned(
  '^(?!\\d+\\.\\d+\\.\\d+\\.\\d+$)(?!.*\\.\\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$',
  'is not an S3 bucket name (3-63 lowercase letters, digits, "." and "-")',
);

const IamRoleArn = patterned(
  '^arn:[a-z-]+:iam::[0-9]{12}:role/[\\w+=,.@/-]{1,512}$',
  'is not an IAM role ARN (e.g. "arn:aws:iam::123456789012:role/terraform-state")',
);

const LocalBackend = Type.Object(
  {
    type: Type.Literal('local'),
    path: patterned(
      '^(?![/\\\\~]|[A-Za-z]:)[^\\u0000]+$',
      'must be a non-empty path relative to the project folder (no NUL), so the stack works on every machine',
      { description: 'State file path relative to the project folder. @default terraform.<stack name>.tfstate' },
    ),
  },
  { additionalProperties: false, title: 'a local backend', description: 'A state file in the project folder.' },
);

const S3Backend = Type.Object(
  {
    type: Type.Literal('s3'),
    bucket: S3BucketName,
    key: patterned('^(?!/)[^\\u0000]+$', 'must be a non-empty object key not starting with "/"'),
    region: RegionName,
    encrypt: Type.Optional(boolean('Encrypt the state object. @default true')),
    useLockfile: Type.Optional(boolean('Lock with a lock file next to the state (Terraform >= 1.10). @default true')),
    dynamodbTable: Type.Optional(
      patterned('^[A-Za-z0-9_.-]{3,255}$', 'is not a DynamoDB table name (3-255 of letters, digits, "_", "-", ".")', {
        description: 'DynamoDB table for locking, for setups older than S3-native locking. @default - none',
      }),
    ),
    roleArn: Type.Optional({ ...IamRoleArn, description: "IAM role to assume for state access. @default - the caller's credentials" }),
    profile: Type.Optional(
      patterned('^.+$', 'must not be empty', {
        description: 'Named AWS profile for state access. @default - the default credential chain',
      }),
    ),
    endpoint: Type.Optional(
      patterned('^https?://[^\\s/?#]+(/[^\\s?#]*)?$', 'is not an http(s) URL (e.g. "http://127.0.0.1:9000")', {
        description: 'S3 API URL of an S3-compatible store (a local state server, tests). @default - AWS S3 of the region',
      }),
    ),
    usePathStyle: Type.Optional(boolean('Address the bucket in the URL path, as most S3-compatible stores need. @default false')),
  },
  {
    additionalProperties: false,
    title: 'an s3 backend',
    description: "Terraform's S3 backend, with encryption and S3-native locking on unless turned off.",
    if: { properties: { useLockfile: { const: false } }, required: ['useLockfile'], not: { required: ['dynamodbTable'] } },
    then: refused(['useLockfile'], 'leaves the state unlocked; keep it on, or name a dynamodbTable'),
  },
);

const CloudBackend = Type.Object(
  {
    type: Type.Literal('cloud'),
    organization: patterned('^[A-Za-z0-9_-]{3,}$', 'is not an organization name (letters, digits, "_" and "-")'),
    workspace: patterned('^[A-Za-z0-9_-]{1,90}$', 'is not a workspace name (1-90 letters, digits, "_" and "-")'),
    hostname: Type.Optional(
      patterned('^[a-z0-9.-]+(:[0-9]+)?$', 'is not a host name (e.g. "app.terraform.io")', { description: '@default app.terraform.io' }),
    ),
  },
  {
    additionalProperties: false,
    title: 'a cloud backend',
    description: 'HCP Terraform or Terraform Enterprise, with remote runs in one workspace.',
  },
);

export const BACKEND_TYPES = ['local', 's3', 'cloud'] as const;

// Ajv's discriminator (one branch's errors, not three) needs `oneOf`, where TypeBox's Union writes `anyOf`.
const Backend = Type.Unsafe<Static<typeof LocalBackend> | Static<typeof S3Backend> | Static<typeof CloudBackend>>({
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [LocalBackend, S3Backend, CloudBackend],
  description: "Where Terraform keeps this stack's state. @default local, terraform.<name>.tfstate",
  errorMessage: {
    type: 'must be an object such as {"type": "local", "path": "terraform.sample.tfstate"}',
    discriminator: `is not a supported backend type (supported: ${quotedList(BACKEND_TYPES)})`,
  },
});

const TagKey = Type.String({
  minLength: 1,
  maxLength: 128,
  not: { pattern: '^[aA][wW][sS]:' },
  errorMessage: {
    minLength: 'is not a valid tag key (1 to 128 characters)',
    maxLength: 'is not a valid tag key (1 to 128 characters)',
    not: 'is a reserved tag key (the "aws:" prefix belongs to AWS)',
  },
});

const stringMap = <T extends TSchema>(description: string, values: T, options: object = {}) =>
  Type.Record(Type.String(), values, {
    description,
    errorMessage: { type: 'must be an object of string values' },
    ...options,
  });

const AccountId = patterned('^[0-9]{12}$', 'is not an AWS account ID (12 digits)');

/** A spoke in another account needs a role there: Route 53 associates a zone from the VPC's own account. */
const crossAccountNeedsRole = {
  if: { required: ['accountId'], not: { required: ['associationRoleArn'] } },
  then: refused(
    ['accountId'],
    'is another account than the hub\'s: Route 53 associates a zone only from the VPC\'s own account; name a role there in "associationRoleArn"',
  ),
};

const spokeAccountFields = {
  accountId: Type.Optional({
    ...AccountId,
    description: "Account of the spoke VPC, when it is not the hub's (then associationRoleArn is needed). @default - the hub's account",
  }),
  associationRoleArn: Type.Optional({
    ...IamRoleArn,
    description:
      "Role in the spoke VPC's account that the hub's stack assumes to associate its zones with the VPC. @default - none (same account)",
  }),
};

/** A spoke VPC the hub serves that no stack of this config deploys (its S3 gateway is made elsewhere). */
const ExternalSpoke = Type.Object(
  {
    vpcId: { ...awsId('vpc'), description: "The spoke VPC, in the hub's region." },
    cidrBlocks: Type.Optional(
      list(ClientCidrBlock, "Networks of the spoke's clients, admitted to the hub's endpoints on 443. @default - the VPC's CIDR blocks"),
    ),
    ...spokeAccountFields,
  },
  {
    additionalProperties: false,
    title: 'a spoke VPC',
    description: "A VPC that resolves the hub's services through its zones.",
    ...crossAccountNeedsRole,
  },
);

const Hub = Type.Object(
  {
    spokes: Type.Optional(
      Type.Array(ExternalSpoke, {
        minItems: 1,
        description: 'Spoke VPCs not deployed from this config (stacks with "spokeOf" are spokes too). @default - none',
        errorMessage: { type: 'must be a list of spoke VPCs', minItems: 'is empty; list at least one' },
      }),
    ),
    endpointCidrBlocks: Type.Optional(
      list(
        ClientCidrBlock,
        "Networks of the hub's endpoint subnets, for the egress rules of spokes with clientSecurityGroupIds. @default - none",
      ),
    ),
  },
  {
    additionalProperties: false,
    title: 'a hub',
    description:
      'Makes the stack a hub: its interface endpoints without private DNS, a private hosted zone per service, shared with its spokes. {} is enough.',
    errorMessage: { type: 'must be an object such as {} or {"spokes": [...]}' },
  },
);

/** What a spoke leaves to its hub: it has no interface endpoints of its own. */
const NOT_FOR_SPOKES = [
  'privateSubnetIds',
  'workload',
  'interfaceServices',
  'additionalInterfaceServices',
  'leastPrivilegePolicies',
  'extraS3BucketArns',
  'allowedAccountIds',
  'adopt',
  'hub',
  'ipAddressType',
  'dnsRecordIpType',
  'allowedIpv6CidrBlocks',
  's3GatewayIpAddressType',
  'endpointAddresses',
  'addressOutputs',
  's3GatewayPresets',
] as const;

export const StackSchema = Type.Object(
  {
    name: patterned(
      '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$',
      'is not a valid stack name (letters, digits, "_" and "-", starting with a letter or digit; at most 64)',
      {
        description: 'Stack name; the stack is written to cdktf.out/stacks/<name>.',
      },
    ),
    region: { ...RegionName, description: 'Region of the VPC, e.g. ap-northeast-1; service names and ARNs follow its partition.' },
    namePrefix: Type.String({
      pattern: '^[A-Za-z_][A-Za-z0-9_-]{0,62}$',
      not: { pattern: '^[sS][gG](-|$)' },
      description: "Start of every Terraform resource name and of the security group's name; changing it re-creates everything.",
      errorMessage: {
        type: 'must be a string',
        pattern: 'is not a valid name prefix (a letter or "_", then letters, digits, "_" or "-"; at most 63 characters)',
        not: 'would name the security group "sg-...", which AWS refuses; choose another prefix',
      },
    }),
    vpcId: { ...awsId('vpc'), description: 'VPC of the private subnets; needs DNS support and DNS hostnames for private DNS.' },
    privateSubnetIds: Type.Optional(
      list(awsId('subnet'), "Private subnets for the interface endpoints' network interfaces, one per Availability Zone (not in a spoke)."),
    ),
    privateRouteTableIds: list(awsId('rtb'), 'Route tables of the private subnets; the S3 gateway endpoint adds its route to each.'),
    allowedCidrBlocks: Type.Optional(
      list(
        ClientCidrBlock,
        "Networks of the clients allowed to reach the endpoints on 443/tcp (in a spoke: the hub's endpoints; @default - the spoke VPC's CIDR blocks).",
      ),
    ),
    workload: oneOf(WORKLOADS, 'The workload whose documented interface endpoints to create. @default ecr-only'),
    interfaceServices: Type.Optional(
      list(
        InterfaceServiceName,
        "Interface endpoints to create instead of the workload's; must include ecr.dkr. @default - the workload's",
      ),
    ),
    additionalInterfaceServices: Type.Optional(
      list(InterfaceServiceName, "Interface endpoints to create besides the workload's. @default - none"),
    ),
    leastPrivilegePolicies: Type.Optional(
      boolean("Narrow the S3 gateway to ECR's layer bucket and the ECR endpoints to the allowed accounts. @default false"),
    ),
    extraS3BucketArns: Type.Optional(
      list(
        patterned(
          '^arn:[a-z-]+:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$',
          'is not an S3 bucket ARN (e.g. "arn:aws:s3:::my-bucket", without "/*")',
        ),
        'With leastPrivilegePolicies: more bucket ARNs the S3 gateway lets through. @default - none',
      ),
    ),
    allowedAccountIds: Type.Optional(
      list(AccountId, 'With leastPrivilegePolicies: accounts whose principals may use the ECR endpoints. @default - the deploying account'),
    ),
    clientSecurityGroupIds: Type.Optional(
      list(
        awsId('sg'),
        "Clients' security groups: egress on 443 to the endpoints and S3 only, and ingress to the endpoints. @default - none",
      ),
    ),
    s3GatewayPresets: Type.Optional(
      list(
        Type.Union(
          S3_GATEWAY_PRESET_NAMES.map((p) => Type.Literal(p)),
          { errorMessage: `is not a preset (${quotedList(S3_GATEWAY_PRESET_NAMES)})` },
        ),
        "With leastPrivilegePolicies: AWS-owned buckets the S3 gateway also lets through, the region's Amazon Linux repositories. @default - none",
      ),
    ),
    ipAddressType: oneOf(
      IP_ADDRESS_TYPES,
      "IP address type of the interface endpoints: dualstack needs IPv4 and IPv6 blocks on every subnet, ipv6 IPv6-only subnets. @default ipv4 (AWS's)",
    ),
    dnsRecordIpType: oneOf(
      DNS_RECORD_IP_TYPES,
      "DNS records of the interface endpoints' private DNS (A, AAAA or both); must suit ipAddressType. @default - AWS's for the ipAddressType",
    ),
    allowedIpv6CidrBlocks: Type.Optional(
      list(
        ClientIpv6CidrBlock,
        'With ipAddressType dualstack or ipv6: IPv6 networks of the clients allowed to reach the endpoints on 443/tcp. @default - none',
      ),
    ),
    s3GatewayIpAddressType: oneOf(
      IP_ADDRESS_TYPES,
      "IP address type of the S3 gateway endpoint; dualstack makes AWS add the IPv6 prefix-list route. @default ipv4 (AWS's)",
    ),
    endpointAddresses: Type.Optional(
      Type.Record(
        Type.String(),
        Type.Record(Type.String(), EndpointAddress, {
          propertyNames: { ...awsId('subnet'), errorMessage: 'is not a subnet ID (expected "subnet-" and 8 or 17 lowercase hex digits)' },
          errorMessage: { type: 'must be an object of subnet IDs, e.g. {"subnet-...": {"ipv4": "10.0.1.10"}}' },
        }),
        {
          description:
            'Fixed addresses of interface endpoints, by service short name and subnet ID: {"ecr.api": {"subnet-...": {"ipv4": "10.0.1.10"}}}; a service listed needs an address in every subnet. @default - AWS picks them',
          propertyNames: {
            pattern: '^[a-z0-9]+([.-][a-z0-9]+)*$',
            errorMessage: 'is not an endpoint service short name (e.g. "ecr.api")',
          },
          errorMessage: { type: 'must be an object of service short names, e.g. {"ecr.api": {...}}' },
        },
      ),
    ),
    addressOutputs: Type.Optional(
      boolean("Outputs <service>_addresses: each interface endpoint's addresses by subnet (known after apply). @default false"),
    ),
    nameTags: Type.Optional(boolean('Tag every resource Name = its resource name (<prefix>-ecr-api, <prefix>-s3, ...). @default false')),
    preflight: Type.Optional(
      boolean('Look the VPC, subnets, route tables and services up at plan time and stop a plan that would fail. @default true'),
    ),
    adopt: Type.Optional(
      Type.Object(
        { securityGroup: Type.Optional(awsId('sg')), s3: Type.Optional(awsId('vpce')) },
        {
          additionalProperties: awsId('vpce'),
          description:
            'Existing resources to import instead of create: securityGroup, s3, or an interface service short name. @default - none',
          errorMessage: { type: 'must be an object of string values' },
        },
      ),
    ),
    acknowledge: Type.Optional(
      stringMap('Synth warnings acknowledged, by rule ID, each with the reason. @default - none', patterned('\\S', 'must give a reason'), {
        propertyNames: {
          enum: [...ACKNOWLEDGEABLE_RULE_IDS],
          errorMessage: `is not a warning that can be acknowledged (${quotedList(ACKNOWLEDGEABLE_RULE_IDS)})`,
        },
      }),
    ),
    tags: Type.Optional(
      stringMap(
        'Tags for every resource. @default {}',
        Type.String({
          maxLength: 256,
          errorMessage: { type: 'must be a string', maxLength: 'is too long for a tag value (at most 256 characters)' },
        }),
        {
          propertyNames: TagKey,
        },
      ),
    ),
    backend: Type.Optional(Backend),
    hub: Type.Optional(Hub),
    spokeOf: Type.Optional(
      patterned('^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$', 'is not a stack name', {
        description:
          "Makes the stack a spoke of the named hub stack: only the S3 gateway (and client egress rules) here, the hub's zones for the rest. @default - not a spoke",
      }),
    ),
    ...spokeAccountFields,
  },
  {
    additionalProperties: false,
    title: 'a stack',
    description: "One deployable stack: one VPC's ECR PrivateLink setup, a hub's, or a spoke's.",
    allOf: [
      ...['extraS3BucketArns', 'allowedAccountIds', 's3GatewayPresets'].map((field) => ({
        if: { not: { properties: { leastPrivilegePolicies: { const: true } }, required: ['leastPrivilegePolicies'] } },
        then: refused([field], 'only takes effect with "leastPrivilegePolicies": true'),
      })),
      {
        if: { not: { required: ['spokeOf'] } },
        then: {
          required: ['privateSubnetIds', 'allowedCidrBlocks'],
          ...refused(['accountId', 'associationRoleArn'], 'is only for a spoke (a stack with "spokeOf")'),
        },
        else: refused(NOT_FOR_SPOKES, 'is not for a spoke: its hub has the interface endpoints'),
      },
      crossAccountNeedsRole,
      {
        if: { not: { properties: { ipAddressType: { enum: ['dualstack', 'ipv6'] } }, required: ['ipAddressType'] } },
        then: refused(['allowedIpv6CidrBlocks'], 'only takes effect with "ipAddressType" "dualstack" or "ipv6"'),
      },
    ],
  },
);

export const ConfigSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String({ description: 'The editor schema, e.g. ./schema.json.' })),
    stacks: Type.Array(StackSchema, {
      minItems: 1,
      description: 'The stacks to synthesize, one per VPC.',
      errorMessage: { type: 'must be a non-empty list of stacks', minItems: 'must be a non-empty list of stacks' },
    }),
  },
  {
    $id: 'ecr-privatelink-config',
    title: 'the config file',
    description: 'ECR PrivateLink app config: one stack per VPC.',
    additionalProperties: false,
    errorMessage: { type: 'must be an object such as {"stacks": [...]}' },
  },
);

/** A config file as written, before defaults. */
export type ConfigFile = Static<typeof ConfigSchema>;
/** One stack as written in the config file, before defaults. */
export type StackEntry = Static<typeof StackSchema>;
/** A backend as written in the config file, before defaults. */
export type BackendEntry = Static<typeof Backend>;
