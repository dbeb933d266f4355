/**
 * Derives the image each photo frame prints: the photo cropped around its
 * focal point and resized to the placed size at press resolution, or a
 * generated placeholder for slots without a file. Sending Chromium exactly the
 * pixels it prints keeps the PDF small and the browser fast; results are
 * cached by content hash so re-running an edition costs only the hashing.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadSharp } from './load-sharp.ts';
import type { Photo } from '../content/schema.ts';
import { IMAGE_PPI } from '../defaults.ts';
import { AssetError, FolioError } from '../errors.ts';
import { t } from '../i18n/locale.ts';
import { CENTRE, focalCrop, framePixels, outputSize, type Size } from './crop.ts';
import { hashFileWith, hashParameters, isCached, writeAtomically } from './image-cache.ts';
import { resolvePhotoFile } from './photo-files.ts';
import { renderPlaceholder } from './placeholder.ts';

export { checkPhotoFiles } from './photo-files.ts';

/** Where a photo is placed: its slot id and the frame size in points. */
export interface Frame {
  id: string;
  widthPt: number;
  heightPt: number;
}

export interface PreparedImage {
  id: string;
  /** Absolute path of the derived image in the cache. */
  path: string;
  /** The same file as a file:// URL, for the page's <img src>. */
  url: string;
  widthPx: number;
  heightPx: number;
  placeholder: boolean;
  channels: 1 | 3;
}

export interface PrepareImagesInput {
  photos: readonly Photo[];
  editionDir: string;
  frames: readonly Frame[];
  cacheDir: string;
  /** Output resolution at the placed size; default IMAGE_PPI (300). */
  ppi?: number;
}

/**
 * Photos leave here lossless (PNG): the press conversion JPEGs them once at
 * press quality (src/pdf/press/ghostscript.ts). A JPEG here would be a
 * second lossy step (issue 20: Q85 here, then about Q55 in Ghostscript).
 */
const PNG_OPTIONS = { compressionLevel: 6, adaptiveFiltering: false } as const;
/** sharp already spreads one image over all cores; a couple in flight keeps memory bounded. */
const CONCURRENCY = 2;

async function describeFile(id: string, file: string, placeholder: boolean): Promise<PreparedImage> {
  const sharp = await loadSharp();
  const metadata = await sharp(file).metadata();
  return {
    id,
    path: file,
    url: pathToFileURL(file).href,
    widthPx: metadata.width,
    heightPx: metadata.height,
    placeholder,
    channels: metadata.channels === 1 ? 1 : 3,
  };
}

async function preparePhoto(photo: Photo & { file: string }, frame: Size, input: Required<PrepareImagesInput>): Promise<PreparedImage> {
  const sharp = await loadSharp();
  const source = await resolvePhotoFile(photo, input.editionDir);
  const focus = photo.focus ?? CENTRE;
  const key = await hashFileWith(source.path, { kind: 'photo', frame, focus, ppi: input.ppi });
  const target = path.join(input.cacheDir, `${key}.png`);
  if (!(await isCached(target))) {
    const { metadata } = source;
    // Crop in the orientation the photo is viewed in, not the one it is stored in.
    const oriented = metadata.autoOrient ?? { width: metadata.width, height: metadata.height };
    const crop = focalCrop(oriented, frame, focus);
    const size = outputSize(crop, frame);
    const grayscale = metadata.space === 'b-w' || metadata.space === 'grey16';
    let image = sharp(source.path).rotate().extract(crop);
    if (size.width !== crop.width || size.height !== crop.height) image = image.resize(size.width, size.height, { fit: 'fill' });
    // Transparency would print black in a JPEG; newsprint is white.
    if (metadata.hasAlpha) image = image.flatten({ background: '#ffffff' });
    // Chromium mishandles CMYK JPEGs, so everything colour leaves as sRGB.
    image = image.toColourspace(grayscale ? 'b-w' : 'srgb').png(PNG_OPTIONS);
    await writeAtomically(target, (temporary) => image.toFile(temporary));
  }
  return describeFile(photo.id, target, false);
}

async function preparePlaceholder(photo: Photo, frame: Size, input: Required<PrepareImagesInput>): Promise<PreparedImage> {
  // A photo of a group may have no caption of its own (the group's serves it): its slot names it by id.
  const subject = photo.caption ?? photo.id;
  const key = hashParameters({ kind: 'placeholder', caption: subject, frame, ppi: input.ppi });
  const target = path.join(input.cacheDir, `${key}.jpg`);
  if (!(await isCached(target))) {
    const jpeg = await renderPlaceholder(subject, frame, input.ppi, input.cacheDir);
    await writeAtomically(target, (temporary) => writeFile(temporary, jpeg));
  }
  return describeFile(photo.id, target, true);
}

function checkFrame(frame: Frame, photosById: ReadonlyMap<string, Photo>): Photo {
  const photo = photosById.get(frame.id);
  if (!photo) {
    throw new AssetError(t('photo.noSuchPhoto', { id: frame.id }), {
      hint: t('photo.useOneOf', { ids: [...photosById.keys()].join(', ') || t('photo.none') }),
    });
  }
  if (!(frame.widthPt > 0 && frame.heightPt > 0 && Number.isFinite(frame.widthPt) && Number.isFinite(frame.heightPt))) {
    throw new AssetError(t('photo.badFrame', { id: frame.id, width: frame.widthPt, height: frame.heightPt }), {
      hint: t('photo.badFrameHint'),
    });
  }
  return photo;
}

async function prepareOne(frame: Frame, photo: Photo, input: Required<PrepareImagesInput>): Promise<PreparedImage> {
  const pixels = framePixels(frame.widthPt, frame.heightPt, input.ppi);
  try {
    return photo.file !== undefined
      ? await preparePhoto({ ...photo, file: photo.file }, pixels, input)
      : await preparePlaceholder(photo, pixels, input);
  } catch (cause) {
    if (cause instanceof FolioError) throw cause;
    const what = photo.file !== undefined ? t('photo.fileNamed', { file: photo.file }) : t('photo.itsPlaceholder');
    throw new AssetError(t('photo.cannotPrepare', { id: photo.id, what, reason: cause instanceof Error ? cause.message : String(cause) }), {
      cause,
      hint: photo.file !== undefined ? t('photo.resaveHint', { dir: input.cacheDir }) : t('photo.cacheWritableHint', { dir: input.cacheDir }),
    });
  }
}

/** Derives the printed image of every frame, keyed by photo id. */
export async function prepareImages(input: PrepareImagesInput): Promise<Record<string, PreparedImage>> {
  const settings: Required<PrepareImagesInput> = { ...input, ppi: input.ppi ?? IMAGE_PPI };
  const photosById = new Map(input.photos.map((photo) => [photo.id, photo]));
  const seen = new Set<string>();
  const jobs = input.frames.map((frame) => {
    if (seen.has(frame.id)) throw new AssetError(t('photo.placedTwice', { id: frame.id }), { hint: t('photo.placedTwiceHint') });
    seen.add(frame.id);
    return { frame, photo: checkFrame(frame, photosById) };
  });
  const results: PreparedImage[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await prepareOne(jobs[index]!.frame, jobs[index]!.photo, settings);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, jobs.length) }, worker));
  // Keyed in frame order, whatever order the workers finished in.
  return Object.fromEntries(results.map((image) => [image.id, image]));
}
