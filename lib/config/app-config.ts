/** The config file's contract, as the app sees it after parsing and validation. */
import type { EcrPrivateLinkInputs } from '../validation/ecr-private-link-problems';

/** Where a stack keeps its Terraform state. */
export interface LocalBackendConfig {
  readonly type: 'local';
  /** State file path relative to the project folder. @default terraform.<stack name>.tfstate */
  readonly path: string;
}

export type BackendConfig = LocalBackendConfig;

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
