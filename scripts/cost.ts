/**
 * `npm run -s cost [-- --config FILE] [--gb N] [--json]`: what the config's layout costs a month.
 *
 * For each stack (and each spoke VPC a hub lists), and in total: interface endpoint-AZ-hours at the
 * region's hourly price (plus N GB a month per VPC at the per-GB price, with --gb), next to the same
 * VPCs each with endpoints of their own, and next to a NAT gateway per AZ. A hub's line says what a
 * Transit Gateway would add if its spokes are not attached to one yet. Prices come from the dated table
 * reference/prices.json; a region without a price is named and left out of the totals, never guessed.
 * Exit 0 with the report, 1 for a config the app refuses, 2 for a wrong command line.
 */
import { LayoutCost, layoutCost, VpcCost } from '../lib/cost/layout-cost';
import { layoutFromConfig } from '../lib/cost/layout-from-config';
import { PRICES } from '../lib/cost/prices';
import { ValidationError } from '../lib/validation/problem';
import { readConfigFromFlagOrEnv } from '../stacks/config-file';
import { parseCommandLine } from './cli';

const USAGE = 'Usage: npm run -s cost -- [--config FILE] [--gb N] [--json]';

const HELP = `${USAGE}

What the config's layout costs a month: interface endpoints per AZ-hour (and --gb N GB a month per VPC
through them), next to the same VPCs each with endpoints of their own and next to a NAT gateway per AZ.
Prices: reference/prices.json (${PRICES.asOf}); regions without a price are named, not estimated.

  --config FILE  the config file (default: $ECR_PRIVATELINK_CONFIG, else config/example.json)
  --gb N         GB each VPC sends to the services a month, e.g. 500 (default 0); image layers take the
                 free S3 gateway in every layout and are not part of it
  --json         the report as JSON, for machines
  --help         this text`;

export function main(env: NodeJS.ProcessEnv = process.env, args: readonly string[] = process.argv.slice(2)): number {
  const parsed = parseCommandLine(args, { config: { type: 'string' }, gb: { type: 'string' }, json: { type: 'boolean' } }, USAGE, HELP);
  if ('exitCode' in parsed) {
    return parsed.exitCode;
  }
  const gb = parsed.values.gb === undefined ? 0 : Number(parsed.values.gb);
  if (!/^\d+(\.\d+)?$/.test(parsed.values.gb ?? '0') || !Number.isFinite(gb)) {
    console.error(`--gb: ${JSON.stringify(parsed.values.gb)} is not a number of GB a month (e.g. 500)\n${USAGE}`);
    return 2;
  }
  let loaded: ReturnType<typeof readConfigFromFlagOrEnv>;
  try {
    loaded = readConfigFromFlagOrEnv(parsed.values.config, env);
  } catch (error) {
    if (!(error instanceof ValidationError)) {
      throw error;
    }
    console.error(`Config refused, no cost computed.\n${error.message}`);
    return 1;
  }
  const cost = layoutCost(layoutFromConfig(loaded.config), PRICES, gb);
  process.stdout.write(parsed.values.json ? `${JSON.stringify({ config: loaded.file, ...cost }, null, 2)}\n` : report(loaded.file, cost));
  return 0;
}

function report(file: string, cost: LayoutCost): string {
  const money = (amount: number | undefined): string => (amount === undefined ? 'no price' : amount.toFixed(2));
  const header = ['stack', 'role', 'region', 'AZs', 'endpoint-AZs', 'as configured', 'own endpoints', 'NAT per AZ'];
  const row = (c: VpcCost): string[] => [
    c.vpc.name,
    c.vpc.hub ? `spoke of ${c.vpc.hub}` : c.vpc.role,
    c.vpc.region,
    `${c.vpc.azs}${c.vpc.azsAssumed ? '*' : ''}`,
    String(c.endpointAzs),
    money(c.amounts?.asConfigured),
    money(c.amounts?.ownEndpoints),
    money(c.amounts?.natPerAz),
  ];
  const rows = [
    header,
    ...cost.vpcs.map(row),
    ['total', '', '', '', '', money(cost.total.asConfigured), money(cost.total.ownEndpoints), money(cost.total.natPerAz)],
  ];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]): string =>
    r
      .map((cell, i) => (i >= 3 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const notes = [
    ...(cost.vpcs.some((c) => c.vpc.azsAssumed) ? ["* a spoke's AZs are its hub's (a spoke lists no subnets)."] : []),
    ...cost.transit.map((t) =>
      t.monthly === undefined
        ? `Hub "${t.hub}": its spokes reach it over Transit Gateway or peering; no Transit Gateway price for ${t.region} in the table.`
        : `Hub "${t.hub}": its spokes reach it over Transit Gateway or peering. If they are not attached yet, a Transit Gateway adds ${t.attachments} attachment(s) and the spokes' GB: ${t.monthly.toFixed(2)} ${cost.currency} a month.`,
    ),
    ...cost.unpriced.map(
      (u) => `Not priced: ${u.region} has no price in reference/prices.json (left out of the totals: ${u.vpcs.join(', ')}).`,
    ),
  ];
  return [
    `Monthly cost of ${file} in ${cost.currency} (prices of ${cost.asOf}, ${cost.hoursPerMonth} hours a month, ${cost.gbPerVpc} GB a month per VPC):`,
    '',
    ...rows.map(line),
    ...(notes.length > 0 ? ['', ...notes] : []),
    '',
  ].join('\n');
}

if (require.main === module) {
  process.exitCode = main();
}
