import { PolicyDocument, policyDocument } from './policy-document';

/** GitHub Actions' OIDC issuer, as the IAM identity provider's URL names it (GitHub docs, "Configuring OpenID Connect in AWS"). */
export const GITHUB_OIDC_PROVIDER = 'token.actions.githubusercontent.com';

/** The audience aws-actions/configure-aws-credentials requests, and the IAM provider's audience. */
export const STS_AUDIENCE = 'sts.amazonaws.com';

export interface GithubOidcTrustProps {
  /** Partition of the account, e.g. `aws`. */
  readonly partition: string;
  /** The account holding the role and its OIDC provider. */
  readonly accountId: string;
  /** `sub` claims allowed to assume the role, e.g. `repo:acme/infra:pull_request`; matched exactly. */
  readonly subjects: readonly string[];
}

/**
 * A role trust policy for GitHub Actions' OIDC tokens with the STS audience and one of `subjects` (AWS IAM
 * User Guide, "Configuring a role for GitHub OIDC identity provider"). StringEquals, not StringLike: no
 * wildcard can let another repository, branch or environment in.
 */
export function githubOidcTrustPolicy(props: GithubOidcTrustProps): PolicyDocument {
  return policyDocument([
    {
      Sid: 'GitHubActionsOidc',
      Effect: 'Allow',
      Principal: { Federated: `arn:${props.partition}:iam::${props.accountId}:oidc-provider/${GITHUB_OIDC_PROVIDER}` },
      Action: ['sts:AssumeRoleWithWebIdentity'],
      Condition: {
        StringEquals: {
          [`${GITHUB_OIDC_PROVIDER}:aud`]: STS_AUDIENCE,
          [`${GITHUB_OIDC_PROVIDER}:sub`]: [...props.subjects],
        },
      },
    },
  ]);
}
