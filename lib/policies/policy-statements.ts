import { partitionOf } from '../naming/partition';
import { S3_GATEWAY_PRESETS, S3GatewayPreset } from './s3-gateway-presets';

/** One IAM policy statement, in the shape of the `statement` blocks of `aws_iam_policy_document`. */
export interface PolicyStatement {
  readonly sid: string;
  readonly effect: 'Allow';
  readonly principals: readonly { readonly type: string; readonly identifiers: readonly string[] }[];
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly condition?: readonly { readonly test: string; readonly variable: string; readonly values: readonly string[] }[];
}

const ANYONE = [{ type: '*', identifiers: ['*'] }];

/**
 * The objects of the S3 bucket ECR serves image layers from, in the region's partition. The bucket name
 * is from the ECR user guide; outside the commercial partition it is unverified.
 */
export function ecrLayerObjectsArn(region: string): string {
  return `arn:${partitionOf(region)}:s3:::prod-${region}-starport-layer-bucket/*`;
}

/**
 * The S3 gateway endpoint's policy: ECR image layers (s3:GetObject only, as the ECR user guide gives it),
 * the objects of the chosen presets' AWS-owned buckets (s3:GetObject, as AWS documents them), plus
 * everything on the user's own listed buckets. The endpoint policy decides which buckets are reachable
 * through the VPC at all; IAM and bucket policies still decide who may do what in them.
 */
export function s3GatewayStatements(
  region: string,
  extraBucketArns: readonly string[],
  presets: readonly S3GatewayPreset[] = [],
): PolicyStatement[] {
  const statements: PolicyStatement[] = [
    { sid: 'EcrImageLayers', effect: 'Allow', principals: ANYONE, actions: ['s3:GetObject'], resources: [ecrLayerObjectsArn(region)] },
    ...presets.map((preset): PolicyStatement => ({
      sid: S3_GATEWAY_PRESETS[preset].sid,
      effect: 'Allow',
      principals: ANYONE,
      actions: ['s3:GetObject'],
      resources: S3_GATEWAY_PRESETS[preset].objectArns(region),
    })),
  ];
  if (extraBucketArns.length > 0) {
    statements.push({
      sid: 'ListedBuckets',
      effect: 'Allow',
      principals: ANYONE,
      actions: ['s3:*'],
      resources: extraBucketArns.flatMap((arn) => [arn, `${arn}/*`]),
    });
  }
  return statements;
}

/** The ECR interface endpoints' policy: any ECR call, but only by principals of the listed accounts. */
export function ecrEndpointStatements(accountIds: readonly string[]): PolicyStatement[] {
  return [
    {
      sid: 'OwnAccountPrincipals',
      effect: 'Allow',
      principals: ANYONE,
      actions: ['*'],
      resources: ['*'],
      condition: [{ test: 'StringEquals', variable: 'aws:PrincipalAccount', values: accountIds }],
    },
  ];
}
