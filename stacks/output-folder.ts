import { accessSync, constants, existsSync, mkdirSync, rmSync, statSync } from 'fs';
import * as path from 'path';

/** The output folder cannot be used: one line naming it and why. */
export class OutputFolderError extends Error {}

/**
 * Checks that the app can write `outdir` before anything is synthesized, and makes it; `discard()`
 * removes it again when it did not exist before (a refused synth leaves nothing behind).
 */
export function prepareOutputFolder(outdir: string): { discard(): void } {
  const existed = existsSync(outdir);
  const refuse = (why: string): never => {
    throw new OutputFolderError(`CDKTF_OUTDIR: "${outdir}" ${why}; nothing was synthesized.`);
  };
  if (existed && !statSync(outdir).isDirectory()) {
    refuse('is a file, not a folder');
  }
  const parent = path.dirname(path.resolve(outdir));
  if (!existed && !existsSync(parent)) {
    refuse(`is in a folder that does not exist (${parent})`);
  }
  try {
    accessSync(existed ? outdir : parent, constants.W_OK);
    mkdirSync(outdir, { recursive: true });
  } catch (error) {
    refuse(`cannot be written (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  return {
    discard: () => {
      if (!existed) {
        rmSync(outdir, { recursive: true, force: true });
      }
    },
  };
}
