import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focalCrop, outputSize } from '../../../src/assets/crop.ts';
import { checkPhotoFiles, prepareImages, type Frame } from '../../../src/assets/images.ts';
import { placeholderSubject } from '../../../src/assets/placeholder.ts';
import type { Photo } from '../../../src/content/schema.ts';
import { AssetError } from '../../../src/errors.ts';

let root: string;
let edition: string;
let cache: string;

/** 600×200 px: red on the left third, blue elsewhere. */
function stripes(): Buffer {
  return Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200">' +
      '<rect width="600" height="200" fill="#0000ff"/><rect width="200" height="200" fill="#ff0000"/></svg>',
  );
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'folio-images-'));
  edition = join(root, 'edition');
  cache = join(root, 'cache');
  mkdirSync(edition);
  await sharp(stripes()).jpeg({ quality: 95 }).toFile(join(edition, 'stripes.jpg'));
  await sharp(stripes()).toColourspace('b-w').jpeg().toFile(join(edition, 'gray.jpg'));
  // Stored landscape, viewed portrait: EXIF 6 turns the red left third into the top third.
  await sharp(stripes()).jpeg().withMetadata({ orientation: 6 }).toFile(join(edition, 'rotated.jpg'));
  writeFileSync(join(edition, 'notes.jpg'), 'this is not an image');
  mkdirSync(join(edition, 'folder.jpg'));
  await sharp(stripes()).png().toFile(join(root, 'outside.png'));
  symlinkSync(join(root, 'outside.png'), join(edition, 'linked.png'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const photo = (id: string, file?: string, extra: Partial<Photo> = {}): Photo => ({ id, caption: `${id} 的图片说明。`, ...(file ? { file } : {}), ...extra });

async function prepareOne(p: Photo, frame: Omit<Frame, 'id'>, ppi?: number) {
  const result = await prepareImages({ photos: [p], editionDir: edition, frames: [{ id: p.id, ...frame }], cacheDir: cache, ppi });
  return result[p.id]!;
}

async function meanColour(file: string): Promise<number[]> {
  const stats = await sharp(file).stats();
  return stats.channels.map((channel) => channel.mean);
}

describe('crop geometry', () => {
  it('keeps the focal point central unless an edge stops it', () => {
    expect(focalCrop({ width: 600, height: 200 }, { width: 100, height: 100 }, { x: 0.5, y: 0.5 })).toEqual({ left: 200, top: 0, width: 200, height: 200 });
    expect(focalCrop({ width: 600, height: 200 }, { width: 100, height: 100 }, { x: 0.1, y: 0.5 })).toEqual({ left: 0, top: 0, width: 200, height: 200 });
    expect(focalCrop({ width: 600, height: 200 }, { width: 100, height: 100 }, { x: 1, y: 0 })).toEqual({ left: 400, top: 0, width: 200, height: 200 });
  });

  it('never asks for more pixels than the crop has', () => {
    expect(outputSize({ width: 200, height: 200 }, { width: 3000, height: 3000 })).toEqual({ width: 200, height: 200 });
    expect(outputSize({ width: 2000, height: 1000 }, { width: 300, height: 150 })).toEqual({ width: 300, height: 150 });
  });
});

describe('placeholderSubject', () => {
  it('drops a leading 组图 and closing punctuation', () => {
    expect(placeholderSubject('组图：党员群众植树。')).toBe('党员群众植树');
    expect(placeholderSubject('嘉应观全景！')).toBe('嘉应观全景');
  });
});

describe('prepareImages: placeholders', () => {
  it('draws a 1-channel placeholder of the exact size at 300 ppi', async () => {
    const image = await prepareOne(photo('slot', undefined, { caption: '组图：焦作市嘉应观乡党员群众在黄河岸边植树。' }), { widthPt: 100, heightPt: 80 });
    expect(image.placeholder).toBe(true);
    expect([image.widthPx, image.heightPx]).toEqual([417, 333]);
    expect(image.channels).toBe(1);
    const metadata = await sharp(image.path).metadata();
    expect([metadata.width, metadata.height, metadata.channels]).toEqual([417, 333, 1]);
    // Not a flat gray box: the frame, diagonals and text are drawn in darker ink.
    const [gray] = (await sharp(image.path).stats()).channels;
    expect(gray!.min).toBeLessThan(120);
    expect(gray!.max).toBeGreaterThan(200);
    expect(gray!.stdev).toBeGreaterThan(5);
    expect(image.url).toMatch(/^file:\/\//);
  });
});

describe('prepareImages: photos', () => {
  it('crops around the focal point', async () => {
    const left = await prepareOne(photo('left', 'stripes.jpg', { focus: { x: 0.1, y: 0.5 } }), { widthPt: 72, heightPt: 72 }, 100);
    const [red, , blue] = await meanColour(left.path);
    expect(red).toBeGreaterThan(200);
    expect(blue).toBeLessThan(60);
    const centre = await prepareOne(photo('centre', 'stripes.jpg'), { widthPt: 72, heightPt: 72 }, 100);
    expect((await meanColour(centre.path))[2]).toBeGreaterThan(200);
  });

  it('resizes to the placed size at the given ppi', async () => {
    const image = await prepareOne(photo('small', 'stripes.jpg'), { widthPt: 72, heightPt: 24 }, 300);
    expect([image.widthPx, image.heightPx, image.channels, image.placeholder]).toEqual([300, 100, 3, false]);
  });

  it('never upscales beyond the source pixels, keeping the frame aspect', async () => {
    const image = await prepareOne(photo('big', 'stripes.jpg'), { widthPt: 720, heightPt: 720 }, 300);
    expect([image.widthPx, image.heightPx]).toEqual([200, 200]);
  });

  it('applies the EXIF orientation before cropping', async () => {
    const top = await prepareOne(photo('top', 'rotated.jpg', { focus: { x: 0.5, y: 0 } }), { widthPt: 72, heightPt: 72 }, 100);
    expect((await meanColour(top.path))[0]).toBeGreaterThan(200);
    const bottom = await prepareOne(photo('bottom', 'rotated.jpg', { focus: { x: 0.5, y: 1 } }), { widthPt: 72, heightPt: 72 }, 100);
    expect((await meanColour(bottom.path))[2]).toBeGreaterThan(200);
  });

  it('keeps grayscale sources as 1-channel images', async () => {
    const image = await prepareOne(photo('gray', 'gray.jpg'), { widthPt: 72, heightPt: 72 }, 100);
    expect(image.channels).toBe(1);
    expect((await sharp(image.path).metadata()).channels).toBe(1);
  });

  it('reuses a cached image without rewriting it', async () => {
    const first = await prepareOne(photo('cached', 'stripes.jpg'), { widthPt: 36, heightPt: 36 }, 100);
    const before = statSync(first.path).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 30));
    const second = await prepareOne(photo('cached', 'stripes.jpg'), { widthPt: 36, heightPt: 36 }, 100);
    expect(second.path).toBe(first.path);
    expect(statSync(second.path).mtimeMs).toBe(before);
    const otherFocus = await prepareOne(photo('cached', 'stripes.jpg', { focus: { x: 0, y: 0 } }), { widthPt: 36, heightPt: 36 }, 100);
    expect(otherFocus.path).not.toBe(first.path);
  });
});

describe('photo file errors', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['missing', 'nowhere.jpg', /does not exist/],
    ['not-image', 'notes.jpg', /not an image/],
    ['directory', 'folder.jpg', /not a regular file/],
    ['escape', 'linked.png', /outside the edition folder/],
    ['dotdot', '../outside.png', /outside the edition folder/],
  ];

  it.each(cases)('checkPhotoFiles rejects %s', async (id, file, message) => {
    const attempt = checkPhotoFiles([photo(id, file)], edition);
    await expect(attempt).rejects.toBeInstanceOf(AssetError);
    await expect(attempt).rejects.toThrow(message);
    await expect(attempt).rejects.toThrow(new RegExp(`"${id}".*"${file.replace(/\./g, '\\.')}"`));
  });

  it('prepareImages never falls back to a placeholder for a bad file', async () => {
    await expect(prepareOne(photo('missing', 'nowhere.jpg'), { widthPt: 72, heightPt: 72 })).rejects.toBeInstanceOf(AssetError);
  });

  it('accepts good files and placeholders', async () => {
    await expect(checkPhotoFiles([photo('ok', 'stripes.jpg'), photo('slot')], edition)).resolves.toBeUndefined();
  });
});
