import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { EcrPrivateLink } from '../lib/constructs/ecr-private-link';
import { EcrPrivateLinkProps } from '../lib/constructs/ecr-private-link-props';
import { outputStem } from '../lib/naming/resource-names';
import { DeployableStack, DeployableStackProps } from './deployable-stack';

export interface EcrPrivateLinkStackProps extends EcrPrivateLinkProps, DeployableStackProps {
  /** Outputs `<service>_addresses`: each interface endpoint's addresses by subnet. @default false (no new outputs for existing stacks) */
  readonly addressOutputs?: boolean;
}

/**
 * One deployable stack: the AWS provider for the region, the state backend, the ECR PrivateLink
 * resources, and the outputs clients need (endpoint IDs and DNS names, the security group, the S3
 * prefix list for egress rules).
 */
export class EcrPrivateLinkStack extends DeployableStack {
  /** The endpoints and their security group. */
  public readonly privateLink: EcrPrivateLink;

  public constructor(scope: Construct, name: string, props: EcrPrivateLinkStackProps) {
    super(scope, name, props);

    this.privateLink = new EcrPrivateLink(this, 'EcrPrivateLink', props);
    this.addOutputs(props.addressOutputs ?? false);
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
    this.addS3GatewayOutputs(this.privateLink.s3Gateway);
    for (const zone of this.privateLink.hubPrivateDns?.zones ?? []) {
      new TerraformOutput(this, `${outputStem(zone.service.shortName)}_private_zone_id`, {
        value: zone.resource.zoneId,
        description: `ID of the hub's private hosted zone ${zone.name.name}, for associating further VPCs`,
      });
    }
  }
}
