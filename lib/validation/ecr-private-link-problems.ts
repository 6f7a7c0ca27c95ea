import { DEFAULT_IP_ADDRESS_TYPE, IP_ADDRESS_TYPES_FOR_DNS_RECORDS } from '../addressing/ip-address-types';
import { ipv6CidrProblem } from '../addressing/ip-address';
import type { EcrPrivateLinkProps } from '../constructs/ecr-private-link-props';
import { FIXED_ADOPT_KEYS } from '../constructs/ecr-private-link-props';
import { InterfaceService } from '../naming/interface-service';
import { partitionOf } from '../naming/partition';
import { interfaceEndpointResourceName } from '../naming/resource-names';
import { presetsDocumentedIn, S3_GATEWAY_PRESETS_PARTITION } from '../policies/s3-gateway-presets';
import { selectInterfaceServices } from '../workload-profiles';
import { endpointAddressProblems } from './endpoint-address-problems';
import { hubProblems } from './hub-problems';
import { Problem } from './problem';
import * as rules from './rules';

/**
 * What is wrong with the props that only the construct can judge (shapes are the config schema's):
 * client networks with host bits, bucket ARNs of another partition, services that would share a resource
 * name, a service set without `ecr.dkr`, adopt keys that name no resource of the stack or adopt one
 * resource twice, a DNS record IP type the IP address type cannot serve, fixed addresses that cannot be
 * (see endpointAddressProblems), presets without documented buckets in the partition, a `Name` tag of
 * one's own with `nameTags`. Fields are named relative to the props, e.g. `interfaceServices[1]`.
 */
export function ecrPrivateLinkProblems(props: EcrPrivateLinkProps): Problem[] {
  return [
    ...rules.ruleProblems('allowedCidrBlocks', props.allowedCidrBlocks, rules.cidrWithoutHostBits),
    ...rules.ruleProblems('extraS3BucketArns', props.extraS3BucketArns, rules.inPartitionOf(props.region)),
    ...rules.ruleProblems('securityGroupDescription', props.securityGroupDescription, rules.securityGroupDescription),
    ...rules.ruleProblems('allowedIpv6CidrBlocks', props.allowedIpv6CidrBlocks, ipv6CidrProblem),
    ...serviceProblems(props),
    ...adoptProblems(props),
    ...dnsRecordProblems(props),
    ...endpointAddressProblems(props),
    ...hubIpProblems(props),
    ...presetProblems(props),
    ...nameTagProblems(props),
    ...hubProblems(props),
  ];
}

/** AWS publishes A records only for endpoints with IPv4 addresses, AAAA records only for those with IPv6 ones. */
function dnsRecordProblems(props: EcrPrivateLinkProps): Problem[] {
  const ipAddressType = props.ipAddressType ?? DEFAULT_IP_ADDRESS_TYPE;
  if (props.dnsRecordIpType === undefined) {
    return [];
  }
  const allowed = IP_ADDRESS_TYPES_FOR_DNS_RECORDS[props.dnsRecordIpType] ?? [];
  return allowed.includes(ipAddressType)
    ? []
    : [
        {
          field: 'dnsRecordIpType',
          value: props.dnsRecordIpType,
          message: `needs "ipAddressType" ${allowed.map((t) => `"${t}"`).join(' or ')}, not "${ipAddressType}"${props.ipAddressType ? '' : ' (the default)'}`,
        },
      ];
}

/** A hub's zones hold A alias records to its endpoints only: IPv6 endpoints would be unreachable from its spokes. */
function hubIpProblems(props: EcrPrivateLinkProps): Problem[] {
  if (!props.hub) {
    return [];
  }
  return (['ipAddressType', 'dnsRecordIpType'] as const)
    .filter((field) => props[field] !== undefined && props[field] !== 'ipv4')
    .map((field) => ({
      field,
      value: props[field],
      message: `is not supported with "hub": its private hosted zones hold A alias records only, so the spokes' IPv6 clients would not find the endpoints`,
    }));
}

function presetProblems(props: EcrPrivateLinkProps): Problem[] {
  return presetsDocumentedIn(props.region)
    ? []
    : (props.s3GatewayPresets ?? []).map((preset, i) => ({
        field: `s3GatewayPresets[${i}]`,
        value: preset,
        message: `has no documented buckets in partition "${partitionOf(props.region)}" (${props.region}), only in "${S3_GATEWAY_PRESETS_PARTITION}"; list the buckets in extraS3BucketArns instead`,
      }));
}

function nameTagProblems(props: EcrPrivateLinkProps): Problem[] {
  const own = props.tags?.Name;
  return props.nameTags && own !== undefined
    ? [
        {
          field: 'tags.Name',
          value: own,
          message: 'would name every resource alike, while "nameTags": true names each by its resource name; keep one of the two',
        },
      ]
    : [];
}

function serviceProblems(props: EcrPrivateLinkProps): Problem[] {
  // "ecr-api" and "ecr.api" would share the resource name <prefix>-ecr-api.
  const resourceName = (service: InterfaceService): string => interfaceEndpointResourceName(props.namePrefix, service.shortName);
  const listedTwice = (['interfaceServices', 'additionalInterfaceServices'] as const).flatMap((field) =>
    (props[field] ?? []).flatMap((service, i, list) =>
      list.slice(0, i).some((earlier) => resourceName(earlier) === resourceName(service))
        ? [{ field: `${field}[${i}]`, value: service, message: 'is listed twice' }]
        : [],
    ),
  );
  if (listedTwice.length > 0) {
    return listedTwice;
  }
  const selected = selectInterfaceServices(props);
  const problems = selected.flatMap((service, i): Problem[] => {
    const other = selected
      .slice(0, i)
      .reverse()
      .find((earlier) => resourceName(earlier) === resourceName(service));
    return other ? [{ field: 'additionalInterfaceServices', value: service, message: `would share a resource name with "${other}"` }] : [];
  });
  if (!selected.includes(InterfaceService.ECR_DKR)) {
    const field = props.interfaceServices ? 'interfaceServices' : 'workload';
    problems.push({ field, value: props[field], message: `lacks "${InterfaceService.ECR_DKR}": image pulls go through it` });
  }
  return problems;
}

function adoptProblems(props: EcrPrivateLinkProps): Problem[] {
  const keys = [...FIXED_ADOPT_KEYS, ...selectInterfaceServices(props).map((s) => s.shortName)];
  const seen = new Set<string>();
  return Object.entries(props.adopt ?? {}).flatMap(([key, id]): Problem[] => {
    const field = `adopt.${key}`;
    if (!keys.includes(key)) {
      return [{ field, value: id, message: `names no resource of this stack (it has: ${keys.join(', ')})` }];
    }
    const twice = id !== undefined && seen.has(id);
    seen.add(id ?? '');
    return twice ? [{ field, value: id, message: 'is adopted twice' }] : [];
  });
}
