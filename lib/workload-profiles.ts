import { InterfaceService } from './naming/interface-service';

const services = (...shortNames: string[]): readonly InterfaceService[] => [
  ...InterfaceService.ECR_DEFAULTS,
  ...shortNames.map(InterfaceService.of),
];

/**
 * The interface endpoints AWS documents for each kind of workload in private subnets without NAT
 * (reference/aws-facts.md, from the ECR, ECS and EKS user guides): ECR's pair, and what else each needs.
 * The S3 gateway endpoint is always created besides these.
 */
export const WORKLOAD_SERVICES = {
  /** The source article's pair: enough to pull images from ECR. */
  'ecr-only': services(),
  /** ECS on Fargate, platform 1.4.0 and later. */
  'ecs-fargate': services(),
  /** ECS on EC2 container instances without NAT: the agent, telemetry and the ECS API too. */
  'ecs-ec2': services('ecs-agent', 'ecs-telemetry', 'ecs'),
  /** EKS nodes in private subnets (IRSA needs sts; load balancer controller elasticloadbalancing). */
  eks: services('ec2', 'sts', 'elasticloadbalancing', 'logs', 'xray'),
} as const satisfies Record<string, readonly InterfaceService[]>;

export type Workload = keyof typeof WORKLOAD_SERVICES;

export const WORKLOADS = Object.keys(WORKLOAD_SERVICES) as Workload[];

/** The workload that keeps the article's behaviour. */
export const DEFAULT_WORKLOAD: Workload = 'ecr-only';

export interface ServiceSelection {
  /** Chooses the documented list. @default 'ecr-only' */
  readonly workload?: Workload;
  /** Replaces the workload's list entirely. */
  readonly interfaceServices?: readonly InterfaceService[];
  /** Added to the list, duplicates dropped. */
  readonly additionalInterfaceServices?: readonly InterfaceService[];
}

/** The interface services to create, in order, each once. */
export function selectInterfaceServices(selection: ServiceSelection): InterfaceService[] {
  const base = selection.interfaceServices ?? WORKLOAD_SERVICES[selection.workload ?? DEFAULT_WORKLOAD];
  const all = [...base, ...(selection.additionalInterfaceServices ?? [])];
  return all.filter((service, i) => all.findIndex((s) => s.shortName === service.shortName) === i);
}

/** `selectInterfaceServices` for services named by their short names, as in the config file. */
export function selectNamedInterfaceServices(selection: {
  readonly workload?: Workload;
  readonly interfaceServices?: readonly string[];
  readonly additionalInterfaceServices?: readonly string[];
}): InterfaceService[] {
  return selectInterfaceServices({
    workload: selection.workload,
    interfaceServices: selection.interfaceServices?.map(InterfaceService.of),
    additionalInterfaceServices: selection.additionalInterfaceServices?.map(InterfaceService.of),
  });
}
