import { Finding, OrphanCheck } from './find-orphans';

export interface OrphanReportInput {
  readonly stackName: string;
  readonly region: string;
  readonly vpcId: string;
  /** The config file the stack came from, as the user named it. */
  readonly configFile: string;
  /** Whether the file was named with `--config` (then the cdktf commands need ECR_PRIVATELINK_CONFIG). */
  readonly configFromFlag: boolean;
  /** How many managed resources the stack's state holds. */
  readonly stateResourceCount: number;
  readonly check: OrphanCheck;
}

/** The text `npm run orphans` prints: the findings, the `adopt` entry to paste, and what to do next. */
export function orphanReport(input: OrphanReportInput): string {
  const { check } = input;
  const orphans = check.findings.filter((f) => f.verdict === 'adopt' || f.verdict === 'duplicate');
  const others = check.findings.filter((f) => f.verdict === 'goingAway' || f.verdict === 'dead');
  const adopted = orphans.filter((f) => f.verdict === 'adopt');
  const deletions = deleteCommands(
    input.region,
    check.findings.filter((f) => f.verdict === 'dead' || (f.verdict === 'duplicate' && !isStaleHolder(f))),
  );
  const width = Math.max(0, ...check.findings.map((f) => f.key.length));
  const lines = (findings: readonly Finding[]) => findings.flatMap((f) => findingLines(f, width, input));
  return [
    `orphans: stack "${input.stackName}" in ${input.vpcId} (${input.region}); its state holds ${input.stateResourceCount} resource(s).`,
    '',
    ...(orphans.length === 0
      ? [`No orphans: AWS has nothing of stack "${input.stackName}" that its state lacks.`]
      : [`In AWS but not in the state: ${orphans.length} orphan(s).`, ...lines(orphans)]),
    ...(others.length > 0 ? ['', 'Not orphans, nothing to adopt (listed so that nothing is hidden):', ...lines(others)] : []),
    ...(adopted.length > 0 ? ['', ...adoptSteps(input, adopted)] : []),
    ...(deletions.length > 0
      ? [
          '',
          'To delete the duplicates and failed endpoints (once you are sure nothing else uses them; endpoints before the security group):',
          ...deletions.map((command) => `  ${command}`),
        ]
      : []),
    '',
  ].join('\n');
}

function findingLines(finding: Finding, width: number, input: OrphanReportInput): string[] {
  const state = finding.awsState ? `  ${finding.awsState}` : '';
  const head = `  ${finding.key.padEnd(width)}  ${finding.id}${state}  ${verdictText(finding, input)}`;
  return finding.details.length > 0 ? [head, `  ${' '.repeat(width)}  ${finding.details.join('; ')}`] : [head];
}

function verdictText(finding: Finding, input: OrphanReportInput): string {
  switch (finding.verdict) {
    case 'adopt':
      return `-> adopt as ${finding.address}${finding.alreadyInAdopt ? " (already in the config's adopt: deploy to take it over)" : ''}`;
    case 'duplicate': {
      const holder = finding.heldBy!;
      if (!holder.inState) {
        return `DUPLICATE: ${holder.id} above is adopted for ${finding.address}; delete this one`;
      }
      if (!isStaleHolder(finding)) {
        return `DUPLICATE: the state holds ${finding.address} as ${holder.id}; delete this one`;
      }
      return (
        `NOT ADOPTABLE YET: the state holds ${finding.address} as ${holder.id}, which AWS no longer has. To keep this one, ` +
        `run \`terraform state rm ${finding.address}\` in cdktf.out/stacks/${input.stackName} (after cdktf synth and terraform init), ` +
        'then run this check again; else delete it'
      );
    }
    case 'goingAway':
      return 'being deleted by AWS, which removes it by itself';
    case 'dead':
      return 'not usable (failed, rejected or expired); delete it';
  }
}

/** A duplicate whose place the state holds with an ID AWS no longer has: which one to keep is the user's call. */
function isStaleHolder(finding: Finding): boolean {
  return finding.heldBy !== undefined && finding.heldBy.inState && !finding.heldBy.seenInAws;
}

function adoptSteps(input: OrphanReportInput, adopted: readonly Finding[]): string[] {
  const env = input.configFromFlag ? `ECR_PRIVATELINK_CONFIG=${shellWord(input.configFile)} ` : '';
  const check = `npm run -s orphans -- --stack ${input.stackName}${input.configFromFlag ? ` --config ${shellWord(input.configFile)}` : ''}`;
  return [
    `To take the ${adopted.length} orphan(s) over (docs/recovering.md):`,
    `  1. Make sure no deploy of "${input.stackName}" is running and no other Terraform state manages them.`,
    `  2. In stack "${input.stackName}" of ${input.configFile}, set "adopt" to this (it keeps the entries already there):`,
    '',
    `"adopt": ${JSON.stringify(input.check.adopt, null, 2)}`,
    '',
    `  3. ${env}npx cdktf diff ${input.stackName}`,
    `     shows ${adopted.length} to import and nothing to destroy or replace (resources the interrupted deploy never made show as to add).`,
    `  4. ${env}npx cdktf deploy ${input.stackName}`,
    `  5. ${check}  now exits 0; then remove "adopt" from the config (applied import blocks do nothing).`,
  ];
}

function deleteCommands(region: string, findings: readonly Finding[]): string[] {
  const endpoints = findings.filter((f) => f.key !== 'securityGroup').map((f) => f.id);
  const groups = findings.filter((f) => f.key === 'securityGroup').map((f) => f.id);
  return [
    ...(endpoints.length > 0 ? [`aws ec2 delete-vpc-endpoints --region ${region} --vpc-endpoint-ids ${endpoints.join(' ')}`] : []),
    ...groups.map((id) => `aws ec2 delete-security-group --region ${region} --group-id ${id}`),
  ];
}

/** A path as one shell word: as is when it is plain, else single-quoted. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
