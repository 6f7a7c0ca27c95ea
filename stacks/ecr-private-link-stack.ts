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
    const output = (name: string, value: unknown, description: string) => new TerraformOutput(this, name, { value, description });
    for (const endpoint of this.privateLink.interfaceEndpoints) {
      const stem = outputStem(endpoint.service.shortName);
      const service = endpoint.service.shortName;
      output(`${stem}_endpoint_id`, endpoint.endpointId, `ID of the ${service} interface endpoint`);
      output(`${stem}_dns_entries`, endpoint.dnsEntries, `DNS names and hosted zones of the ${service} interface endpoint`);
      if (addresses) {
        output(
          `${stem}_addresses`,
          endpoint.addressesBySubnet,
          `Addresses of the ${service} interface endpoint's network interfaces, by subnet ID`,
        );
      }
    }
    output(
      'endpoint_security_group_id',
      this.privateLink.securityGroup.securityGroupId,
      "ID of the interface endpoints' security group (allow 443 to it from clients)",
    );
    this.addS3GatewayOutputs(this.privateLink.s3Gateway);
    for (const zone of this.privateLink.hubPrivateDns?.zones ?? []) {
      const description = `ID of the hub's private hosted zone ${zone.name.name}, for associating further VPCs`;
      output(`${outputStem(zone.service.shortName)}_private_zone_id`, zone.resource.zoneId, description);
    }
  }
}
