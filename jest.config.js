/** @type {import('jest').Config} */
const common = {
  testEnvironment: 'node',
  // swc only transpiles; `tsc --noEmit` type-checks once for the whole project in `npm test`.
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  setupFilesAfterEnv: ['<rootDir>/__tests__/support/setup-matchers.ts'],
};

/** @type {import('jest').Config} */
module.exports = {
  // One worker more than there are cores (jest's default leaves one idle): the Terraform suites spend part
  // of their time waiting on terraform, the AWS provider and the processes they chain, which a further
  // worker fills (on 2 cores: ~145 s with 2 workers, ~130 s with 3, ~135 s with 4). At most 4: a suite
  // can hold several provider processes of ~0.5 GB each.
  maxWorkers: Math.min(4, require('os').availableParallelism() + 1),
  // Counts skipped tests for the terraform project's globalTeardown, which ends the run with one line
  // when they were skipped because `terraform` is missing.
  reporters: ['default', '<rootDir>/__tests__/support/skipped-tests-reporter.js'],
  projects: [
    // Everything in-process or with the app alone: seconds.
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/__tests__/*.test.ts'] },
    // Terraform and the cdktf CLI judge the synthesized stacks. The global setup finds Terraform and the
    // AWS provider once for all suites (and fills the plugin cache when there is no mirror).
    {
      ...common,
      displayName: 'terraform',
      testMatch: ['<rootDir>/__tests__/terraform/*.test.ts'],
      globalSetup: '<rootDir>/__tests__/support/terraform-global-setup.ts',
      globalTeardown: '<rootDir>/__tests__/support/terraform-global-teardown.ts',
    },
  ],
};
