import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { spokeProviderAlias, spokeVpcLookupName } from '../naming/hub-resource-names';
import type { EcrPrivateLinkProps } from './ecr-private-link-props';
import { HubSpoke } from './hub-props';
import { Lookup } from './lookup';

/** The hub's props (its region is its spokes', its `namePrefix` starts the lookups' names), and its spokes. */
export interface HubSpokesProps extends Pick<EcrPrivateLinkProps, 'region' | 'namePrefix'> {
  /** The spokes. */
  readonly spokes: readonly HubSpoke[];
}

/**
 * What a hub needs to know of its spokes beyond the config: an AWS provider acting in each other account
 * (through the spoke's association role), and the networks to admit on 443, read from the spoke VPC at
 * plan time when the config names none.
 */
export class HubSpokes extends Construct {
  /** The spokes, in the order given. */
  public readonly spokes: readonly HubSpoke[];
  /** The spokes' client networks, as a list (a Terraform expression when some are read at plan time). */
  public readonly cidrBlocks: string[];
  private readonly providers = new Map<string, AwsProvider>();

  public constructor(scope: Construct, id: string, props: HubSpokesProps) {
    super(scope, id);
    this.spokes = props.spokes;
    for (const roleArn of new Set(props.spokes.flatMap((spoke) => spoke.associationRoleArn ?? []))) {
      const alias = spokeProviderAlias(roleArn);
      this.providers.set(roleArn, new AwsProvider(this, alias, { alias, region: props.region, assumeRole: [{ roleArn }] }));
    }

    const given = [...new Set(props.spokes.flatMap((spoke) => spoke.cidrBlocks ?? []))];
    const readAtPlan = props.spokes
      .filter((spoke) => spoke.cidrBlocks === undefined)
      .map((spoke) => {
        const vpc = new Lookup(this, `Vpc-${spoke.vpcId}`, {
          type: 'aws_vpc',
          args: { id: spoke.vpcId },
          name: spokeVpcLookupName(props.namePrefix, spoke.vpcId),
          provider: this.providerOf(spoke),
        });
        return `${vpc.address}.cidr_block_associations[*].cidr_block`;
      });
    this.cidrBlocks =
      readAtPlan.length === 0 ? given : Token.asList(`\${distinct(concat(${JSON.stringify(given)}, ${readAtPlan.join(', ')}))}`);
  }

  /** The provider acting in the spoke's account, or undefined for a spoke of the hub's own account. */
  public providerOf(spoke: HubSpoke): AwsProvider | undefined {
    return spoke.associationRoleArn ? this.providers.get(spoke.associationRoleArn) : undefined;
  }
}
