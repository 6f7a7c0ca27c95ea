import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Aspects, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { completeStackHcl } from '../lib/cdktf/hcl-terraform-block';
import { Acknowledgements } from '../lib/checks/acknowledgements';
import { EcrPrivateLinkChecks } from '../lib/checks/ecr-private-link-checks';
import { BackendConfig } from '../lib/config/app-config';
import { EcrSpoke, EcrSpokeProps } from '../lib/constructs/ecr-spoke';
import { AWS_PROVIDER_VERSION } from '../lib/provider-version';
import { requireTerraformVersion } from './required-terraform-version';
import { addStateBackend } from './state-backend';

export interface EcrSpokeStackProps extends EcrSpokeProps {
  /** Where Terraform keeps this stack's state. */
  readonly backend: BackendConfig;
  /** Synth warnings acknowledged for the whole stack, by rule ID, each with the reason. @default - none */
  readonly acknowledge?: Readonly<Record<string, string>>;
  /** The project folder, which local state paths are relative to. @default process.cwd() */
  readonly projectDirectory?: string;
}

/**
 * A spoke's deployable stack: the AWS provider for the region, the state backend, the spoke's S3 gateway
 * (and client rules), the same synth-time checks as every stack, and the outputs clients need. Deploy it
 * after its hub (see the README's hub-and-spoke section).
 */
export class EcrSpokeStack extends TerraformStack {
  /** The spoke's resources. */
  public readonly spoke: EcrSpoke;

  public constructor(scope: Construct, name: string, props: EcrSpokeStackProps) {
    super(scope, name);
    new AwsProvider(this, 'aws', { region: props.region });
    this.addOverride('terraform.required_providers.aws.version', AWS_PROVIDER_VERSION);
    addStateBackend(this, props.backend, props.projectDirectory ?? process.cwd());
    requireTerraformVersion(this, props.backend);

    this.spoke = new EcrSpoke(this, 'EcrSpoke', props);
    new TerraformOutput(this, 's3_gateway_endpoint_id', {
      value: this.spoke.s3Gateway.endpointId,
      description: 'ID of the S3 gateway endpoint',
    });
    new TerraformOutput(this, 's3_prefix_list_id', {
      value: this.spoke.s3Gateway.prefixListId,
      description: "Prefix list of the S3 gateway endpoint, for clients' egress rules",
    });
    for (const [ruleId, reason] of Object.entries(props.acknowledge ?? {})) {
      Acknowledgements.of(this).add(ruleId, reason);
    }
    Aspects.of(this).add(new EcrPrivateLinkChecks());
  }

  /** For `cdktf synth --hcl`: cdktf's HCL, completed where cdktf 0.21 gets it wrong (see completeStackHcl). */
  public toHclTerraform(): { [key: string]: any } {
    return completeStackHcl(super.toHclTerraform() as { hcl: string }, this.toTerraform());
  }
}
