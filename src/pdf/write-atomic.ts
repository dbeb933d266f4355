/**
 * Atomic output: write to a temporary file beside the target, then rename.
 * A crash or a full disk never leaves a half-written file at the target, and
 * an earlier good file stays until the new one is complete. With `check`, the
 * new file is also read back and checked before it replaces the target
 * (issue 16: a corrupt PDF once replaced a good one, then failed its check).
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PdfError } from '../errors.ts';
import { ensureDir } from '../files/ensure-dir.ts';

export async function writeFileAtomic<T = void>(
  target: string,
  data: Uint8Array | string,
  check?: (written: string) => Promise<T>,
): Promise<T> {
  // pid and time alone are not unique: two writes in one millisecond, or workers on two machines with one pid
  // writing to one shared folder (issue 21), would share a temporary file. The random part keeps them apart.
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.${randomBytes(8).toString('hex')}.tmp`);
  // Its own message, naming the folder and why: see ensure-dir.ts.
  await ensureDir(path.dirname(target));
  const discard = () => rm(temporary, { force: true }).catch(() => undefined);
  try {
    await writeFile(temporary, data);
  } catch (cause) {
    // rm itself fails (ENOTDIR) when the output's parent is a file: the PdfError below is the one to report.
    await discard();
    throw writeError(target, cause);
  }
  let checked: T;
  try {
    checked = (await check?.(temporary)) as T;
  } catch (error) {
    await discard();
    throw error;
  }
  try {
    await rename(temporary, target);
  } catch (cause) {
    await discard();
    throw writeError(target, cause);
  }
  return checked;
}

function writeError(target: string, cause: unknown) {
  return new PdfError(`could not write ${target}`, {
    cause,
    hint: 'check that the output folder exists, is writable and has free space',
  });
}
