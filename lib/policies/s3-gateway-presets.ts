import { partitionOf } from '../naming/partition';

/**
 * AWS-owned S3 buckets that hosts behind a least-privilege S3 gateway still need, by preset name: the
 * Amazon Linux package repositories of the region (reference/aws-facts.md, "Amazon Linux package
 * repositories"). Documented for the commercial partition only.
 */
export const S3_GATEWAY_PRESETS = {
  'amazon-linux-2': {
    what: 'the Amazon Linux 2 yum repositories',
    sid: 'AmazonLinux2Repositories',
    objectArns: (region: string) => [`arn:aws:s3:::amazonlinux.${region}.amazonaws.com/*`, `arn:aws:s3:::amazonlinux-2-repos-${region}/*`],
  },
  'amazon-linux-2023': {
    what: 'the Amazon Linux 2023 dnf repositories',
    sid: 'AmazonLinux2023Repositories',
    objectArns: (region: string) => [`arn:aws:s3:::al2023-repos-${region}-de612dc2/*`],
  },
} as const satisfies Record<string, { what: string; sid: string; objectArns: (region: string) => string[] }>;

export type S3GatewayPreset = keyof typeof S3_GATEWAY_PRESETS;

export const S3_GATEWAY_PRESET_NAMES = Object.keys(S3_GATEWAY_PRESETS) as S3GatewayPreset[];

/** The partition whose bucket names AWS documents; elsewhere the presets are refused. */
export const S3_GATEWAY_PRESETS_PARTITION = 'aws';

/** Whether the presets' buckets are documented for `region`'s partition. */
export function presetsDocumentedIn(region: string): boolean {
  return partitionOf(region) === S3_GATEWAY_PRESETS_PARTITION;
}
