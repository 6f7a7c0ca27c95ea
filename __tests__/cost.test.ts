import { writeFileSync } from 'fs';
import * as path from 'path';
import { parseConfig } from '../lib/config/parse-config';
import { CostedVpc, layoutCost } from '../lib/cost/layout-cost';
import { layoutFromConfig } from '../lib/cost/layout-from-config';
import { PRICES, PriceTable } from '../lib/cost/prices';
import { main } from '../scripts/cost';
import { tempProject } from './support/app-process';
import { HUB_AND_SPOKES_CONFIG } from './support/hub-and-spoke';

/** Round prices, so that the expected amounts can be worked out by hand. */
const TABLE: PriceTable = {
  asOf: '2026-01-01',
  currency: 'USD',
  hoursPerMonth: 730,
  regions: {
    'us-east-1': {
      interfaceEndpointHour: 0.01,
      interfaceEndpointGb: 0.01,
      natGatewayHour: 0.045,
      natGatewayGb: 0.045,
      transitGatewayAttachmentHour: 0.05,
      transitGatewayGb: 0.02,
    },
    'ap-northeast-1': { interfaceEndpointHour: 0.014, interfaceEndpointGb: 0.01, natGatewayHour: 0.062, natGatewayGb: 0.062 },
  },
};

const vpc = (name: string, role: CostedVpc['role'], overrides: Partial<CostedVpc> = {}): CostedVpc => ({
  name,
  role,
  region: 'us-east-1',
  azs: 3,
  azsAssumed: role === 'spoke',
  interfaceServices: 2,
  ...(role === 'spoke' ? { hub: 'hub' } : {}),
  ...overrides,
});

describe('cost of a layout', () => {
  describe('GIVEN a hub with two spokes in us-east-1, 2 services in 3 AZs, 100 GB a month per VPC', () => {
    const cost = layoutCost([vpc('hub', 'hub'), vpc('a', 'spoke'), vpc('b', 'spoke')], TABLE, 100);

    test('THEN the hub pays 6 endpoint-AZs for 730 hours plus its GB, and each spoke only its GB through the hub', () => {
      // 6 × 730 × 0.01 + 100 × 0.01 = 43.80 + 1.00
      expect(cost.vpcs.map((c) => [c.vpc.name, c.endpointAzs, c.amounts?.asConfigured])).toEqual([
        ['hub', 6, 44.8],
        ['a', 0, 1],
        ['b', 0, 1],
      ]);
    });

    test('THEN with endpoints of their own each VPC would pay what the hub pays, and with a NAT gateway per AZ 3 × 730 × 0.045 + 100 × 0.045', () => {
      expect(cost.total).toEqual({ asConfigured: 46.8, ownEndpoints: 134.4, natPerAz: 309.15 });
    });

    test('THEN a Transit Gateway would add 3 attachments for 730 hours and the spokes’ 200 GB', () => {
      // 3 × 730 × 0.05 + 2 × 100 × 0.02 = 109.50 + 4.00
      expect(cost.transit).toEqual([{ hub: 'hub', region: 'us-east-1', attachments: 3, monthly: 113.5 }]);
    });
  });

  test('GIVEN a standalone stack THEN as configured equals own endpoints (it has them)', () => {
    const [only] = layoutCost([vpc('s', 'standalone', { azs: 2 })], TABLE).vpcs;
    expect(only.amounts).toEqual({ asConfigured: 29.2, ownEndpoints: 29.2, natPerAz: 65.7 });
  });

  test('GIVEN a region without a price THEN it is named with its VPCs and left out of the totals, not estimated', () => {
    const cost = layoutCost(
      [vpc('s', 'standalone'), vpc('eu', 'standalone', { region: 'eu-west-1' }), vpc('eu2', 'hub', { region: 'eu-west-1' })],
      TABLE,
    );
    expect(cost.unpriced).toEqual([{ region: 'eu-west-1', vpcs: ['eu', 'eu2'] }]);
    expect(cost.vpcs.map((c) => c.amounts === undefined)).toEqual([false, true, true]);
    expect(cost.total).toEqual(cost.vpcs[0].amounts);
    expect(cost.transit).toEqual([{ hub: 'eu2', region: 'eu-west-1', attachments: 1, monthly: undefined }]);
  });

  test('GIVEN a region priced without Transit Gateway THEN the hub’s transit line has no amount', () => {
    const cost = layoutCost([vpc('hub', 'hub', { region: 'ap-northeast-1' })], TABLE);
    expect(cost.transit[0].monthly).toBeUndefined();
    expect(cost.total.asConfigured).toBe(61.32); // 6 × 730 × 0.014
  });

  test('GIVEN the hub-and-spokes config THEN each spoke counts its hub’s services and AZs (assumed), listed spokes too', () => {
    const config = parseConfig(
      JSON.stringify({
        stacks: [
          { ...HUB_AND_SPOKES_CONFIG.stacks[0], workload: 'eks', hub: { spokes: [{ vpcId: 'vpc-0c0c0c0c0c0c0c0c3' }] } },
          ...HUB_AND_SPOKES_CONFIG.stacks.slice(1),
        ],
      }),
      'hub.json',
    );
    expect(layoutFromConfig(config).map((v) => [v.name, v.role, v.azs, v.azsAssumed, v.interfaceServices])).toEqual([
      ['hub', 'hub', 2, false, 7],
      ['hub:vpc-0c0c0c0c0c0c0c0c3', 'spoke', 2, true, 7],
      ['team-a', 'spoke', 2, true, 7],
      ['team-b', 'spoke', 2, true, 7],
    ]);
  });

  test('GIVEN the committed price table THEN it is dated and every region has its prices and their sources', () => {
    expect(PRICES.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(PRICES.regions).length).toBeGreaterThan(0);
    for (const [region, prices] of Object.entries(PRICES.regions)) {
      const { sources, ...amounts } = prices as typeof prices & { sources: string[] };
      expect([region, sources.length > 0]).toEqual([region, true]);
      expect(Object.values(amounts).every((amount) => typeof amount === 'number' && amount > 0)).toBe(true);
    }
  });
});

describe('npm run cost', () => {
  let stdout: jest.SpyInstance;
  let stderr: jest.SpyInstance;

  beforeEach(() => {
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    stdout.mockRestore();
    stderr.mockRestore();
  });

  const printed = (spy: jest.SpyInstance): string => spy.mock.calls.map((call) => call.join(' ')).join('\n');
  const configFile = (config: object): string => {
    const file = path.join(tempProject('cost'), 'config.json');
    writeFileSync(file, JSON.stringify(config));
    return file;
  };

  test('GIVEN the example config THEN it prints the stack, the total and the three layouts, exit 0', () => {
    expect(main({}, [])).toBe(0);
    const text = printed(stdout);
    expect(text).toContain(`prices of ${PRICES.asOf}`);
    expect(text).toMatch(/as configured\s+own endpoints\s+NAT per AZ/);
    expect(text).toMatch(/^sample\s+standalone\s+ap-northeast-1\s+2\s+4\s/m);
    expect(text).toMatch(/^total\s/m);
  });

  test('GIVEN --json and --gb THEN the report is JSON with the GB and one entry per VPC, the hub’s spokes included', () => {
    const file = configFile(HUB_AND_SPOKES_CONFIG);
    expect(main({}, ['--config', file, '--gb', '250', '--json'])).toBe(0);
    const report = JSON.parse(printed(stdout));
    expect(report).toMatchObject({ config: file, gbPerVpc: 250, currency: 'USD', asOf: PRICES.asOf });
    expect(report.vpcs.map((c: { vpc: { name: string } }) => c.vpc.name)).toEqual(['hub', 'team-a', 'team-b']);
    expect(report.total.ownEndpoints).toBeGreaterThan(report.total.asConfigured);
  });

  test('GIVEN a stack in a region without a price THEN the region is named and its stack has no amount', () => {
    const file = configFile({ stacks: [{ ...HUB_AND_SPOKES_CONFIG.stacks[0], hub: undefined, region: 'eu-west-1' }] });
    expect(main({}, [`--config=${file}`])).toBe(0);
    expect(printed(stdout)).toContain('Not priced: eu-west-1 has no price in reference/prices.json (left out of the totals: hub).');
    expect(printed(stdout)).toMatch(/^hub\s+standalone\s+eu-west-1\s+2\s+4\s+no price\s+no price\s+no price$/m);
  });

  test.each([
    [['--gb', 'lots'], '--gb: "lots" is not a number of GB a month'],
    [['--gb=-5'], '--gb: "-5" is not a number of GB a month'],
    [['--bytes', '5'], "Unknown option '--bytes'"],
  ])('GIVEN %j THEN it exits 2 with the problem and the usage line', (args, message) => {
    expect(main({}, args)).toBe(2);
    expect(printed(stderr)).toContain(message);
    expect(printed(stderr)).toContain('Usage: npm run -s cost');
  });

  test('GIVEN --help THEN it prints the usage and exits 0', () => {
    expect(main({}, ['--help'])).toBe(0);
    expect(printed(stdout)).toContain('Usage: npm run -s cost');
  });

  test('GIVEN a config the app refuses THEN exit 1 with its message, and no report', () => {
    const file = configFile({ stacks: [{ ...HUB_AND_SPOKES_CONFIG.stacks[1] }] });
    expect(main({}, ['--config', file])).toBe(1);
    expect(printed(stderr)).toContain('stacks[0].spokeOf: "hub" names no stack of this config');
    expect(printed(stdout)).toBe('');
  });
});
