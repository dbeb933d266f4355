/**
 * Validation of the image files an edition names. It runs before the browser
 * starts and reads only headers, so a typo in a file name fails in
 * milliseconds with a clear message instead of deep inside pagination. A named
 * file that is unusable is always an error: silently printing a placeholder
 * where the editor expects a photo would reach the press unnoticed.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Metadata } from 'sharp';
import { loadSharp } from './load-sharp.ts';
import type { Photo } from '../content/schema.ts';
import { AssetError } from '../errors.ts';
import { t } from '../i18n/locale.ts';

/** sharp's default `limitInputPixels` (0x3FFF²): larger images fail to decode later anyway. */
const MAX_INPUT_PIXELS = 0x3fff * 0x3fff;

const READABLE_FORMATS = 'JPEG, PNG, WebP, TIFF or AVIF';

export interface PhotoFile {
  /** Absolute real path (symlinks resolved) inside the edition folder. */
  path: string;
  metadata: Metadata;
}

function isInside(directory: string, file: string): boolean {
  const relative = path.relative(directory, file);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** Resolves and checks the file of a photo that names one; throws AssetError on any problem. */
export async function resolvePhotoFile(photo: Photo & { file: string }, editionDir: string): Promise<PhotoFile> {
  const subject = t('photo.subject', { id: photo.id, file: photo.file });
  const named = path.resolve(editionDir, photo.file);
  let real: string;
  let realDir: string;
  try {
    realDir = await realpath(editionDir);
    real = await realpath(named);
  } catch (cause) {
    throw new AssetError(t('photo.missing', { subject, path: named }), {
      cause,
      hint: t('photo.missingHint'),
    });
  }
  if (!isInside(realDir, real)) {
    throw new AssetError(t('photo.outside', { subject, dir: realDir, path: real }), {
      hint: t('photo.outsideHint'),
    });
  }
  const stats = await stat(real);
  if (!stats.isFile()) {
    throw new AssetError(t('photo.notFile', { subject, path: real }), { hint: t('photo.notFileHint', { formats: READABLE_FORMATS }) });
  }
  let metadata: Metadata;
  try {
    // Headers only: without limitInputPixels: false sharp refuses huge images here, before the size check below can say so.
    const sharp = await loadSharp();
    metadata = await sharp(real, { limitInputPixels: false }).metadata();
  } catch (cause) {
    throw new AssetError(t('photo.unreadable', { subject, path: real }), {
      cause,
      hint: t('photo.saveAsHint', { formats: READABLE_FORMATS }),
    });
  }
  if (!metadata.width || !metadata.height) {
    throw new AssetError(t('photo.noDimensions', { subject, path: real }), { hint: t('photo.saveAsHint', { formats: READABLE_FORMATS }) });
  }
  if (metadata.width * metadata.height > MAX_INPUT_PIXELS) {
    throw new AssetError(t('photo.tooLarge', { subject, width: metadata.width, height: metadata.height }), {
      hint: t('photo.tooLargeHint'),
    });
  }
  return { path: real, metadata };
}

/** Checks every photo that names a file; placeholders (no `file`) need nothing. */
export async function checkPhotoFiles(photos: readonly Photo[], editionDir: string): Promise<void> {
  for (const photo of photos) {
    if (photo.file !== undefined) await resolvePhotoFile({ ...photo, file: photo.file }, editionDir);
  }
}
