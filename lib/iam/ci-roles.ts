/** The two roles CI assumes: `plan` (pull requests, and the plan job on main) and `apply` (the gated job). */
export type CiRole = 'plan' | 'apply';

export const CI_ROLES: readonly CiRole[] = ['plan', 'apply'];

/** The GitHub environment whose required reviewers approve each apply (.github/workflows/deploy.yml). */
export const DEPLOY_ENVIRONMENT = 'production';

/** The branch whose pushes are planned and applied. */
export const DEPLOY_BRANCH = 'main';

/**
 * The OIDC `sub` claims (GitHub docs, "OpenID Connect", example subject claims) a role trusts, for
 * `repository` (`OWNER/REPO`): the plan role those of pull_request jobs and of jobs on main without an
 * environment (deploy.yml's plan job); the apply role only jobs in the deploy environment. No plan-role
 * subject names an environment, so no job can reach the apply role without the environment's approval.
 */
export function trustedSubjects(role: CiRole, repository: string): string[] {
  return role === 'plan'
    ? [`repo:${repository}:pull_request`, `repo:${repository}:ref:refs/heads/${DEPLOY_BRANCH}`]
    : [`repo:${repository}:environment:${DEPLOY_ENVIRONMENT}`];
}
