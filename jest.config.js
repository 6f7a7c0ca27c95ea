/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  // swc only transpiles; `tsc --noEmit` type-checks once for the whole project in `npm test`.
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  setupFilesAfterEnv: ['<rootDir>/__tests__/support/setup-matchers.ts'],
};
