/**
 * The config as the app uses it: the file's shape (declared once, in config-schema.ts) with defaults
 * filled in. Types only.
 */
import type { BackendEntry, StackEntry } from './config-schema';

type Backend<T extends BackendEntry['type']> = Extract<BackendEntry, { type: T }>;

/** A state file in the project folder; Terraform's S3 backend, encryption and locking defaults filled in; or HCP Terraform. */
export type BackendConfig =
  Required<Backend<'local'>> | (Backend<'s3'> & Required<Pick<Backend<'s3'>, 'encrypt' | 'useLockfile'>>) | Backend<'cloud'>;

/** One deployable stack, as the config file describes it, with its tags and backend defaulted. */
export interface StackConfig extends Omit<StackEntry, 'tags' | 'backend'> {
  /** @default {} */
  readonly tags: Readonly<Record<string, string>>;
  /** @default local, terraform.<name>.tfstate */
  readonly backend: BackendConfig;
}

export interface AppConfig {
  readonly stacks: readonly StackConfig[];
}
