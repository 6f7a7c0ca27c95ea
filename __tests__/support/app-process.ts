import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { CommandResult, run } from './run';
import { REPO_ROOT } from './example-stack';

/** The app command of cdktf.json with absolute paths, so it runs from any project folder. */
export const APP_COMMAND = ['--require', path.join(REPO_ROOT, 'scripts', 'register-ts.js'), path.join(REPO_ROOT, 'main.ts')];

/** A fresh, empty folder to act as a user's project folder. */
export function tempProject(label: string): string {
  return mkdtempSync(path.join(tmpdir(), `ecr-privatelink-${label}-`));
}

/**
 * Runs the app as `cdktf synth` does: in `project`, writing to `project/cdktf.out`, with the config named
 * by `configPath` (the committed example when undefined).
 */
export function runApp(project: string, configPath?: string, env: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
  const { ECR_PRIVATELINK_CONFIG: _ignored, ...inherited } = process.env;
  return run(process.execPath, APP_COMMAND, {
    cwd: project,
    env: {
      ...inherited,
      ...env,
      CDKTF_OUTDIR: path.join(project, 'cdktf.out'),
      ...(configPath ? { ECR_PRIVATELINK_CONFIG: configPath } : {}),
    },
  });
}

/** Folder of a synthesized stack in a project. */
export function stackDirectory(project: string, stackName: string): string {
  return path.join(project, 'cdktf.out', 'stacks', stackName);
}
