import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Aspects, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { checkBlocksHcl } from '../lib/cdktf/hcl-check-blocks';
import { EcrPrivateLinkChecks } from '../lib/checks/ecr-private-link-checks';
import { BackendConfig } from '../lib/config/app-config';
import { EcrPrivateLink, EcrPrivateLinkProps } from '../lib/constructs/ecr-private-link';
import { outputStem } from '../lib/naming/resource-names';
import { AWS_PROVIDER_VERSION } from '../lib/provider-version';
import { addStateBackend } from './state-backend';

export interface EcrPrivateLinkStackProps extends EcrPrivateLinkProps {
  /** Where Terraform keeps this stack's state. */
  readonly backend: BackendConfig;
  /** The project folder, which local state paths are relative to. @default process.cwd() */
  readonly projectDirectory?: string;
}

/**
 * One deployable stack: the AWS provider for the region, the state backend, the ECR PrivateLink
 * resources, and the outputs clients need (endpoint IDs and DNS names, the security group, the S3
 * prefix list for egress rules).
 */
export class EcrPrivateLinkStack extends TerraformStack {
  /** The endpoints and their security group. */
  public readonly privateLink: EcrPrivateLink;

  public constructor(scope: Construct, name: string, props: EcrPrivateLinkStackProps) {
    super(scope, name);
    new AwsProvider(this, 'aws', { region: props.region });
    this.addOverride('terraform.required_providers.aws.version', AWS_PROVIDER_VERSION);
    addStateBackend(this, props.backend, props.projectDirectory ?? process.cwd());

    this.privateLink = new EcrPrivateLink(this, 'EcrPrivateLink', props);
    this.addOutputs();
    Aspects.of(this).add(new EcrPrivateLinkChecks());
  }

  /** For `cdktf synth --hcl`: cdktf's HCL, plus the `check` blocks it drops (see checkBlocksHcl). */
  public toHclTerraform(): { [key: string]: any } {
    const rendered = super.toHclTerraform();
    return { ...rendered, hcl: `${rendered.hcl}${checkBlocksHcl(this.toTerraform().check)}` };
  }

  private addOutputs(): void {
    for (const endpoint of this.privateLink.interfaceEndpoints) {
      const stem = outputStem(endpoint.service.shortName);
      new TerraformOutput(this, `${stem}_endpoint_id`, {
        value: endpoint.resource.id,
        description: `ID of the ${endpoint.service.shortName} interface endpoint`,
      });
      new TerraformOutput(this, `${stem}_dns_entries`, {
        value: endpoint.resource.dnsEntry,
        description: `DNS names and hosted zones of the ${endpoint.service.shortName} interface endpoint`,
      });
    }
    new TerraformOutput(this, 'endpoint_security_group_id', {
      value: this.privateLink.securityGroup.securityGroupId,
      description: 'ID of the interface endpoints\' security group (allow 443 to it from clients)',
    });
    new TerraformOutput(this, 's3_gateway_endpoint_id', {
      value: this.privateLink.s3Gateway.resource.id,
      description: 'ID of the S3 gateway endpoint',
    });
    new TerraformOutput(this, 's3_prefix_list_id', {
      value: this.privateLink.s3Gateway.resource.prefixListId,
      description: 'Prefix list of the S3 gateway endpoint, for clients\' egress rules',
    });
  }
}
