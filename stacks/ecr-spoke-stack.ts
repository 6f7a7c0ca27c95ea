import { Construct } from 'constructs';
import { EcrSpoke, EcrSpokeProps } from '../lib/constructs/ecr-spoke';
import { DeployableStack, DeployableStackProps } from './deployable-stack';

export type EcrSpokeStackProps = EcrSpokeProps & DeployableStackProps;

/**
 * A spoke's deployable stack: the AWS provider for the region, the state backend, the spoke's S3 gateway
 * (and client rules), the same synth-time checks as every stack, and the outputs clients need. Deploy it
 * after its hub (see the README's hub-and-spoke section).
 */
export class EcrSpokeStack extends DeployableStack {
  /** The spoke's resources. */
  public readonly spoke: EcrSpoke;

  public constructor(scope: Construct, name: string, props: EcrSpokeStackProps) {
    super(scope, name, props);

    this.spoke = new EcrSpoke(this, 'EcrSpoke', props);
    this.addS3GatewayOutputs(this.spoke.s3Gateway);
  }
}
