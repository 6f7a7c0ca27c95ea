import { partitionOf } from '../naming/partition';

/**
 * Field rules shared by the construct props and the config file. Each returns a message when the value
 * is wrong (completing the sentence "<field>: <value> ...") and undefined when it is fine.
 */

export type Rule<T> = (value: T) => string | undefined;

const AWS_ID_SHAPES: Record<string, string> = {
  vpc: 'VPC',
  subnet: 'subnet',
  rtb: 'route table',
  sg: 'security group',
  vpce: 'VPC endpoint',
};

/** `vpc-`, `subnet-`, `rtb-`, `sg-` IDs: the prefix and 8 or 17 lowercase hex digits. */
export function awsId(prefix: keyof typeof AWS_ID_SHAPES): Rule<string> {
  const shape = new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`);
  return (value) =>
    shape.test(value)
      ? undefined
      : `is not a ${AWS_ID_SHAPES[prefix]} ID (expected "${prefix}-" and 8 or 17 lowercase hex digits)`;
}

/** A region name such as `ap-northeast-1`, `us-gov-west-1` or `cn-north-1`. */
export const regionName: Rule<string> = (value) =>
  /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(value) ? undefined : 'is not an AWS region name (e.g. "ap-northeast-1")';

/**
 * An IPv4 network in CIDR notation with no host bits set (`10.0.0.0/16`, not `10.0.0.1/16`), not open to
 * the whole internet: these addresses may reach the endpoints.
 */
export const clientCidrBlock: Rule<string> = (value) => {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
  if (!match) {
    return 'is not an IPv4 CIDR block (e.g. "10.0.0.0/16")';
  }
  const octets = match.slice(1, 5).map(Number);
  const bits = Number(match[5]);
  if (octets.some((o) => o > 255) || bits > 32) {
    return 'is not an IPv4 CIDR block (octets are 0-255, the prefix length 0-32)';
  }
  if (bits === 0) {
    return 'opens the endpoints to the whole internet; list the clients\' networks (e.g. the VPC CIDR)';
  }
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - bits);
  const network = address - (address % size);
  if (network !== address) {
    return `has host bits set; did you mean "${toDotted(network)}/${bits}"?`;
  }
  return undefined;
};

/** A name usable as the start of a Terraform resource name and of the security group's AWS name. */
export const namePrefix: Rule<string> = (value) => {
  if (!/^[A-Za-z_][A-Za-z0-9_-]{0,62}$/.test(value)) {
    return 'is not a valid name prefix (a letter or "_", then letters, digits, "_" or "-"; at most 63 characters)';
  }
  if (/^sg-/i.test(`${value}-`)) {
    return 'would name the security group "sg-...", which AWS refuses; choose another prefix';
  }
  return undefined;
};

/** An endpoint service's short name as AWS writes it after the region: `ecr.api`, `ecs-agent`, `logs`. */
export const interfaceServiceName: Rule<string> = (value) => {
  const fullName = /^(cn\.)?com\.amazonaws\.[a-z0-9-]+\.(.+)$/.exec(value);
  if (fullName) {
    return `is a full service name; write only the part after the region, e.g. "${fullName[2]}"`;
  }
  if (value === 's3') {
    return 'is not allowed here: ECR image layers need the S3 *gateway* endpoint, which the stack always creates';
  }
  if (!/^[a-z0-9]+([.-][a-z0-9]+)*$/.test(value)) {
    return 'is not an endpoint service short name (e.g. "ecr.api", "logs", "ecs-agent")';
  }
  return undefined;
};

/** A 12-digit AWS account ID. */
export const accountId: Rule<string> = (value) =>
  /^\d{12}$/.test(value) ? undefined : 'is not an AWS account ID (12 digits)';

/** An S3 bucket ARN (no object path) in the partition of `region`. */
export function s3BucketArn(region: string): Rule<string> {
  return (value) => {
    const match = /^arn:([a-z-]+):s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$/.exec(value);
    if (!match) {
      return 'is not an S3 bucket ARN (e.g. "arn:aws:s3:::my-bucket", without "/*")';
    }
    const partition = partitionOf(region);
    return match[1] === partition ? undefined : `is in partition "${match[1]}", but ${region} is in "${partition}"`;
  };
}

/** An S3 bucket name (3-63 lowercase letters, digits, dots and hyphens). */
export const s3BucketName: Rule<string> = (value) =>
  /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(value) && !/\.\.|^\d+\.\d+\.\d+\.\d+$/.test(value)
    ? undefined
    : 'is not an S3 bucket name (3-63 lowercase letters, digits, "." and "-")';

/** An IAM role ARN, e.g. `arn:aws:iam::123456789012:role/terraform-state`. */
export const iamRoleArn: Rule<string> = (value) =>
  /^arn:[a-z-]+:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/.test(value)
    ? undefined
    : 'is not an IAM role ARN (e.g. "arn:aws:iam::123456789012:role/terraform-state")';

/** One of a fixed set of names. */
export function oneOf(names: readonly string[]): Rule<string> {
  return (value) => (names.includes(value) ? undefined : `is not one of ${names.map((n) => `"${n}"`).join(', ')}`);
}

/** A stack name, also a folder name under cdktf.out/stacks. */
export const stackName: Rule<string> = (value) =>
  /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(value)
    ? undefined
    : 'is not a valid stack name (letters, digits, "_" and "-", starting with a letter or digit; at most 64)';

/** A security group description AWS accepts: at most 255 characters from a restricted ASCII set. */
export const securityGroupDescription: Rule<string> = (value) =>
  /^[A-Za-z0-9. _\-:/()#,@[\]+=&;{}!$*]{0,255}$/.test(value)
    ? undefined
    : 'is not a valid security group description (at most 255 of: letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*)';

/** A tag key AWS accepts. */
export const tagKey: Rule<string> = (value) => {
  if (value.length < 1 || value.length > 128) {
    return 'is not a valid tag key (1 to 128 characters)';
  }
  return value.toLowerCase().startsWith('aws:') ? 'is a reserved tag key (the "aws:" prefix belongs to AWS)' : undefined;
};

/** A tag value AWS accepts. */
export const tagValue: Rule<string> = (value) =>
  value.length <= 256 ? undefined : 'is too long for a tag value (at most 256 characters)';

function toDotted(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}
