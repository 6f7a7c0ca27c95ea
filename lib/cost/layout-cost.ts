import { PriceTable, RegionPrices } from './prices';

/** One VPC of a layout, as the cost model sees it. */
export interface CostedVpc {
  /** The stack's name, or `<hub>:<vpc-id>` for a spoke VPC listed in a hub. */
  readonly name: string;
  /** `standalone`: endpoints of its own; `hub`: endpoints shared with spokes; `spoke`: uses its hub's. */
  readonly role: 'standalone' | 'hub' | 'spoke';
  readonly region: string;
  /** Availability Zones its endpoints would span: its subnets, or for a spoke its hub's. */
  readonly azs: number;
  /** Whether `azs` is assumed (a spoke's, taken from its hub) rather than configured. */
  readonly azsAssumed: boolean;
  /** Interface services it uses (a spoke: its hub's). */
  readonly interfaceServices: number;
  /** A spoke's hub. */
  readonly hub?: string;
}

/** Monthly amounts of one VPC, or of the total. */
export interface Amounts {
  /** The layout as configured: own or hub endpoints, spokes with none. */
  readonly asConfigured: number;
  /** The same VPCs each with endpoints of its own. */
  readonly ownEndpoints: number;
  /** The same VPCs each with a NAT gateway per AZ instead of interface endpoints. */
  readonly natPerAz: number;
}

export interface VpcCost {
  readonly vpc: CostedVpc;
  /** Interface endpoints × AZs billed as configured (0 for a spoke). */
  readonly endpointAzs: number;
  /** Undefined when the table has no price for the region. */
  readonly amounts?: Amounts;
}

/** What a hub's spokes add when they are not on a Transit Gateway already. */
export interface TransitCost {
  readonly hub: string;
  readonly region: string;
  /** The hub's VPC and each spoke's. */
  readonly attachments: number;
  /** Attachment-hours and the spokes' GB, a month; undefined when the table has no Transit Gateway price. */
  readonly monthly?: number;
}

export interface LayoutCost {
  readonly asOf: string;
  readonly currency: string;
  readonly hoursPerMonth: number;
  /** GB a month each VPC sends through interface endpoints (or the NAT gateway). */
  readonly gbPerVpc: number;
  readonly vpcs: readonly VpcCost[];
  /** The priced VPCs' sums. */
  readonly total: Amounts;
  readonly transit: readonly TransitCost[];
  /** Regions without a price, each with the VPCs left out of the total. */
  readonly unpriced: readonly { readonly region: string; readonly vpcs: readonly string[] }[];
}

const cents = (amount: number): number => Math.round(amount * 100) / 100;

/**
 * The monthly cost of a layout, from a price table: endpoint-AZ-hours at the region's hourly price plus
 * `gbPerVpc` at its per-GB price, next to the same VPCs with endpoints of their own, and with a NAT
 * gateway per AZ. A hub's spokes pay no endpoint hours (their S3 gateway is free) but their GB still pass
 * the hub's endpoints. Regions missing from the table are listed, never estimated.
 */
export function layoutCost(vpcs: readonly CostedVpc[], prices: PriceTable, gbPerVpc = 0): LayoutCost {
  const hours = prices.hoursPerMonth;
  const costed = vpcs.map((vpc): VpcCost => {
    const own = vpc.interfaceServices * vpc.azs;
    const endpointAzs = vpc.role === 'spoke' ? 0 : own;
    const p: RegionPrices | undefined = prices.regions[vpc.region];
    if (!p) {
      return { vpc, endpointAzs };
    }
    const data = gbPerVpc * p.interfaceEndpointGb;
    return {
      vpc,
      endpointAzs,
      amounts: {
        asConfigured: cents(endpointAzs * hours * p.interfaceEndpointHour + data),
        ownEndpoints: cents(own * hours * p.interfaceEndpointHour + data),
        natPerAz: cents(vpc.azs * hours * p.natGatewayHour + gbPerVpc * p.natGatewayGb),
      },
    };
  });
  const priced = costed.flatMap((c) => (c.amounts ? [c.amounts] : []));
  const sum = (key: keyof Amounts): number => cents(priced.reduce((total, amounts) => total + amounts[key], 0));
  const unpricedRegions = [...new Set(costed.filter((c) => !c.amounts).map((c) => c.vpc.region))];
  return {
    asOf: prices.asOf,
    currency: prices.currency,
    hoursPerMonth: hours,
    gbPerVpc,
    vpcs: costed,
    total: { asConfigured: sum('asConfigured'), ownEndpoints: sum('ownEndpoints'), natPerAz: sum('natPerAz') },
    transit: vpcs
      .filter((vpc) => vpc.role === 'hub')
      .map((hub): TransitCost => {
        const spokes = vpcs.filter((vpc) => vpc.role === 'spoke' && vpc.hub === hub.name).length;
        const p = prices.regions[hub.region];
        const known = p?.transitGatewayAttachmentHour !== undefined && p.transitGatewayGb !== undefined;
        return {
          hub: hub.name,
          region: hub.region,
          attachments: spokes + 1,
          monthly: known
            ? cents((spokes + 1) * hours * p.transitGatewayAttachmentHour! + spokes * gbPerVpc * p.transitGatewayGb!)
            : undefined,
        };
      }),
    unpriced: unpricedRegions.map((region) => ({
      region,
      vpcs: costed.filter((c) => !c.amounts && c.vpc.region === region).map((c) => c.vpc.name),
    })),
  };
}
