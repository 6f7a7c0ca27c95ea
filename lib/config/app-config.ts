/** The config file's contract, as the app sees it after parsing and validation. */
import type { EcrPrivateLinkInputs } from '../validation/ecr-private-link-problems';

/** Where a stack keeps its Terraform state. */
export interface LocalBackendConfig {
  readonly type: 'local';
  /** State file path relative to the project folder. @default terraform.<stack name>.tfstate */
  readonly path: string;
}

/** Terraform's S3 backend, with encryption and S3-native locking on unless turned off. */
export interface S3BackendConfig {
  readonly type: 's3';
  readonly bucket: string;
  readonly key: string;
  readonly region: string;
  /** @default true */
  readonly encrypt: boolean;
  /** Lock with a lock file next to the state (Terraform >= 1.10). @default true */
  readonly useLockfile: boolean;
  /** DynamoDB table for locking, for setups older than S3-native locking. @default - none */
  readonly dynamodbTable?: string;
  /** IAM role to assume for state access. @default - the caller's credentials */
  readonly roleArn?: string;
  /** Named AWS profile for state access. @default - the default credential chain */
  readonly profile?: string;
}

/** HCP Terraform or Terraform Enterprise, with remote runs in one workspace. */
export interface CloudBackendConfig {
  readonly type: 'cloud';
  readonly organization: string;
  readonly workspace: string;
  /** @default app.terraform.io */
  readonly hostname?: string;
}

export type BackendConfig = LocalBackendConfig | S3BackendConfig | CloudBackendConfig;

/** One deployable stack: one VPC's ECR PrivateLink setup, fields as documented on EcrPrivateLinkProps. */
export interface StackConfig extends Omit<EcrPrivateLinkInputs, 'securityGroupDescription'> {
  /** Stack name; the stack is written to cdktf.out/stacks/<name>. */
  readonly name: string;
  /** @default {} */
  readonly tags: Readonly<Record<string, string>>;
  /** @default local, terraform.<name>.tfstate */
  readonly backend: BackendConfig;
}

export interface AppConfig {
  readonly stacks: readonly StackConfig[];
}
