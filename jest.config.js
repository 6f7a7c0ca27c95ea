/** @type {import('jest').Config} */
const common = {
  testEnvironment: 'node',
  // swc only transpiles; `tsc --noEmit` type-checks once for the whole project in `npm test`.
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  setupFilesAfterEnv: ['<rootDir>/__tests__/support/setup-matchers.ts'],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    // Everything in-process or with the app alone: seconds.
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/__tests__/*.test.ts'] },
    // Terraform and the cdktf CLI judge the synthesized stacks: each suite inits once, in beforeAll.
    { ...common, displayName: 'terraform', testMatch: ['<rootDir>/__tests__/terraform/*.test.ts'] },
  ],
};
