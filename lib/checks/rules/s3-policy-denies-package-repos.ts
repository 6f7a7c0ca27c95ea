import { presetsDocumentedIn, S3_GATEWAY_PRESETS, S3_GATEWAY_PRESET_NAMES } from '../../policies/s3-gateway-presets';
import { CheckRule, listArgument } from '../check-rule';
import { isService, SynthesizedResource, vpcEndpoints } from '../stack-resources';

/**
 * A narrowed S3 gateway policy denies every bucket it does not list, and the hosts behind its route
 * tables usually fetch their OS packages from S3: Amazon Linux's yum/dnf repositories are buckets of the
 * region. Warns when the gateway's policy (a policy document of the stack, or JSON) lets through none of
 * the repository presets' buckets; a policy it cannot read (NotResource, a reference it cannot follow)
 * is not judged. Acknowledge it for route tables whose hosts do not run Amazon Linux.
 */
export const s3PolicyDeniesPackageRepos: CheckRule = {
  id: 'S3PolicyDeniesPackageRepos',
  level: 'warning',
  check: (resources, dataSources) =>
    vpcEndpoints(resources, 'Gateway')
      .filter((endpoint) => isService(endpoint, 's3'))
      .flatMap((endpoint) => {
        const allowed = allowedResources(endpoint.args.policy, dataSources);
        const region = String(endpoint.args.service_name).split('.').slice(-2)[0];
        const presetAllowed = S3_GATEWAY_PRESET_NAMES.some((preset) =>
          S3_GATEWAY_PRESETS[preset].objectArns(region).every((arn) => allowed?.some((pattern) => matches(pattern, arn))),
        );
        if (allowed === undefined || presetAllowed) {
          return [];
        }
        return [
          {
            construct: endpoint.construct,
            message:
              `the policy of aws_vpc_endpoint.${endpoint.name} lets through only ${allowed.join(', ') || 'nothing'}: every other S3 request ` +
              `from route tables ${listArgument(endpoint.args.route_table_ids).join(', ')} is denied, including ${repositories(region)}; ` +
              `${advice(region)}, or acknowledge this if no host behind them runs Amazon Linux ("acknowledge": {"S3PolicyDeniesPackageRepos": "<why>"})`,
          },
        ];
      }),
};

function repositories(region: string): string {
  if (!presetsDocumentedIn(region)) {
    return 'the Amazon Linux package repositories (yum/dnf)';
  }
  return `package installs and updates on Amazon Linux (${S3_GATEWAY_PRESET_NAMES.map(
    (preset) => `${S3_GATEWAY_PRESETS[preset].what}: ${S3_GATEWAY_PRESETS[preset].objectArns(region).join(', ')}`,
  ).join('; ')})`;
}

function advice(region: string): string {
  return presetsDocumentedIn(region)
    ? `add "s3GatewayPresets": ["amazon-linux-2023"] (or "amazon-linux-2") for the hosts you run`
    : "list the repositories' buckets of your region in extraS3BucketArns";
}

/** The resources the policy's Allow statements name, or undefined when they cannot be read at synth time. */
function allowedResources(policy: unknown, dataSources: () => readonly SynthesizedResource[]): string[] | undefined {
  if (typeof policy !== 'string') {
    return undefined;
  }
  const reference = /^\$\{data\.aws_iam_policy_document\.([^.}]+)\.json\}$/.exec(policy);
  if (reference) {
    const document = dataSources().find((d) => d.type === 'aws_iam_policy_document' && d.name === reference[1]);
    const statements = listArgument(document?.args.statement) as { effect?: string; resources?: unknown; not_resources?: unknown }[];
    return document && statements.every((s) => s.not_resources === undefined)
      ? statements.filter((s) => (s.effect ?? 'Allow') === 'Allow').flatMap((s) => listArgument(s.resources).map(String))
      : undefined;
  }
  try {
    const parsed = JSON.parse(policy) as { Statement?: unknown };
    const statements = (Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement]) as Record<string, unknown>[];
    return statements.every((s) => s && s.NotResource === undefined)
      ? statements.filter((s) => s.Effect === 'Allow').flatMap((s) => [s.Resource ?? []].flat().map(String))
      : undefined;
  } catch {
    return undefined;
  }
}

/** IAM's wildcards: `*` any run of characters, `?` one. */
function matches(pattern: string, arn: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(arn);
}
