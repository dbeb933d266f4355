/**
 * An edition with real photo files, generated here (issue 20): the feature's
 * text with an RGB photo, a CMYK JPEG, a PNG with alpha and a gray JPEG in
 * its first photo slots, and optionally a 400×300 photo that prints at about
 * 100 ppi. The pictures are smooth gradients with fine detail and noise, so
 * that JPEG loss and colour conversion show in the numbers.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { parseDocument } from 'yaml';

/** A photo-like RGB raster: colour gradients, a fine sine pattern and a little noise (seeded). */
export function photoPixels(width: number, height: number, seed = 1): Buffer {
  const data = Buffer.alloc(width * height * 3);
  let state = seed;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x7fffffff);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const u = x / width;
      const v = y / height;
      const detail = 40 * Math.sin(x / 3 + seed) * Math.cos(y / 5);
      const noise = (random() - 0.5) * 12;
      const i = (y * width + x) * 3;
      data[i] = Math.max(0, Math.min(255, 60 + 150 * u + detail + noise));
      data[i + 1] = Math.max(0, Math.min(255, 90 + 120 * v - detail / 2 + noise));
      data[i + 2] = Math.max(0, Math.min(255, 180 - 120 * u * v + detail / 3 + noise));
    }
  }
  return data;
}

const raw = (width: number, height: number, seed: number) => sharp(photoPixels(width, height, seed), { raw: { width, height, channels: 3 } });

/** The photo files, by kind: each big enough for 300 ppi in the feature's largest frames. */
export const PHOTO_KINDS = {
  rgb: (file: string) => raw(2400, 1600, 1).jpeg({ quality: 95 }).toFile(file),
  cmyk: (file: string) => raw(2400, 1600, 2).toColourspace('cmyk').jpeg({ quality: 95 }).toFile(file),
  alpha: (file: string) => raw(2400, 1600, 3).ensureAlpha(0.6).png().toFile(file),
  gray: (file: string) => raw(2400, 1600, 4).toColourspace('b-w').jpeg({ quality: 95 }).toFile(file),
  lowres: (file: string) => raw(400, 300, 5).jpeg({ quality: 90 }).toFile(file),
} as const;

const FILE_NAMES = { rgb: 'rgb.jpg', cmyk: 'cmyk.jpg', alpha: 'alpha.png', gray: 'gray.jpg', lowres: 'lowres.jpg' } as const;

/**
 * Writes `<dir>/edition.yaml` (the feature's, with `kinds` as the files of its
 * first photo slots, in order, and `paper.press` when given) and the photos.
 * Returns the ids of the slots that got files.
 */
export async function writePhotoEdition(dir: string, kinds: readonly (keyof typeof PHOTO_KINDS)[], press?: Record<string, unknown>): Promise<string[]> {
  mkdirSync(path.join(dir, 'photos'), { recursive: true });
  const document = parseDocument(readFileSync('content/wuzhi-2024/edition.yaml', 'utf8'));
  const photos = document.toJS().photos as { id: string }[];
  const ids: string[] = [];
  for (const [index, kind] of kinds.entries()) {
    await PHOTO_KINDS[kind](path.join(dir, 'photos', FILE_NAMES[kind]));
    document.setIn(['photos', index, 'file'], `photos/${FILE_NAMES[kind]}`);
    ids.push(photos[index]!.id);
  }
  if (press) document.setIn(['paper', 'press'], press);
  writeFileSync(path.join(dir, 'edition.yaml'), document.toString());
  return ids;
}
