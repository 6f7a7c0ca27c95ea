import { BackendConfig } from '../config/app-config';

/**
 * `required_version` for a stack with `backend`: `>=` the first Terraform release that reads all it uses.
 * Every stack may hold `import` blocks (config `adopt`) and the preflight's `check` block, both new in
 * Terraform 1.5.0 (its changelog); older Terraform fails on them with a parse error, not a version message.
 * The S3 backend's `use_lockfile` (S3-native locking) needs Terraform 1.10.0, generally available in 1.11.0.
 */
export function requiredTerraformVersion(backend: BackendConfig): string {
  return backend.type === 's3' && backend.useLockfile ? '>= 1.10' : '>= 1.5';
}
