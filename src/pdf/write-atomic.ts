/**
 * Atomic output: write to a temporary file beside the target, then rename.
 * A crash or a full disk never leaves a half-written file at the target, and
 * an earlier good file stays until the new one is complete.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PdfError } from '../errors.ts';
import { ensureDir } from '../files/ensure-dir.ts';

export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  // Its own message, naming the folder and why: see ensure-dir.ts.
  await ensureDir(path.dirname(target));
  try {
    await writeFile(temporary, data);
    await rename(temporary, target);
  } catch (cause) {
    // rm itself fails (ENOTDIR) when the output's parent is a file: the PdfError below is the one to report.
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new PdfError(`could not write ${target}`, {
      cause,
      hint: 'check that the output folder exists, is writable and has free space',
    });
  }
}
