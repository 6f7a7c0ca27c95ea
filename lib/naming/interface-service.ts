import { interfaceServicePrefix } from './partition';

/**
 * An AWS service reached through an interface VPC endpoint (AWS PrivateLink), named the way AWS names
 * it in endpoint service names: `ecr.api`, `ecr.dkr`, `logs`, ...
 */
export class InterfaceService {
  /** The ECR API: GetAuthorizationToken, DescribeImages and the other `ecr:` actions. */
  public static readonly ECR_API = new InterfaceService('ecr.api');
  /** The Docker Registry API of ECR: image push and pull. Needs private DNS. */
  public static readonly ECR_DKR = new InterfaceService('ecr.dkr');

  /** CloudWatch Logs, for the `awslogs` log driver. */
  public static readonly LOGS = new InterfaceService('logs');

  /** ECR's two services: the pair the source article creates, and our default. */
  public static readonly ECR_DEFAULTS: readonly InterfaceService[] = [InterfaceService.ECR_API, InterfaceService.ECR_DKR];

  /** A service by its short name, e.g. `InterfaceService.of('secretsmanager')`. */
  public static of(shortName: string): InterfaceService {
    return (
      [...InterfaceService.ECR_DEFAULTS, InterfaceService.LOGS].find((known) => known.shortName === shortName) ??
      new InterfaceService(shortName)
    );
  }

  private constructor(
    /** The short name AWS uses after the region, e.g. `ecr.dkr`. */
    public readonly shortName: string,
  ) {}

  /** Whether this is one of ECR's two services (`ecr.api`, `ecr.dkr`). */
  public get isEcr(): boolean {
    return InterfaceService.ECR_DEFAULTS.includes(this);
  }

  /** The endpoint service name in `region`, e.g. `com.amazonaws.ap-northeast-1.ecr.api`, `cn.com.amazonaws.cn-north-1.ecr.dkr`. */
  public endpointServiceName(region: string): string {
    return `${interfaceServicePrefix(region, this.shortName, this.isEcr)}.${region}.${this.shortName}`;
  }

  /** Shown in messages and JSON as its short name. */
  public toJSON(): string {
    return this.shortName;
  }

  public toString(): string {
    return this.shortName;
  }
}
