import { BackendConfig } from '../config/app-config';

/** A Terraform language feature a stack may use, and the first Terraform release that reads it. */
export interface TerraformFeature {
  /** What the stack uses, as a user would look it up in Terraform's changelog. */
  readonly name: string;
  /** `major.minor` of the first Terraform release with the feature. */
  readonly since: string;
}

/**
 * What every stack may hold: `import` blocks (config `adopt`) and the preflight's `check` block, both new
 * in Terraform 1.5.0 (its changelog). Older Terraform fails on them with a parse error, not a version message.
 */
export const IMPORT_AND_CHECK_BLOCKS: TerraformFeature = { name: 'import and check blocks', since: '1.5' };

/** The S3 backend's `use_lockfile` (S3-native locking): Terraform 1.10.0, generally available in 1.11.0. */
export const S3_LOCKFILE: TerraformFeature = { name: 'use_lockfile of the s3 backend', since: '1.10' };

/** The features a stack with `backend` uses, for its `required_version`. */
export function terraformFeatures(backend: BackendConfig): TerraformFeature[] {
  return backend.type === 's3' && backend.useLockfile ? [IMPORT_AND_CHECK_BLOCKS, S3_LOCKFILE] : [IMPORT_AND_CHECK_BLOCKS];
}

/** `required_version` for a stack using `features`: `>= ` the newest of their first releases (`1.10` is newer than `1.5`). */
export function requiredVersionFor(features: readonly TerraformFeature[]): string {
  const newest = features.map((feature) => feature.since).reduce((a, b) => (a.localeCompare(b, 'en', { numeric: true }) >= 0 ? a : b));
  return `>= ${newest}`;
}
