// A jest reporter that only hands the number of skipped tests to the terraform project's globalTeardown
// (terraform-global-teardown.ts), which prints the skip summary: a globalTeardown runs after jest's own
// summary, so that line is the last of `npm test`, but it is not given the results. Both run in jest's
// main process. jest loads reporters untranspiled, hence plain JS.
'use strict';

class SkippedTestsReporter {
  onRunComplete(_contexts, results) {
    process.env.ECR_PRIVATELINK_TESTS_SKIPPED = String(results.numPendingTests);
  }
}

module.exports = SkippedTestsReporter;
