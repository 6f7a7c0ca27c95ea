/** The config file's contract, as the app sees it after parsing and validation. */

/** Where a stack keeps its Terraform state. */
export interface LocalBackendConfig {
  readonly type: 'local';
  /** State file path relative to the project folder. @default terraform.<stack name>.tfstate */
  readonly path: string;
}

export type BackendConfig = LocalBackendConfig;

/** One deployable stack: one VPC's ECR PrivateLink setup. */
export interface StackConfig {
  /** Stack name; the stack is written to cdktf.out/stacks/<name>. */
  readonly name: string;
  readonly region: string;
  readonly namePrefix: string;
  readonly vpcId: string;
  readonly privateSubnetIds: readonly string[];
  readonly privateRouteTableIds: readonly string[];
  readonly allowedCidrBlocks: readonly string[];
  /** @default ["ecr.api", "ecr.dkr"] */
  readonly interfaceServices?: readonly string[];
  /** @default {} */
  readonly tags: Readonly<Record<string, string>>;
  readonly backend: BackendConfig;
}

export interface AppConfig {
  readonly stacks: readonly StackConfig[];
}
