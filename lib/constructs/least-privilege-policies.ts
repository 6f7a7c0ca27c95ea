import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { Construct } from 'constructs';
import { ecrEndpointStatements, PolicyStatement, s3GatewayStatements } from '../policies/policy-statements';
import type { EcrPrivateLinkProps } from './ecr-private-link-props';

/** The construct's props that shape the policies (`namePrefix` starts the data sources' names). */
export type LeastPrivilegePoliciesProps = Pick<
  EcrPrivateLinkProps,
  'region' | 'namePrefix' | 'extraS3BucketArns' | 'allowedAccountIds' | 's3GatewayPresets'
>;

/**
 * Endpoint policies narrower than AWS's default allow-all: the S3 gateway reaches only ECR's layer bucket
 * (and listed buckets), and the ECR endpoints serve only principals of the allowed accounts. Built as
 * `aws_iam_policy_document` data sources, so Terraform renders and normalises the JSON.
 */
export class LeastPrivilegePolicies extends Construct {
  /** Policy JSON for the S3 gateway endpoint. */
  public readonly s3GatewayPolicy: string;
  /** Policy JSON for the ECR interface endpoints. */
  public readonly ecrEndpointPolicy: string;

  public constructor(scope: Construct, id: string, props: LeastPrivilegePoliciesProps) {
    super(scope, id);
    const accounts = props.allowedAccountIds ?? [this.deployingAccount(props.namePrefix)];
    this.s3GatewayPolicy = this.document(
      'S3Gateway',
      `${props.namePrefix}-s3-gateway-policy`,
      s3GatewayStatements(props.region, props.extraS3BucketArns ?? [], props.s3GatewayPresets),
    );
    this.ecrEndpointPolicy = this.document('EcrEndpoints', `${props.namePrefix}-ecr-endpoint-policy`, ecrEndpointStatements(accounts));
  }

  private deployingAccount(namePrefix: string): string {
    const identity = new DataAwsCallerIdentity(this, 'CallerIdentity');
    identity.overrideLogicalId(`${namePrefix}-current`);
    return identity.accountId;
  }

  private document(id: string, name: string, statements: readonly PolicyStatement[]): string {
    const document = new DataAwsIamPolicyDocument(this, id, {
      statement: statements.map((s) => ({
        sid: s.sid,
        effect: s.effect,
        principals: s.principals.map((p) => ({ type: p.type, identifiers: [...p.identifiers] })),
        actions: [...s.actions],
        resources: [...s.resources],
        condition: s.condition?.map((c) => ({ test: c.test, variable: c.variable, values: [...c.values] })),
      })),
    });
    document.overrideLogicalId(name);
    return document.json;
  }
}
