import { SETUP_VARIABLE, skippedSummary } from './terraform-setup';

/**
 * jest globalTeardown of the terraform project: when tests were skipped because `terraform` is missing,
 * ends `npm test` with one line saying how many, why, and how to run them (the count comes from
 * skipped-tests-reporter.js). Under CI=true nothing is skipped: the suites fail instead.
 */
export default function terraformGlobalTeardown(): void {
  const line = skippedSummary(process.env[SETUP_VARIABLE], Number(process.env.ECR_PRIVATELINK_TESTS_SKIPPED ?? 0));
  if (line) {
    process.stderr.write(`\n${line}\n`);
  }
}
