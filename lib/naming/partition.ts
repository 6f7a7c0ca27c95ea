/**
 * AWS partitions, their DNS suffixes and the prefixes of endpoint service names in each, from the region
 * name alone (pure, no AWS call). Sources, summarised in reference/aws-facts.md: the AWS SDK's partition
 * table (DNS suffixes), AWS China's PrivateLink service list and AWS CDK's `aws-ec2/lib/vpc-endpoint.ts`
 * exception table (service prefixes).
 */

export type PartitionName = 'aws' | 'aws-cn' | 'aws-us-gov' | 'aws-iso' | 'aws-iso-b' | 'aws-iso-e' | 'aws-iso-f' | 'aws-eusc';

interface PartitionFacts {
  /** Region names in the partition start with one of these. */
  readonly regionPrefixes: readonly string[];
  /** The DNS suffix of its endpoints: `amazonaws.com`, `amazonaws.com.cn` in China, ... */
  readonly dnsSuffix: string;
  /** Service-name prefix of the interface services that do not use `com.amazonaws` here. */
  readonly servicePrefix?: string;
}

const PARTITIONS: Record<PartitionName, PartitionFacts> = {
  aws: { regionPrefixes: [], dnsSuffix: 'amazonaws.com' },
  'aws-cn': { regionPrefixes: ['cn-'], dnsSuffix: 'amazonaws.com.cn', servicePrefix: 'cn.com.amazonaws' },
  'aws-us-gov': { regionPrefixes: ['us-gov-'], dnsSuffix: 'amazonaws.com' },
  'aws-iso': { regionPrefixes: ['us-iso-'], dnsSuffix: 'c2s.ic.gov', servicePrefix: 'gov.ic.c2s' },
  'aws-iso-b': { regionPrefixes: ['us-isob-'], dnsSuffix: 'sc2s.sgov.gov', servicePrefix: 'gov.sgov.sc2s' },
  'aws-iso-e': { regionPrefixes: ['eu-isoe-'], dnsSuffix: 'cloud.adc-e.uk', servicePrefix: 'uk.adc-e.cloud' },
  'aws-iso-f': { regionPrefixes: ['us-isof-'], dnsSuffix: 'csp.hci.ic.gov', servicePrefix: 'gov.ic.hci.csp' },
  'aws-eusc': { regionPrefixes: ['eusc-'], dnsSuffix: 'amazonaws.eu', servicePrefix: 'eu.amazonaws' },
};

/**
 * Further services with the partition's prefix, by region, limited to those the workload profiles use;
 * any other service is assumed to be `com.amazonaws` (check `aws ec2 describe-vpc-endpoint-services`).
 */
const REGIONAL_OWN_PREFIX: Readonly<Record<string, readonly string[]>> = {
  'cn-north-1': ['autoscaling', 'ec2', 'eks', 'monitoring', 'sqs', 'sts', 'xray'],
  'cn-northwest-1': ['autoscaling', 'ec2', 'eks', 'monitoring', 'sqs', 'sts', 'xray'],
  'us-iso-east-1': ['autoscaling', 'ec2', 'sqs'],
  'us-iso-west-1': ['autoscaling', 'ec2', 'monitoring', 'sqs'],
  'us-isob-east-1': ['autoscaling', 'ec2', 'sqs'],
};

/** The partition a region belongs to: `aws-cn` for `cn-north-1`, `aws` for `ap-northeast-1`. */
export function partitionOf(region: string): PartitionName {
  const entry = Object.entries(PARTITIONS).find(([, facts]) => facts.regionPrefixes.some((prefix) => region.startsWith(prefix)));
  return entry ? (entry[0] as PartitionName) : 'aws';
}

/** The DNS suffix of a region's partition: `amazonaws.com`, `amazonaws.com.cn` in China, ... */
export function dnsSuffixOf(region: string): string {
  return PARTITIONS[partitionOf(region)].dnsSuffix;
}

/**
 * The prefix of an interface endpoint service's name in a region: `com.amazonaws`, `cn.com.amazonaws`, ...
 * ECR (`alwaysOwnPrefix`) takes its partition's own prefix in every region of a partition that has one.
 */
export function interfaceServicePrefix(region: string, shortName: string, alwaysOwnPrefix: boolean): string {
  const { servicePrefix } = PARTITIONS[partitionOf(region)];
  const ownPrefix = alwaysOwnPrefix || (REGIONAL_OWN_PREFIX[region] ?? []).includes(shortName);
  return servicePrefix && ownPrefix ? servicePrefix : 'com.amazonaws';
}
