/**
 * The IP address types of VPC endpoints and the DNS records they may publish, as AWS allows them
 * (reference/aws-facts.md, "IP address types"). Pure data, shared by the config schema, the construct's
 * validation and the preflight conditions.
 */

/** What an endpoint's network interfaces get: IPv4, both, or IPv6 addresses. AWS's default is `ipv4`. */
export const IP_ADDRESS_TYPES = ['ipv4', 'dualstack', 'ipv6'] as const;
export type IpAddressType = (typeof IP_ADDRESS_TYPES)[number];

/** The DNS records an interface endpoint's private DNS publishes (A, AAAA, or both). */
export const DNS_RECORD_IP_TYPES = ['ipv4', 'dualstack', 'ipv6', 'service-defined'] as const;
export type DnsRecordIpType = (typeof DNS_RECORD_IP_TYPES)[number];

/** AWS's default IP address type, when none is given. */
export const DEFAULT_IP_ADDRESS_TYPE: IpAddressType = 'ipv4';

/** How messages name each IP version. */
export const IP_VERSION_LABELS = { ipv4: 'IPv4', ipv6: 'IPv6' } as const;

/** The IP versions an endpoint of this type has addresses of (and its service must accept). */
export const IP_VERSIONS: Readonly<Record<IpAddressType, readonly ('ipv4' | 'ipv6')[]>> = {
  ipv4: ['ipv4'],
  dualstack: ['ipv4', 'ipv6'],
  ipv6: ['ipv6'],
};

/** The IP address types each DNS record IP type is allowed with (PrivateLink guide, "DNS record IP type"). */
export const IP_ADDRESS_TYPES_FOR_DNS_RECORDS: Readonly<Record<DnsRecordIpType, readonly IpAddressType[]>> = {
  ipv4: ['ipv4', 'dualstack'],
  ipv6: ['ipv6', 'dualstack'],
  dualstack: ['dualstack'],
  'service-defined': ['dualstack'],
};
