import { isIPv4, isIPv6 } from 'node:net';

/**
 * IP addresses and networks as AWS writes them back: canonical text (lowercase IPv6, longest run of
 * zeros compressed), which is what Terraform compares a configured value with after a read.
 */

/** `2600:1f18:0:0::A` → `2600:1f18::a`; undefined for text that is not an IPv6 address. */
export function canonicalIpv6(address: string): string | undefined {
  if (!isIPv6(address)) {
    return undefined;
  }
  // WHATWG URL serialisation is RFC 5952's canonical form.
  return new URL(`http://[${address}]`).hostname.slice(1, -1);
}

/** Whether text is an IPv4 address in dotted decimal without leading zeros. */
export function isCanonicalIpv4(address: string): boolean {
  return isIPv4(address) && address.split('.').every((octet) => String(Number(octet)) === octet);
}

/** The 128-bit number of an IPv6 address (already known to be valid). */
function ipv6Number(address: string): bigint {
  const [head, tail = ''] = canonicalIpv6(address)!.split('::');
  const groups = (part: string): string[] => (part ? part.split(':') : []);
  const zeros = Array<string>(8 - groups(head).length - groups(tail).length).fill('0');
  return BigInt(`0x${[...groups(head), ...zeros, ...groups(tail)].map((group) => group.padStart(4, '0')).join('')}`);
}

function ipv6Text(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => ((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  return canonicalIpv6(groups.join(':'))!;
}

/**
 * What is wrong with an IPv6 network in CIDR notation, or undefined when it is canonical and has no host
 * bits: `2600:1f18:0::/56` → `is not in canonical form; write "2600:1f18::/56"`.
 */
export function ipv6CidrProblem(cidr: string): string | undefined {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(cidr);
  const canonical = match ? canonicalIpv6(match[1]) : undefined;
  const bits = match ? Number(match[2]) : NaN;
  if (!match || canonical === undefined || bits > 128) {
    return 'is not an IPv6 CIDR block (e.g. "2600:1f18:4d3:5e00::/56": an address and a prefix length 0-128)';
  }
  const hostMask = (1n << BigInt(128 - bits)) - 1n;
  const network = ipv6Number(canonical) & ~hostMask;
  const expected = `${ipv6Text(network)}/${bits}`;
  if (expected === cidr) {
    return undefined;
  }
  return network === ipv6Number(canonical)
    ? `is not in canonical form; write "${expected}"`
    : `has host bits set; did you mean "${expected}"?`;
}
