import { Annotations, IAspect, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { Acknowledgements } from './acknowledgements';
import { CheckRule, Finding } from './check-rule';
import { ecrDkrPrivateDns } from './rules/ecr-dkr-private-dns';
import { noWorldOpenIngress } from './rules/no-world-open-ingress';
import { oneGatewayPerRouteTable } from './rules/one-gateway-per-route-table';
import { oneSubnetPerAz } from './rules/one-subnet-per-az';
import { privateDnsNeedsVpcDns } from './rules/private-dns-needs-vpc-dns';
import { s3GatewayForEcr } from './rules/s3-gateway-for-ecr';
import { s3GatewayInterruption } from './rules/s3-gateway-interruption';
import { s3PolicyDeniesPackageRepos } from './rules/s3-policy-denies-package-repos';
import { stackDataSources, stackResources, SynthesizedResource } from './stack-resources';

/** Every rule, errors first. */
export const ALL_RULES: readonly CheckRule[] = [
  ecrDkrPrivateDns,
  noWorldOpenIngress,
  s3GatewayForEcr,
  oneGatewayPerRouteTable,
  s3GatewayInterruption,
  privateDnsNeedsVpcDns,
  oneSubnetPerAz,
  s3PolicyDeniesPackageRepos,
];

/** Rules whose findings a config may acknowledge: the warnings (an error always stops synth). */
export const ACKNOWLEDGEABLE_RULE_IDS: readonly string[] = ALL_RULES.filter((rule) => rule.level === 'warning').map((rule) => rule.id);

/**
 * Checks a whole stack at synth time, as it will be synthesized (overrides included): errors stop the
 * synth, warnings show in `cdktf synth` unless acknowledged (see Acknowledgements). A rule that throws is
 * an error finding naming the rule, not a crashed synth. Add it with `Aspects.of(stack).add(...)`. Each
 * stack is checked once, however often aspects are invoked.
 */
export class EcrPrivateLinkChecks implements IAspect {
  private readonly checked = new WeakSet<TerraformStack>();

  public constructor(private readonly rules: readonly CheckRule[] = ALL_RULES) {}

  public visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node) || this.checked.has(node)) {
      return;
    }
    this.checked.add(node);
    const resources = stackResources(node);
    let dataSources: SynthesizedResource[] | undefined;
    const readDataSources = (): SynthesizedResource[] => (dataSources ??= stackDataSources(node));
    for (const rule of this.rules) {
      let findings: readonly Finding[];
      try {
        findings = rule.check(resources, readDataSources);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        findings = [{ construct: node, message: `the rule failed (${reason}); the stack was not checked for it. Please report this.` }];
      }
      for (const finding of findings) {
        const message = `[${rule.id}] ${finding.message}`;
        if (rule.level === 'error') {
          Annotations.of(finding.construct).addError(message);
        } else if (Acknowledgements.reasonFor(finding.construct, rule.id) === undefined) {
          Annotations.of(finding.construct).addWarning(message);
        }
      }
    }
  }
}
