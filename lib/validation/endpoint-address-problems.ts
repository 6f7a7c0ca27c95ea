import { DEFAULT_IP_ADDRESS_TYPE, IP_VERSION_LABELS, IP_VERSIONS } from '../addressing/ip-address-types';
import { canonicalIpv6, isCanonicalIpv4 } from '../addressing/ip-address';
import type { EcrPrivateLinkProps, EndpointAddress } from '../constructs/ecr-private-link-props';
import { selectInterfaceServices } from '../workload-profiles';
import { Problem } from './problem';

/**
 * What is wrong with `endpointAddresses` that synth can tell (whether an address lies inside its subnet's
 * CIDR block and is not reserved, only a plan can: preflight checks it). Each service named must be one
 * of the stack's interface services and give an address in every subnet of `privateSubnetIds` and no
 * other: the provider reads an address back for every subnet, so a partial list would plan a change on
 * every run. Each address must be of an IP version the endpoints have (and every such version given, as
 * AWS requires), written as AWS writes it back, and not given twice in one subnet.
 */
export function endpointAddressProblems(props: EcrPrivateLinkProps): Problem[] {
  const services = selectInterfaceServices(props).map((s) => s.shortName);
  const ipAddressType = props.ipAddressType ?? DEFAULT_IP_ADDRESS_TYPE;
  const versions = IP_VERSIONS[ipAddressType];
  const owners = new Map<string, string>();
  return Object.entries(props.endpointAddresses ?? {}).flatMap(([service, bySubnet]): Problem[] => {
    const field = `endpointAddresses.${service}`;
    if (!services.includes(service)) {
      return [{ field, value: bySubnet, message: `names no interface endpoint of this stack (it has: ${services.join(', ')})` }];
    }
    const missing = props.privateSubnetIds.filter((subnet) => !(subnet in bySubnet));
    return [
      ...(missing.length > 0
        ? [
            {
              field,
              value: bySubnet,
              message: `gives no address in ${missing.join(', ')}; give one in every subnet of privateSubnetIds (AWS would pick the others, and Terraform would plan to drop them on every run)`,
            },
          ]
        : []),
      ...Object.entries(bySubnet).flatMap(([subnet, address]): Problem[] => {
        const at = `${field}.${subnet}`;
        if (!props.privateSubnetIds.includes(subnet)) {
          return [{ field: at, value: address, message: `is not a subnet of privateSubnetIds (${props.privateSubnetIds.join(', ')})` }];
        }
        return (['ipv4', 'ipv6'] as const).flatMap((version): Problem[] => {
          const value = address[version];
          const wanted = versions.includes(version);
          const problem = (message: string): Problem[] => [{ field: `${at}.${version}`, value, message }];
          const label = IP_VERSION_LABELS[version];
          if (value === undefined) {
            return wanted
              ? problem(
                  `is required: "ipAddressType": "${ipAddressType}" endpoints have an ${label} address, and AWS needs it given with the others`,
                )
              : [];
          }
          if (!wanted) {
            return problem(`is not possible: "ipAddressType": "${ipAddressType}" endpoints have no ${label} address`);
          }
          const invalid = addressProblem(version, value);
          if (invalid) {
            return problem(invalid);
          }
          const key = `${subnet} ${version === 'ipv6' ? canonicalIpv6(value) : value}`;
          const other = owners.get(key);
          owners.set(key, other ?? service);
          return other ? problem(`is also given to ${other} in ${subnet}; each network interface needs its own`) : [];
        });
      }),
    ];
  });
}

function addressProblem(version: keyof EndpointAddress, value: string): string | undefined {
  if (version === 'ipv4') {
    return isCanonicalIpv4(value) ? undefined : 'is not an IPv4 address (e.g. "10.0.1.10")';
  }
  const canonical = canonicalIpv6(value);
  if (canonical === undefined) {
    return 'is not an IPv6 address (e.g. "2600:1f18:4d3:5e00::10")';
  }
  return canonical === value
    ? undefined
    : `is not written as AWS writes it back (Terraform would plan a change on every run); write "${canonical}"`;
}
