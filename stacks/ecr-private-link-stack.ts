import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Aspects, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { completeStackHcl } from '../lib/cdktf/hcl-terraform-block';
import { Acknowledgements } from '../lib/checks/acknowledgements';
import { EcrPrivateLinkChecks } from '../lib/checks/ecr-private-link-checks';
import { BackendConfig } from '../lib/config/app-config';
import { EcrPrivateLink } from '../lib/constructs/ecr-private-link';
import { EcrPrivateLinkProps } from '../lib/constructs/ecr-private-link-props';
import { outputStem } from '../lib/naming/resource-names';
import { AWS_PROVIDER_VERSION } from '../lib/provider-version';
import { requireTerraformVersion } from './required-terraform-version';
import { addStateBackend } from './state-backend';

export interface EcrPrivateLinkStackProps extends EcrPrivateLinkProps {
  /** Where Terraform keeps this stack's state. */
  readonly backend: BackendConfig;
  /** Synth warnings acknowledged for the whole stack, by rule ID, each with the reason. @default - none */
  readonly acknowledge?: Readonly<Record<string, string>>;
  /** The project folder, which local state paths are relative to. @default process.cwd() */
  readonly projectDirectory?: string;
  /** Outputs `<service>_addresses`: each interface endpoint's addresses by subnet. @default false (no new outputs for existing stacks) */
  readonly addressOutputs?: boolean;
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
    requireTerraformVersion(this, props.backend);

    this.privateLink = new EcrPrivateLink(this, 'EcrPrivateLink', props);
    this.addOutputs(props.addressOutputs ?? false);
    for (const [ruleId, reason] of Object.entries(props.acknowledge ?? {})) {
      Acknowledgements.of(this).add(ruleId, reason);
    }
    Aspects.of(this).add(new EcrPrivateLinkChecks());
  }

  /** For `cdktf synth --hcl`: cdktf's HCL, completed where cdktf 0.21 gets it wrong (see completeStackHcl). */
  public toHclTerraform(): { [key: string]: any } {
    return completeStackHcl(super.toHclTerraform() as { hcl: string }, this.toTerraform());
  }

  private addOutputs(addresses: boolean): void {
    for (const endpoint of this.privateLink.interfaceEndpoints) {
      const stem = outputStem(endpoint.service.shortName);
      new TerraformOutput(this, `${stem}_endpoint_id`, {
        value: endpoint.endpointId,
        description: `ID of the ${endpoint.service.shortName} interface endpoint`,
      });
      new TerraformOutput(this, `${stem}_dns_entries`, {
        value: endpoint.dnsEntries,
        description: `DNS names and hosted zones of the ${endpoint.service.shortName} interface endpoint`,
      });
      if (addresses) {
        new TerraformOutput(this, `${stem}_addresses`, {
          value: endpoint.addressesBySubnet,
          description: `Addresses of the ${endpoint.service.shortName} interface endpoint's network interfaces, by subnet ID`,
        });
      }
    }
    new TerraformOutput(this, 'endpoint_security_group_id', {
      value: this.privateLink.securityGroup.securityGroupId,
      description: "ID of the interface endpoints' security group (allow 443 to it from clients)",
    });
    new TerraformOutput(this, 's3_gateway_endpoint_id', {
      value: this.privateLink.s3Gateway.endpointId,
      description: 'ID of the S3 gateway endpoint',
    });
    new TerraformOutput(this, 's3_prefix_list_id', {
      value: this.privateLink.s3Gateway.prefixListId,
      description: "Prefix list of the S3 gateway endpoint, for clients' egress rules",
    });
    for (const zone of this.privateLink.hubPrivateDns?.zones ?? []) {
      new TerraformOutput(this, `${outputStem(zone.service.shortName)}_private_zone_id`, {
        value: zone.resource.zoneId,
        description: `ID of the hub's private hosted zone ${zone.name.name}, for associating further VPCs`,
      });
    }
  }
}
