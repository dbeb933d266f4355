/**
 * Content-addressed cache for derived images (and, through the same helpers,
 * the fonts cut for a page: font-merge.ts). Re-encoding a full-size photo
 * takes far longer than hashing it, so a derived file is reused whenever its
 * inputs hash the same. Files are written atomically (temp file + rename) so a
 * crash or a concurrent run never leaves a half-written image under a valid key.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { cacheWriteFailure, ensureDir } from '../files/ensure-dir.ts';
import path from 'node:path';

/**
 * Bump whenever the way derived images are produced changes (crop rule,
 * encoder settings, placeholder design), so old cache entries stop matching.
 */
export const IMAGE_CACHE_VERSION = 2;

/** Hex sha256 over the bytes of `file` (streamed, never loaded whole) followed by `parameters` as JSON. */
export async function hashFileWith(file: string, parameters: unknown): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  hash.update('\u0000');
  hash.update(JSON.stringify({ version: IMAGE_CACHE_VERSION, parameters }));
  return hash.digest('hex');
}

/** Hex sha256 of `parameters` as JSON, for images derived from text alone. */
export function hashParameters(parameters: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify({ version: IMAGE_CACHE_VERSION, parameters }))
    .digest('hex');
}

export async function isCached(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Runs `write` against a temporary name next to `file`, then renames it into
 * place. The temporary name keeps the extension so encoders that infer the
 * format from it still work.
 */
export async function writeAtomically(file: string, write: (temporary: string) => Promise<unknown>): Promise<void> {
  await ensureDir(path.dirname(file), 'cache');
  const extension = path.extname(file);
  const temporary = `${file.slice(0, file.length - extension.length)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp${extension}`;
  try {
    await write(temporary);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    // A full or read-only cache disk names the cache folder and how to move it (issue 16, case 12).
    throw cacheWriteFailure(path.dirname(file), error) ?? error;
  }
}
