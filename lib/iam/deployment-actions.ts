/**
 * The AWS API actions a plan and an apply of these stacks make, for the CI roles' permissions. Action
 * names are those of the Service Authorization Reference ("Actions, resources, and condition keys for
 * Amazon EC2"); which ones the AWS provider calls is cited per list. See reference/aws-facts.md.
 */

/**
 * The reads of a plan, and of the preflight: exactly what AWS provider 5.100.0 called in the Terraform tests
 * against the fake AWS (__tests__/terraform/plans/option-matrix.ts: the preflight data sources; and
 * __tests__/terraform/adopt.test.ts: a plan with import blocks of the security group and the three
 * endpoints, whose every call the plan role must allow),
 * plus DescribeSecurityGroupRules, with which the provider reads `aws_vpc_security_group_egress_rule`
 * (clientSecurityGroupIds; provider source internal/service/ec2/find.go, findSecurityGroupRuleByID).
 */
export const PLAN_EC2_ACTIONS: readonly string[] = [
  'ec2:DescribeVpcs',
  'ec2:DescribeVpcAttribute',
  'ec2:DescribeSubnets',
  'ec2:DescribeRouteTables',
  'ec2:DescribeVpcEndpoints',
  'ec2:DescribeVpcEndpointServices',
  'ec2:DescribePrefixLists',
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeSecurityGroupRules',
  'ec2:DescribeNetworkInterfaces',
];

/** The AWS provider checks its credentials with STS GetCallerIdentity (which needs no permission; listed for the reader). */
export const IDENTITY_ACTIONS: readonly string[] = ['sts:GetCallerIdentity'];

/**
 * `aws_vpc_endpoint`: create, in-place updates (subnets, security groups, policy, private DNS, and the
 * S3 gateway's route tables: AddRouteTableIds/RemoveRouteTableIds of ModifyVpcEndpoint) and delete.
 */
export const ENDPOINT_ACTIONS: readonly string[] = ['ec2:CreateVpcEndpoint', 'ec2:ModifyVpcEndpoint', 'ec2:DeleteVpcEndpoints'];

/**
 * `aws_security_group` with inline rules (the provider revokes AWS's default egress rule on create and
 * updates rule sets by revoking and authorizing) and `aws_vpc_security_group_egress_rule` on the
 * clients' groups (authorize, ModifySecurityGroupRules, revoke by rule ID).
 */
export const SECURITY_GROUP_ACTIONS: readonly string[] = [
  'ec2:CreateSecurityGroup',
  'ec2:DeleteSecurityGroup',
  'ec2:AuthorizeSecurityGroupIngress',
  'ec2:AuthorizeSecurityGroupEgress',
  'ec2:RevokeSecurityGroupIngress',
  'ec2:RevokeSecurityGroupEgress',
  'ec2:ModifySecurityGroupRules',
];

/** Tags on create (TagSpecifications need ec2:CreateTags, a dependent action of each create) and tag changes later. */
export const TAG_ACTIONS: readonly string[] = ['ec2:CreateTags', 'ec2:DeleteTags'];

/** A dependent action of ec2:CreateVpcEndpoint in the Service Authorization Reference: private DNS of an interface endpoint. */
export const PRIVATE_DNS_ACTIONS: readonly string[] = ['route53:AssociateVPCWithHostedZone'];
