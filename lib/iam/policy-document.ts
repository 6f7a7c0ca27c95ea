/**
 * IAM policy documents in the JSON grammar AWS reads (IAM User Guide, "IAM JSON policy element
 * reference"), ready for `aws iam create-role --assume-role-policy-document` and `put-role-policy`.
 */

/** `{ "StringEquals": { "aws:RequestedRegion": ["ap-northeast-1"] } }` */
export type PolicyCondition = Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;

export interface PolicyStatement {
  /** Names what the statement is for, in the policy and in AWS's access-denied messages. */
  readonly Sid: string;
  readonly Effect: 'Allow';
  /** Only in trust policies: who may assume the role. */
  readonly Principal?: Readonly<Record<string, string>>;
  readonly Action: readonly string[];
  /** Absent in trust policies (the role itself is the resource). */
  readonly Resource?: readonly string[];
  readonly Condition?: PolicyCondition;
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

export function policyDocument(statements: readonly PolicyStatement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}
