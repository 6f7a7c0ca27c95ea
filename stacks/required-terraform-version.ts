import { TerraformStack } from 'cdktf';
import { BackendConfig } from '../lib/config/app-config';
import { requiredTerraformVersion } from '../lib/terraform/required-version';

/**
 * Sets `terraform.required_version` of `stack` from what it uses with `backend`, so that a Terraform too
 * old for it stops with "Unsupported Terraform Core version" instead of a parse error.
 */
export function requireTerraformVersion(stack: TerraformStack, backend: BackendConfig): void {
  stack.addOverride('terraform.required_version', requiredTerraformVersion(backend));
}
