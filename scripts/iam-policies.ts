/**
 * `npm run -s iam-policies -- --role plan|apply --repo OWNER/REPO --account-id ID [--config FILE]`: prints,
 * as JSON, the trust policy and the permissions policy of the CI role for the stacks of the config, to
 * create the role from (docs/ci.md). The config is read as the app reads it: --config, else
 * $ECR_PRIVATELINK_CONFIG, else the committed example. Exit 0 with the JSON on stdout; 2 with a message
 * on stderr, and nothing on stdout, for a wrong flag or a refused config.
 */
import { CI_ROLES, CiRole } from '../lib/iam/ci-roles';
import { CiRoleError, ciRolePolicies, CiRolePoliciesProps } from '../lib/iam/ci-role-policies';
import { ValidationError } from '../lib/validation/problem';
import { readConfigFromFlagOrEnv } from '../stacks/config-file';
import { parseCommandLine } from './cli';

export const USAGE =
  'Usage: npm run -s iam-policies -- --role plan|apply --repo OWNER/REPO --account-id ACCOUNT_ID [--config FILE] [--document trust|permissions]';

const HELP = `${USAGE}

Prints the IAM trust policy and permissions policy of a CI role, as JSON: {"role", "trustPolicy", "permissionsPolicy"}.

  --role plan|apply      plan: read-only AWS and the state lock, for pull requests and the plan job on main.
                         apply: the plan role's rights plus managing the endpoints, security groups and tags,
                         and writing the state, for the job in the "production" environment only.
  --repo OWNER/REPO      The GitHub repository whose workflows assume the role, spelt as GitHub shows it.
  --account-id ID        The 12-digit AWS account of the role, its GitHub OIDC provider and the stacks.
  --config FILE          The config whose stacks the role deploys (default: $ECR_PRIVATELINK_CONFIG, else config/example.json).
  --document trust|permissions
                         Print only that policy document, e.g. for aws iam create-role / put-role-policy.
  --help                 This text.`;

const DOCUMENTS = ['trust', 'permissions'] as const;

/**
 * Inline role policies of a role may total 10,240 characters, not counting white space (IAM User Guide,
 * "IAM and AWS STS quotas").
 */
export const INLINE_ROLE_POLICY_LIMIT = 10_240;

/** A wrong flag or value: printed with the usage line, exit 2. */
class UsageError extends Error {}

/** The role's props but its stacks (those come from the config), the config file, the document to print. */
type Options = Omit<CiRolePoliciesProps, 'stacks'> & { readonly config?: string; readonly document?: (typeof DOCUMENTS)[number] };

const OPTIONS = {
  role: { type: 'string' },
  repo: { type: 'string' },
  'account-id': { type: 'string' },
  config: { type: 'string' },
  document: { type: 'string' },
} as const;

/** The options of `args`, or the exit code when the command line is all there is to answer (--help, a wrong flag). */
function options(args: readonly string[]): Options | number {
  const parsed = parseCommandLine(args, OPTIONS, USAGE, HELP);
  if ('exitCode' in parsed) {
    return parsed.exitCode;
  }
  const { values } = parsed;
  const missing = ['role', 'repo', 'account-id'].filter((name) => values[name as keyof typeof values] === undefined);
  if (missing.length > 0) {
    throw new UsageError(`missing ${missing.map((name) => `--${name}`).join(', ')}`);
  }
  const problems = [
    CI_ROLES.includes(values.role as CiRole) ? undefined : `--role: "${values.role}" is not a role (plan or apply)`,
    /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/.test(values.repo!)
      ? undefined
      : `--repo: "${values.repo}" is not a GitHub repository (OWNER/REPO)`,
    /^\d{12}$/.test(values['account-id']!) ? undefined : `--account-id: "${values['account-id']}" is not an AWS account ID (12 digits)`,
    values.document === undefined || DOCUMENTS.includes(values.document as never)
      ? undefined
      : `--document: "${values.document}" is not a document (trust or permissions)`,
  ].filter((problem): problem is string => problem !== undefined);
  if (problems.length > 0) {
    throw new UsageError(problems.join('\n'));
  }
  return {
    role: values.role as CiRole,
    repository: values.repo!,
    accountId: values['account-id']!,
    config: values.config,
    document: values.document as Options['document'],
  };
}

/** Writes the JSON to stdout and returns 0, or writes why not to stderr and returns 2. */
export function main(env: NodeJS.ProcessEnv = process.env, args: readonly string[] = process.argv.slice(2)): number {
  try {
    const opts = options(args);
    if (typeof opts === 'number') {
      return opts;
    }
    const { config } = readConfigFromFlagOrEnv(opts.config, env);
    const policies = ciRolePolicies({ ...opts, stacks: config.stacks });
    const size = JSON.stringify(policies.permissionsPolicy).length;
    if (size > INLINE_ROLE_POLICY_LIMIT) {
      console.error(
        `iam-policies: warning: the permissions policy has ${size} characters; a role's inline policies may total ${INLINE_ROLE_POLICY_LIMIT}. Split the config or attach it as several policies.`,
      );
    }
    const output = opts.document ? policies[`${opts.document}Policy` as const] : { role: opts.role, ...policies };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`iam-policies: ${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof ValidationError || error instanceof CiRoleError) {
      console.error(`iam-policies: config refused, no policy printed.\n${error.message}`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  process.exitCode = main();
}
