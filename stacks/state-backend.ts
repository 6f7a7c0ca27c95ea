import * as path from 'path';
import { App, CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, TerraformBackend, TerraformStack } from 'cdktf';
import { BackendConfig } from '../lib/config/app-config';

/**
 * Where `stack` keeps its state. Local paths are relative to `projectDirectory`; S3 state is encrypted
 * and locked with Terraform's S3 lock file unless the config says otherwise.
 */
export function addStateBackend(stack: TerraformStack, backend: BackendConfig, projectDirectory: string): TerraformBackend {
  switch (backend.type) {
    case 'local':
      return new LocalBackend(stack, {
        path: stackRelativeStatePath(App.of(stack).outdir, stack.node.id, projectDirectory, backend.path),
      });
    case 's3': {
      const s3 = new S3Backend(stack, {
        bucket: backend.bucket,
        key: backend.key,
        region: backend.region,
        encrypt: backend.encrypt,
        dynamodbTable: backend.dynamodbTable,
        profile: backend.profile,
        assumeRole: backend.roleArn ? { roleArn: backend.roleArn } : undefined,
        endpoints: backend.endpoint ? { s3: backend.endpoint } : undefined,
        usePathStyle: backend.usePathStyle,
      });
      // cdktf 0.21's S3Backend has no typed use_lockfile (Terraform >= 1.10); an override sets it.
      if (backend.useLockfile) {
        s3.addOverride('use_lockfile', true);
      }
      return s3;
    }
    case 'cloud':
      return new CloudBackend(stack, {
        organization: backend.organization,
        workspaces: new NamedCloudWorkspace(backend.workspace),
        hostname: backend.hostname,
      });
  }
}

/**
 * Terraform runs in cdktf.out/stacks/<name>, and cdktf would write an absolute path of this machine; the
 * state path is written relative to that folder instead, so the synthesized stack works on every clone.
 */
export function stackRelativeStatePath(outdir: string, stackName: string, projectDirectory: string, statePath: string): string {
  const stackDirectory = path.resolve(projectDirectory, outdir, 'stacks', stackName);
  const relative = path.relative(stackDirectory, path.resolve(projectDirectory, statePath));
  return relative.split(path.sep).join('/');
}
