import table from '../../reference/prices.json';

/** On-Demand prices of one region, in the table's currency. */
export interface RegionPrices {
  /** Per interface endpoint per Availability Zone per hour. */
  readonly interfaceEndpointHour: number;
  /** Per GB processed by interface endpoints (the first PB a month in the region). */
  readonly interfaceEndpointGb: number;
  /** Per NAT gateway per hour. */
  readonly natGatewayHour: number;
  /** Per GB processed by a NAT gateway. */
  readonly natGatewayGb: number;
  /** Per Transit Gateway attachment per hour. @default - unknown for the region */
  readonly transitGatewayAttachmentHour?: number;
  /** Per GB a Transit Gateway processes. @default - unknown for the region */
  readonly transitGatewayGb?: number;
}

/** A dated price table: reference/prices.json, with its sources. */
export interface PriceTable {
  /** When the prices were taken, `YYYY-MM-DD`. */
  readonly asOf: string;
  readonly currency: string;
  /** Hours billed in a month (AWS's calculator uses 730). */
  readonly hoursPerMonth: number;
  readonly regions: Readonly<Record<string, RegionPrices>>;
}

/** The committed table. */
export const PRICES: PriceTable = table;
