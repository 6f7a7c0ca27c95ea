/**
 * The Terraform version the tests are run with and the CI workflows install (.github/workflows): the
 * single source both are checked against in __tests__/workflows.test.ts.
 */
export const TERRAFORM_VERSION = '1.11.4';
