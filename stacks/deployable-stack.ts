import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Aspects, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { completeStackHcl } from '../lib/cdktf/hcl-terraform-block';
import { Acknowledgements } from '../lib/checks/acknowledgements';
import { EcrPrivateLinkChecks } from '../lib/checks/ecr-private-link-checks';
import { BackendConfig } from '../lib/config/app-config';
import { S3GatewayEndpoint } from '../lib/constructs/s3-gateway-endpoint';
import { AWS_PROVIDER_VERSION } from '../lib/provider-version';
import { requireTerraformVersion } from './required-terraform-version';
import { addStateBackend } from './state-backend';

/** What every deployable stack of the app takes besides its construct's props. */
export interface DeployableStackProps {
  /** Region of the AWS provider. */
  readonly region: string;
  /** Where Terraform keeps this stack's state. */
  readonly backend: BackendConfig;
  /** Synth warnings acknowledged for the whole stack, by rule ID, each with the reason. @default - none */
  readonly acknowledge?: Readonly<Record<string, string>>;
  /** The project folder, which local state paths are relative to. @default process.cwd() */
  readonly projectDirectory?: string;
}

/**
 * What the app's stacks share: the pinned AWS provider for the region, the state backend and the
 * Terraform version it needs, the synth-time checks with the stack's acknowledgements, the S3 gateway's
 * outputs, and HCL output completed where cdktf 0.21 gets it wrong.
 */
export abstract class DeployableStack extends TerraformStack {
  protected constructor(scope: Construct, name: string, props: DeployableStackProps) {
    super(scope, name);
    new AwsProvider(this, 'aws', { region: props.region });
    this.addOverride('terraform.required_providers.aws.version', AWS_PROVIDER_VERSION);
    addStateBackend(this, props.backend, props.projectDirectory ?? process.cwd());
    requireTerraformVersion(this, props.backend);
    for (const [ruleId, reason] of Object.entries(props.acknowledge ?? {})) {
      Acknowledgements.of(this).add(ruleId, reason);
    }
    Aspects.of(this).add(new EcrPrivateLinkChecks());
  }

  /** For `cdktf synth --hcl`: cdktf's HCL, completed where cdktf 0.21 gets it wrong (see completeStackHcl). */
  public toHclTerraform(): { [key: string]: any } {
    return completeStackHcl(super.toHclTerraform() as { hcl: string }, this.toTerraform());
  }

  /** The S3 gateway's ID and prefix list (for clients' egress rules) as outputs. */
  protected addS3GatewayOutputs(gateway: S3GatewayEndpoint): void {
    new TerraformOutput(this, 's3_gateway_endpoint_id', {
      value: gateway.endpointId,
      description: 'ID of the S3 gateway endpoint',
    });
    new TerraformOutput(this, 's3_prefix_list_id', {
      value: gateway.prefixListId,
      description: "Prefix list of the S3 gateway endpoint, for clients' egress rules",
    });
  }
}
