import { PolicyDocument, PolicyStatement } from '../../lib/iam/policy-document';

/**
 * Whether `policy` allows `action` on `resource` in `region`, for the shapes our policies use (Allow
 * statements, exact action names, `*` or exact resource ARNs, StringEquals conditions on
 * aws:RequestedRegion only). Any other condition key counts as not met, so a test never passes on a
 * condition this reader does not understand.
 */
export function allows(
  policy: PolicyDocument,
  action: string,
  { resource = '*', region }: { resource?: string; region?: string } = {},
): boolean {
  return policy.Statement.some((statement) => statementAllows(statement, action, resource, region));
}

function statementAllows(statement: PolicyStatement, action: string, resource: string, region?: string): boolean {
  if (statement.Effect !== 'Allow' || !statement.Action.includes(action)) {
    return false;
  }
  if (!(statement.Resource ?? []).some((arn) => arn === '*' || arn === resource)) {
    return false;
  }
  return Object.entries(statement.Condition ?? {}).every(([operator, keys]) =>
    Object.entries(keys).every(
      ([key, values]) =>
        operator === 'StringEquals' &&
        key === 'aws:RequestedRegion' &&
        region !== undefined &&
        ([] as string[]).concat(values).includes(region),
    ),
  );
}

/** Every (action, resource) pair the statements of `policy` grant, as `action on resource`. */
export function grants(policy: PolicyDocument): string[] {
  return policy.Statement.flatMap((statement) =>
    statement.Action.flatMap((action) => (statement.Resource ?? []).map((resource) => `${action} on ${resource}`)),
  );
}
