/**
 * The AWS provider version the stacks require, exactly: the one @cdktf/provider-aws was generated from
 * and the one the tests run Terraform with. The package itself only asks for "~> 5.0".
 */
export const AWS_PROVIDER_VERSION = '5.100.0';
