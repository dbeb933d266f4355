/**
 * One writer per output folder. Two batches into one folder each rewrote the
 * cache and summary.json from what they had read, so one lost the other's
 * entries (issue 16). A batch takes `.folio-batch.lock` in its output folder
 * (proper-lockfile: a lock folder made atomically, refreshed while held and
 * taken over when stale, so a batch killed with -9 does not block the next);
 * a second batch is refused (exit 2) naming the folder. Anything else that
 * writes shared output folders can take the same lock.
 */
import lockfile from 'proper-lockfile';
import path from 'node:path';
import { ContentError } from '../errors.ts';
import { t } from '../i18n/locale.ts';

export const OUTPUT_LOCK = '.folio-batch.lock';

/** Takes the output folder's lock; the returned function releases it (safe to call twice). */
export async function lockOutputFolder(outDir: string): Promise<() => Promise<void>> {
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(outDir, { lockfilePath: path.join(outDir, OUTPUT_LOCK), stale: 30_000, update: 10_000, retries: 0, realpath: false });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ELOCKED') throw cause;
    throw new ContentError(t('batch.locked', { dir: outDir }), {
      cause,
      hint: t('batch.lockedHint', { file: OUTPUT_LOCK }),
    });
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    await release().catch(() => undefined);
  };
}
