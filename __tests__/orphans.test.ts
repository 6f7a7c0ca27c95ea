import { endpointCondition } from '../lib/orphans/endpoint-states';
import { AwsSecurityGroup, AwsVpcEndpoint, checkOrphans, OrphanCheckInput, StackResources } from '../lib/orphans/find-orphans';
import { orphanReport, OrphanReportInput } from '../lib/orphans/orphan-report';
import { StateObject, stateResources } from '../lib/orphans/state-resources';

const VPC = 'vpc-0a1b2c3d4e5f60718';
const OTHER_VPC = 'vpc-0a1b2c3d4e5f6ffff';

const STACK: StackResources = {
  vpcId: VPC,
  securityGroup: { address: 'aws_security_group.sample-ecr-privatelink', name: 'sample-ecr-privatelink' },
  s3Gateway: {
    address: 'aws_vpc_endpoint.sample-s3',
    serviceName: 'com.amazonaws.ap-northeast-1.s3',
    routeTableIds: ['rtb-0a1b2c3d4e5f60003'],
  },
  interfaceEndpoints: [
    { shortName: 'ecr.api', address: 'aws_vpc_endpoint.sample-ecr-api', serviceName: 'com.amazonaws.ap-northeast-1.ecr.api' },
    { shortName: 'ecr.dkr', address: 'aws_vpc_endpoint.sample-ecr-dkr', serviceName: 'com.amazonaws.ap-northeast-1.ecr.dkr' },
  ],
};

const GROUP: AwsSecurityGroup = { id: 'sg-0a1b2c3d4e5f60004', name: 'sample-ecr-privatelink', vpcId: VPC };

function interfaceEndpoint(id: string, service: string, overrides: Partial<AwsVpcEndpoint> = {}): AwsVpcEndpoint {
  return {
    id,
    type: 'Interface',
    serviceName: `com.amazonaws.ap-northeast-1.${service}`,
    state: 'available',
    vpcId: VPC,
    subnetIds: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'],
    routeTableIds: [],
    securityGroupIds: [GROUP.id],
    creationTime: '2025-06-10T03:24:17.000Z',
    ...overrides,
  };
}

function s3Gateway(id: string, overrides: Partial<AwsVpcEndpoint> = {}): AwsVpcEndpoint {
  return interfaceEndpoint(id, 's3', {
    type: 'Gateway',
    subnetIds: [],
    securityGroupIds: [],
    routeTableIds: ['rtb-0a1b2c3d4e5f60003'],
    ...overrides,
  });
}

/** What original.tf's apply left in AWS: the group, both ECR endpoints and the S3 gateway. */
const DEPLOYED = {
  securityGroups: [GROUP],
  endpoints: [
    interfaceEndpoint('vpce-0a1b2c3d4e5f60005', 'ecr.api'),
    interfaceEndpoint('vpce-0a1b2c3d4e5f60006', 'ecr.dkr'),
    s3Gateway('vpce-0a1b2c3d4e5f60007'),
  ],
};

const FULL_STATE: StateObject[] = [
  { address: 'aws_security_group.sample-ecr-privatelink', id: 'sg-0a1b2c3d4e5f60004' },
  { address: 'aws_vpc_endpoint.sample-ecr-api', id: 'vpce-0a1b2c3d4e5f60005' },
  { address: 'aws_vpc_endpoint.sample-ecr-dkr', id: 'vpce-0a1b2c3d4e5f60006' },
  { address: 'aws_vpc_endpoint.sample-s3', id: 'vpce-0a1b2c3d4e5f60007' },
];

function check(overrides: Partial<OrphanCheckInput>) {
  return checkOrphans({ stack: STACK, state: [], ...DEPLOYED, ...overrides });
}

const verdicts = (input: Partial<OrphanCheckInput>) => check(input).findings.map((f) => [f.key, f.id, f.verdict]);

describe('checkOrphans', () => {
  test('GIVEN the state holds everything AWS has of the stack THEN there is no orphan and nothing to adopt', () => {
    const result = check({ state: FULL_STATE });
    expect(result.findings).toEqual([]);
    expect(result.orphanCount).toBe(0);
    expect(result.adopt).toEqual({});
  });

  test("GIVEN a deploy killed after the group reached the state THEN the three endpoints are orphans, adopted by their keys in the stack's order", () => {
    const result = check({ state: FULL_STATE.slice(0, 1) });
    expect(verdicts({ state: FULL_STATE.slice(0, 1) })).toEqual([
      ['ecr.api', 'vpce-0a1b2c3d4e5f60005', 'adopt'],
      ['ecr.dkr', 'vpce-0a1b2c3d4e5f60006', 'adopt'],
      ['s3', 'vpce-0a1b2c3d4e5f60007', 'adopt'],
    ]);
    expect(result.orphanCount).toBe(3);
    expect(Object.entries(result.adopt)).toEqual([
      ['ecr.api', 'vpce-0a1b2c3d4e5f60005'],
      ['ecr.dkr', 'vpce-0a1b2c3d4e5f60006'],
      ['s3', 'vpce-0a1b2c3d4e5f60007'],
    ]);
    expect(result.findings[0].address).toBe('aws_vpc_endpoint.sample-ecr-api');
  });

  test('GIVEN an empty state THEN the security group is an orphan too, first in adopt', () => {
    expect(Object.keys(check({}).adopt)).toEqual(['securityGroup', 'ecr.api', 'ecr.dkr', 's3']);
    expect(check({}).findings[0]).toMatchObject({ key: 'securityGroup', id: GROUP.id, address: STACK.securityGroup.address });
  });

  test('GIVEN the state holds an endpoint at another address THEN it is not an orphan (the state has it)', () => {
    const state = [
      ...FULL_STATE.filter((r) => !r.address.endsWith('ecr-api')),
      { address: 'module.old.aws_vpc_endpoint.api', id: 'vpce-0a1b2c3d4e5f60005' },
    ];
    expect(check({ state }).orphanCount).toBe(0);
  });

  test("GIVEN resources that are not the stack's (other VPC, other service, other route tables, S3 interface, other group name) THEN none is listed", () => {
    const result = check({
      state: FULL_STATE,
      securityGroups: [
        GROUP,
        { ...GROUP, id: 'sg-0a1b2c3d4e5f6aaaa', name: 'other-ecr-privatelink' },
        { ...GROUP, id: 'sg-0a1b2c3d4e5f6bbbb', vpcId: OTHER_VPC },
      ],
      endpoints: [
        ...DEPLOYED.endpoints,
        interfaceEndpoint('vpce-0a1b2c3d4e5f6aaa1', 'ecr.api', { vpcId: OTHER_VPC }),
        interfaceEndpoint('vpce-0a1b2c3d4e5f6aaa2', 'logs'),
        interfaceEndpoint('vpce-0a1b2c3d4e5f6aaa3', 's3'),
        s3Gateway('vpce-0a1b2c3d4e5f6aaa4', { routeTableIds: ['rtb-0a1b2c3d4e5f6ffff'] }),
        interfaceEndpoint('vpce-0a1b2c3d4e5f6aaa5', 'ecr.dkr', { type: 'GatewayLoadBalancer' }),
      ],
    });
    expect(result.findings).toEqual([]);
  });

  test("GIVEN an S3 gateway on one of the stack's route tables and others THEN it is the stack's", () => {
    const endpoints = [
      ...DEPLOYED.endpoints.slice(0, 2),
      s3Gateway('vpce-0a1b2c3d4e5f60007', { routeTableIds: ['rtb-0a1b2c3d4e5f6ffff', 'rtb-0a1b2c3d4e5f60003'] }),
    ];
    expect(check({ state: FULL_STATE.slice(0, 3), endpoints }).adopt).toEqual({ s3: 'vpce-0a1b2c3d4e5f60007' });
  });

  test.each([
    ['deleted', 'goingAway'],
    ['deleting', 'goingAway'],
    ['Deleted', 'goingAway'],
    ['failed', 'dead'],
    ['rejected', 'dead'],
    ['Expired', 'dead'],
  ])('GIVEN an endpoint the state lacks in state %s THEN it is listed as %s, not an orphan, and not adopted', (state, verdict) => {
    const endpoints = [...DEPLOYED.endpoints, interfaceEndpoint('vpce-0a1b2c3d4e5f6dead', 'ecr.dkr', { state })];
    const result = check({ state: FULL_STATE, endpoints });
    expect(result.findings.map((f) => [f.id, f.verdict])).toEqual([['vpce-0a1b2c3d4e5f6dead', verdict]]);
    expect(result.orphanCount).toBe(0);
    expect(result.adopt).toEqual({});
  });

  test.each(['pending', 'pendingAcceptance', 'Available', 'Partial', 'some-future-state'])(
    'GIVEN an orphan endpoint in state %s THEN it is an orphan to adopt (unknown states count as live)',
    (state) => {
      const endpoints = [interfaceEndpoint('vpce-0a1b2c3d4e5f60005', 'ecr.api', { state }), ...DEPLOYED.endpoints.slice(1)];
      expect(check({ state: FULL_STATE.filter((r) => !r.address.endsWith('ecr-api')), endpoints }).adopt).toEqual({
        'ecr.api': 'vpce-0a1b2c3d4e5f60005',
      });
    },
  );

  test('GIVEN a deleted endpoint and a live one for the same place THEN the live one is adopted whatever their age', () => {
    const endpoints = [
      interfaceEndpoint('vpce-0a1b2c3d4e5f60001', 'ecr.api', { state: 'deleted', creationTime: '2025-01-01T00:00:00Z' }),
      interfaceEndpoint('vpce-0a1b2c3d4e5f60009', 'ecr.api', { creationTime: '2025-06-01T00:00:00Z' }),
    ];
    const result = check({
      state: FULL_STATE.filter((r) => !r.address.endsWith('ecr-api')),
      endpoints: [...endpoints, ...DEPLOYED.endpoints.slice(1)],
    });
    expect(result.findings.map((f) => [f.id, f.verdict])).toEqual([
      ['vpce-0a1b2c3d4e5f60009', 'adopt'],
      ['vpce-0a1b2c3d4e5f60001', 'goingAway'],
    ]);
  });

  describe('GIVEN two live orphans for one place (two interrupted deploys)', () => {
    const stateWithoutApi = FULL_STATE.filter((r) => !r.address.endsWith('ecr-api'));
    const older = interfaceEndpoint('vpce-0a1b2c3d4e5f6000a', 'ecr.api', { creationTime: '2025-06-10T03:00:00Z' });
    const newer = interfaceEndpoint('vpce-0a1b2c3d4e5f6000b', 'ecr.api', { creationTime: '2025-06-10T04:00:00Z' });
    const endpointsWith = (...api: AwsVpcEndpoint[]) => [...api, ...DEPLOYED.endpoints.slice(1)];

    test('THEN the older is adopted and the newer is a duplicate of it, counted as an orphan', () => {
      const result = check({ state: stateWithoutApi, endpoints: endpointsWith(newer, older) });
      expect(result.findings.map((f) => [f.id, f.verdict, f.heldBy?.id])).toEqual([
        [older.id, 'adopt', undefined],
        [newer.id, 'duplicate', older.id],
      ]);
      expect(result.findings[1].heldBy).toEqual({ id: older.id, inState: false, seenInAws: true });
      expect(result.orphanCount).toBe(2);
      expect(result.adopt).toEqual({ 'ecr.api': older.id });
    });

    test('WHEN the older is still pending THEN the available one is adopted', () => {
      const result = check({ state: stateWithoutApi, endpoints: endpointsWith({ ...older, state: 'pending' }, newer) });
      expect(result.adopt).toEqual({ 'ecr.api': newer.id });
    });

    test("WHEN the config's adopt already names the newer THEN that choice is kept and marked as already there", () => {
      const result = check({ state: stateWithoutApi, endpoints: endpointsWith(older, newer), adopt: { 'ecr.api': newer.id } });
      expect(result.adopt).toEqual({ 'ecr.api': newer.id });
      expect(result.findings[0]).toMatchObject({ id: newer.id, verdict: 'adopt', alreadyInAdopt: true });
    });
  });

  test("GIVEN a live orphan for a place the state holds THEN it is a duplicate of the state's, not adopted", () => {
    const extra = interfaceEndpoint('vpce-0a1b2c3d4e5f6000c', 'ecr.dkr');
    const result = check({ state: FULL_STATE, endpoints: [...DEPLOYED.endpoints, extra] });
    expect(result.findings).toEqual([
      expect.objectContaining({
        id: extra.id,
        verdict: 'duplicate',
        heldBy: { id: 'vpce-0a1b2c3d4e5f60006', inState: true, seenInAws: true },
      }),
    ]);
    expect(result.orphanCount).toBe(1);
    expect(result.adopt).toEqual({});
  });

  test('GIVEN the state holds a place with an ID AWS no longer has THEN the orphan there says so (seenInAws false)', () => {
    const replacement = interfaceEndpoint('vpce-0a1b2c3d4e5f6000d', 'ecr.dkr');
    const endpoints = [DEPLOYED.endpoints[0], { ...DEPLOYED.endpoints[1], state: 'deleted' }, replacement, DEPLOYED.endpoints[2]];
    const [finding] = check({ state: FULL_STATE, endpoints }).findings.filter((f) => f.verdict === 'duplicate');
    expect(finding).toMatchObject({ id: replacement.id, heldBy: { id: 'vpce-0a1b2c3d4e5f60006', inState: true, seenInAws: false } });
  });

  test("GIVEN entries already in the config's adopt THEN the advised object keeps them, advised ones set, in the stack's order", () => {
    const result = check({
      state: FULL_STATE.slice(0, 2),
      adopt: { s3: 'vpce-0a1b2c3d4e5f6eeee', securityGroup: GROUP.id, logs: 'vpce-0a1b2c3d4e5f6ffff' },
    });
    expect(Object.entries(result.adopt)).toEqual([
      ['securityGroup', GROUP.id],
      ['ecr.dkr', 'vpce-0a1b2c3d4e5f60006'],
      ['s3', 'vpce-0a1b2c3d4e5f60007'],
      ['logs', 'vpce-0a1b2c3d4e5f6ffff'],
    ]);
  });

  test('GIVEN a service named like an Object member ("constructor") and no adopt THEN it is judged like any other', () => {
    const stack = {
      ...STACK,
      interfaceEndpoints: [
        {
          shortName: 'constructor',
          address: 'aws_vpc_endpoint.sample-constructor',
          serviceName: 'com.amazonaws.ap-northeast-1.constructor',
        },
      ],
    };
    const result = checkOrphans({
      stack,
      state: FULL_STATE,
      securityGroups: [GROUP],
      endpoints: [interfaceEndpoint('vpce-0a1b2c3d4e5f6cccc', 'constructor')],
    });
    expect(result.findings).toEqual([expect.objectContaining({ key: 'constructor', verdict: 'adopt', alreadyInAdopt: false })]);
    expect(JSON.stringify(result.adopt)).toBe('{"constructor":"vpce-0a1b2c3d4e5f6cccc"}');
  });
});

describe('endpointCondition', () => {
  test.each([
    ['available', 'live'],
    ['pending', 'live'],
    ['pendingAcceptance', 'live'],
    ['partial', 'live'],
    ['deleting', 'goingAway'],
    ['deleted', 'goingAway'],
    ['failed', 'dead'],
    ['rejected', 'dead'],
    ['expired', 'dead'],
  ])('GIVEN state %s THEN the endpoint is %s', (state, condition) => {
    expect(endpointCondition(state)).toBe(condition);
  });
});

describe('stateResources (terraform state pull)', () => {
  /** A state as `terraform state pull` prints it (format version 4), with `resources` as given. */
  const pulled = (resources: readonly object[]) =>
    JSON.stringify(
      { version: 4, terraform_version: '1.11.4', serial: 3, lineage: 'x', outputs: {}, resources, check_results: null },
      null,
      2,
    );
  const provider = 'provider["registry.terraform.io/hashicorp/aws"]';
  const instance = (id: string | null, more: object = {}) => ({ ...more, schema_version: 0, attributes: { id }, sensitive_attributes: [] });
  const resource = (mode: string, type: string, name: string, instances: readonly object[], more: object = {}) => ({
    ...more,
    mode,
    type,
    name,
    provider,
    instances,
  });

  test('GIVEN no output (no state yet) THEN there is no resource', () => {
    expect(stateResources('')).toEqual([]);
    expect(stateResources('\n')).toEqual([]);
  });

  test('GIVEN a state without resources THEN there is no resource', () => {
    expect(stateResources(pulled([]))).toEqual([]);
  });

  test("GIVEN managed resources and data sources THEN only the managed ones are listed, with their IDs, in the state's order", () => {
    const text = pulled([
      resource('data', 'aws_vpc', 'selected', [instance('vpc-0a1b2c3d4e5f60718')]),
      resource('managed', 'aws_security_group', 'sample-ecr-privatelink', [instance('sg-0a1b2c3d4e5f60004')]),
      resource('managed', 'aws_vpc_endpoint', 'sample-ecr-api', [instance('vpce-0a1b2c3d4e5f60005')]),
    ]);
    expect(stateResources(text)).toEqual([
      { address: 'aws_security_group.sample-ecr-privatelink', id: 'sg-0a1b2c3d4e5f60004' },
      { address: 'aws_vpc_endpoint.sample-ecr-api', id: 'vpce-0a1b2c3d4e5f60005' },
    ]);
  });

  test('GIVEN resources in modules, with count and for_each keys THEN each instance has its address as Terraform prints it', () => {
    const text = pulled([
      resource('managed', 'aws_vpc_endpoint', 'counted', [instance('vpce-1', { index_key: 0 }), instance('vpce-2', { index_key: 1 })], {
        each: 'list',
      }),
      resource('managed', 'aws_vpc_endpoint', 'each', [instance('vpce-3', { index_key: 'ecr.api' })], { each: 'map' }),
      resource('managed', 'aws_security_group', 'g', [instance('sg-1')], { module: 'module.old' }),
      resource('managed', 'aws_security_group', 'g', [instance('sg-2', { index_key: 0 })], {
        module: 'module.hub["a"].module.spoke',
        each: 'list',
      }),
      resource('data', 'aws_vpc', 'v', [instance('vpc-1')], { module: 'module.old' }),
    ]);
    expect(stateResources(text)).toEqual([
      { address: 'aws_vpc_endpoint.counted[0]', id: 'vpce-1' },
      { address: 'aws_vpc_endpoint.counted[1]', id: 'vpce-2' },
      { address: 'aws_vpc_endpoint.each["ecr.api"]', id: 'vpce-3' },
      { address: 'module.old.aws_security_group.g', id: 'sg-1' },
      { address: 'module.hub["a"].module.spoke.aws_security_group.g[0]', id: 'sg-2' },
    ]);
  });

  test('GIVEN for_each keys with quotes, backslashes, template sequences and unprintable characters THEN they are escaped as Terraform escapes them', () => {
    // The addresses `terraform show -json` printed for these keys (Terraform 1.11).
    const keys: [string, string][] = [
      ['b"q', 'x["b\\"q"]'],
      ['back\\slash', 'x["back\\\\slash"]'],
      ['c${x}', 'x["c$${x}"]'],
      ['%{x}', 'x["%%{x}"]'],
      ['$x and %x', 'x["$x and %x"]'],
      ['tab\there', 'x["tab\\there"]'],
      ['nl\nx', 'x["nl\\nx"]'],
      ['ctl\u0001', 'x["ctl\\u0001"]'],
      ['nb\u00a0sp', 'x["nb\\u00a0sp"]'],
      ['é😀', 'x["é😀"]'],
    ];
    const text = pulled([
      resource(
        'managed',
        'terraform_data',
        'x',
        keys.map(([key], i) => instance(`id-${i}`, { index_key: key })),
      ),
    ]);
    expect(stateResources(text).map((r) => r.address)).toEqual(keys.map(([, address]) => `terraform_data.${address}`));
  });

  test('GIVEN a tainted instance and a deposed one (a create-before-destroy replacement that failed) THEN both are listed, the current one first', () => {
    const text = pulled([
      resource('managed', 'aws_vpc_endpoint', 'sample-ecr-api', [
        instance('vpce-new', { status: 'tainted' }),
        instance('vpce-old', { deposed: 'fa3d6d0d' }),
      ]),
      resource('managed', 'aws_vpc_endpoint', 'sample-ecr-dkr', [instance('vpce-only-deposed', { index_key: 0, deposed: '00000001' })]),
    ]);
    expect(stateResources(text)).toEqual([
      { address: 'aws_vpc_endpoint.sample-ecr-api', id: 'vpce-new' },
      { address: 'aws_vpc_endpoint.sample-ecr-api', id: 'vpce-old' },
      { address: 'aws_vpc_endpoint.sample-ecr-dkr[0]', id: 'vpce-only-deposed' },
    ]);
  });

  test('GIVEN an instance without an ID THEN it is left out', () => {
    const text = pulled([resource('managed', 'aws_security_group', 'g', [instance(null), instance('', { index_key: 1 })])]);
    expect(stateResources(text)).toEqual([]);
  });

  test.each([
    ['not JSON', 'Error: no state', 'terraform state pull printed something that is not JSON'],
    ['JSON that is not a state', '{"format_version":"1.0","values":{}}', 'is not a Terraform state file (format version 4'],
    ['null', 'null', 'is not a Terraform state file (format version 4'],
    [
      'a state of format version 3 (Terraform 0.11)',
      '{"version":3,"modules":[{"path":["root"],"resources":{}}]}',
      'is not a Terraform state file (format version 4, as `terraform state pull` writes it); it has format version 3',
    ],
  ])('GIVEN %s THEN it throws, naming terraform state pull and what is wrong', (_, text, message) => {
    expect(() => stateResources(text)).toThrow(message);
    expect(() => stateResources(text)).toThrow(/^terraform state pull printed something that /);
  });
});

describe('orphanReport', () => {
  const input = (overrides: Partial<OrphanCheckInput>, report: Partial<OrphanReportInput> = {}): string =>
    orphanReport({
      stackName: 'sample',
      region: 'ap-northeast-1',
      vpcId: VPC,
      configFile: 'config/stacks.json',
      configFromFlag: false,
      stateResourceCount: 1,
      check: check(overrides),
      ...report,
    });

  /** The `"adopt": {...}` snippet of a report, parsed as the config would read it. */
  const pastedAdopt = (text: string): unknown => JSON.parse(`{${/^"adopt": \{[\s\S]*?^\}/m.exec(text)![0]}}`).adopt;

  test('GIVEN no orphan THEN it says so and prints no adopt entry', () => {
    const text = input({ state: FULL_STATE }, { stateResourceCount: 4 });
    expect(text).toContain('No orphans: AWS has nothing of stack "sample" that its state lacks.');
    expect(text).not.toContain('"adopt"');
  });

  test('GIVEN orphans THEN each is listed with its ID, state and address, and the adopt entry parses to the advised object', () => {
    const text = input({ state: FULL_STATE.slice(0, 1) });
    expect(text).toContain('In AWS but not in the state: 3 orphan(s).');
    expect(text).toMatch(/^ {2}ecr\.dkr +vpce-0a1b2c3d4e5f60006 {2}available {2}-> adopt as aws_vpc_endpoint\.sample-ecr-dkr$/m);
    expect(pastedAdopt(text)).toEqual({
      'ecr.api': 'vpce-0a1b2c3d4e5f60005',
      'ecr.dkr': 'vpce-0a1b2c3d4e5f60006',
      s3: 'vpce-0a1b2c3d4e5f60007',
    });
  });

  test('GIVEN orphans THEN the next steps are diff (3 to import), deploy, the check again, and removing adopt', () => {
    const text = input({ state: FULL_STATE.slice(0, 1) });
    const steps = text.slice(text.indexOf('To take the 3 orphan(s) over'));
    expect(steps).toMatch(/3\. npx cdktf diff sample\n +shows 3 to import and nothing to destroy or replace/);
    expect(steps).toContain('4. npx cdktf deploy sample');
    expect(steps).toContain('5. npm run -s orphans -- --stack sample  now exits 0; then remove "adopt" from the config');
  });

  test('GIVEN the config came from --config THEN the cdktf commands name it in ECR_PRIVATELINK_CONFIG, quoted when needed', () => {
    const text = input({}, { configFile: 'my configs/stacks.json', configFromFlag: true });
    expect(text).toContain("3. ECR_PRIVATELINK_CONFIG='my configs/stacks.json' npx cdktf diff sample");
    expect(text).toContain("npm run -s orphans -- --stack sample --config 'my configs/stacks.json'  now exits 0");
  });

  test('GIVEN duplicates and a failed endpoint THEN they get delete commands, endpoints first, and are not in adopt', () => {
    const endpoints = [
      ...DEPLOYED.endpoints,
      interfaceEndpoint('vpce-0a1b2c3d4e5f6000c', 'ecr.dkr'),
      interfaceEndpoint('vpce-0a1b2c3d4e5f6000e', 'ecr.api', { state: 'failed' }),
    ];
    const text = input({ state: FULL_STATE, endpoints });
    expect(text).toContain('DUPLICATE: the state holds aws_vpc_endpoint.sample-ecr-dkr as vpce-0a1b2c3d4e5f60006; delete this one');
    expect(text).toContain(
      'aws ec2 delete-vpc-endpoints --region ap-northeast-1 --vpc-endpoint-ids vpce-0a1b2c3d4e5f6000e vpce-0a1b2c3d4e5f6000c',
    );
    expect(text).not.toContain('"adopt"');
  });

  test("GIVEN a group that is a duplicate of the state's THEN its delete command is delete-security-group", () => {
    const state = FULL_STATE.map((r) => (r.id === GROUP.id ? { ...r, id: 'sg-0a1b2c3d4e5f6aaaa' } : r));
    const text = input({ state, securityGroups: [GROUP, { ...GROUP, id: 'sg-0a1b2c3d4e5f6aaaa' }] });
    expect(text).toContain(`aws ec2 delete-security-group --region ap-northeast-1 --group-id ${GROUP.id}`);
  });

  test('GIVEN an orphan whose place the state holds with an ID AWS no longer has THEN it says how to keep it, with no delete command', () => {
    const endpoints = [DEPLOYED.endpoints[0], interfaceEndpoint('vpce-0a1b2c3d4e5f6000d', 'ecr.dkr'), DEPLOYED.endpoints[2]];
    const text = input({ state: FULL_STATE, endpoints });
    expect(text).toContain('the state holds aws_vpc_endpoint.sample-ecr-dkr as vpce-0a1b2c3d4e5f60006, which AWS no longer has');
    expect(text).toContain('terraform state rm aws_vpc_endpoint.sample-ecr-dkr');
    expect(text).not.toContain('delete-vpc-endpoints');
  });

  test('GIVEN endpoints being deleted THEN they are listed apart as not orphans', () => {
    const endpoints = [...DEPLOYED.endpoints, interfaceEndpoint('vpce-0a1b2c3d4e5f6000f', 'ecr.api', { state: 'deleting' })];
    const text = input({ state: FULL_STATE, endpoints });
    expect(text).toContain('No orphans');
    expect(text).toMatch(/Not orphans, nothing to adopt[^\n]*\n {2}ecr\.api +vpce-0a1b2c3d4e5f6000f {2}deleting {2}being deleted by AWS/);
  });
});
