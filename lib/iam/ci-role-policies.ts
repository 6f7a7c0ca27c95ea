import { StackConfig } from '../config/app-config';
import { partitionOf } from '../naming/partition';
import { CiRole, trustedSubjects } from './ci-roles';
import {
  ENDPOINT_ACTIONS,
  IDENTITY_ACTIONS,
  PLAN_EC2_ACTIONS,
  PRIVATE_DNS_ACTIONS,
  SECURITY_GROUP_ACTIONS,
  TAG_ACTIONS,
} from './deployment-actions';
import { githubOidcTrustPolicy } from './github-oidc-trust';
import { PolicyCondition, PolicyDocument, policyDocument, PolicyStatement } from './policy-document';
import { stateStatements, unique } from './state-access';

/** What a CI role is for: the stacks of the config it deploys, by their region and state backend. */
export type CiRoleStack = Pick<StackConfig, 'region' | 'backend'>;

export interface CiRolePoliciesProps {
  readonly role: CiRole;
  /** The GitHub repository whose workflows assume the role, `OWNER/REPO`. */
  readonly repository: string;
  /** The AWS account of the role, its OIDC provider and the stacks. */
  readonly accountId: string;
  /** Every stack the workflows plan and apply; at least one. */
  readonly stacks: readonly CiRoleStack[];
}

export interface CiRolePolicies {
  /** Who may assume the role: GitHub Actions jobs of the repository with the role's OIDC subjects. */
  readonly trustPolicy: PolicyDocument;
  /** What the role may do: the AWS calls of a plan (and, for `apply`, of an apply) of the stacks. */
  readonly permissionsPolicy: PolicyDocument;
}

/** Thrown for stacks one role cannot serve; the message names the values. */
export class CiRoleError extends Error {}

/**
 * The trust policy and permissions policy of a CI role for `stacks`. EC2 calls are allowed only in the
 * stacks' regions (aws:RequestedRegion), state access only to their state objects, lock files and lock tables.
 */
export function ciRolePolicies(props: CiRolePoliciesProps): CiRolePolicies {
  if (props.stacks.length === 0) {
    throw new CiRoleError('the config has no stacks, so the role would have nothing to do');
  }
  const regions = unique(props.stacks.map((stack) => stack.region));
  const partition = onePartition(
    unique([...regions, ...props.stacks.flatMap((stack) => (stack.backend.type === 's3' ? [stack.backend.region] : []))]),
  );
  const inRegions: PolicyCondition = { StringEquals: { 'aws:RequestedRegion': regions } };
  const ec2 = (Sid: string, Action: readonly string[]): PolicyStatement => ({
    Sid,
    Effect: 'Allow',
    Action,
    Resource: ['*'],
    Condition: inRegions,
  });

  const manage: PolicyStatement[] = [
    ec2('ManageVpcEndpoints', ENDPOINT_ACTIONS),
    ec2('ManageSecurityGroups', SECURITY_GROUP_ACTIONS),
    ec2('TagNetwork', TAG_ACTIONS),
    // Route 53 is global: its requests are not made in the stacks' regions, so no region condition.
    { Sid: 'EndpointPrivateDns', Effect: 'Allow', Action: PRIVATE_DNS_ACTIONS, Resource: ['*'] },
  ];
  const statements: PolicyStatement[] = [
    ec2('ReadNetwork', PLAN_EC2_ACTIONS),
    { Sid: 'CallerIdentity', Effect: 'Allow', Action: IDENTITY_ACTIONS, Resource: ['*'] },
    ...(props.role === 'apply' ? manage : []),
    ...stateStatements(
      props.role,
      props.stacks.map((stack) => stack.backend),
      props.accountId,
    ),
  ];
  return {
    trustPolicy: githubOidcTrustPolicy({ partition, accountId: props.accountId, subjects: trustedSubjects(props.role, props.repository) }),
    permissionsPolicy: policyDocument(statements),
  };
}

/** The one partition of `regions`; an IAM role and its policies live in a single partition. */
function onePartition(regions: readonly string[]): string {
  const partitions = unique(regions.map(partitionOf));
  if (partitions.length > 1) {
    const where = partitions.map((p) => `${p} (${regions.filter((r) => partitionOf(r) === p).join(', ')})`).join(', ');
    throw new CiRoleError(
      `the stacks and their state span several AWS partitions: ${where}; a role serves one partition, so split the config`,
    );
  }
  return partitions[0];
}
