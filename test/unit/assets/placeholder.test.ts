import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { fontCatalog } from '../../../src/assets/font-catalog.ts';
import { renderPlaceholder } from '../../../src/assets/placeholder.ts';

const cacheDir = mkdtempSync(join(tmpdir(), 'folio-placeholder-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** Text ink (#555) is darker than this; the ground (#d8d8d8), frame and diagonals (#999) are lighter. */
const INK_BELOW = 128;
/** Every line of text is compared as a mask of this size. */
const GRID = { width: 96, height: 48 };

interface Gray {
  data: Buffer;
  width: number;
  height: number;
}

async function toGray(image: Buffer): Promise<Gray> {
  const { data, info } = await sharp(image).flatten({ background: '#ffffff' }).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function isInk(image: Gray, x: number, y: number): boolean {
  return image.data[y * image.width + x]! < INK_BELOW;
}

/** Row spans [top, bottom) that hold ink, separated by rows without any: the lines of text. */
function inkedLines(image: Gray): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  let start = -1;
  for (let y = 0; y <= image.height; y += 1) {
    const inked = y < image.height && Array.from({ length: image.width }, (_, x) => isInk(image, x, y)).some(Boolean);
    if (inked && start < 0) start = y;
    if (!inked && start >= 0) {
      lines.push([start, y]);
      start = -1;
    }
  }
  return lines;
}

/** Rows [top, bottom) cropped to their ink's columns and scaled to GRID, as gray values. */
async function lineImage(image: Gray, [top, bottom]: [number, number]): Promise<number[]> {
  const columns = Array.from({ length: image.width }, (_, x) => x).filter((x) => {
    for (let y = top; y < bottom; y += 1) if (isInk(image, x, y)) return true;
    return false;
  });
  const left = columns[0]!;
  const crop = { left, top, width: columns.at(-1)! - left + 1, height: bottom - top };
  const scaled = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } })
    .extract(crop)
    .resize(GRID.width, GRID.height, { fit: 'fill' })
    .raw()
    .toBuffer();
  return [...scaled];
}

/**
 * Pearson correlation of two gray images: 1 for the same shapes whatever the
 * ink and ground colours, near 0 for unrelated ones. Unlike a thresholded
 * mask it does not depend on how antialiasing thins a stroke.
 */
function likeness(a: number[], b: number[]): number {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const [meanA, meanB] = [mean(a), mean(b)];
  let product = 0;
  let squaresA = 0;
  let squaresB = 0;
  a.forEach((value, i) => {
    product += (value - meanA) * (b[i]! - meanB);
    squaresA += (value - meanA) ** 2;
    squaresB += (b[i]! - meanB) ** 2;
  });
  return product / Math.sqrt(squaresA * squaresB);
}

/**
 * The text drawn from Noto Sans SC's own outlines (HarfBuzz shapes it, librsvg
 * fills the paths): what the placeholder must show, with no font lookup involved.
 */
async function drawnFromOutlines(text: string, weight: number): Promise<number[]> {
  const catalog = await fontCatalog('Noto Sans SC', weight);
  const { default: subsetFont } = await import('subset-font');
  const font = await subsetFont(readFileSync(catalog.wholeScript!), text, { targetFormat: 'truetype' });
  const hb = await import('harfbuzzjs');
  const face = new hb.Face(new hb.Blob(font), 0);
  const hbFont = new hb.Font(face);
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  hb.shape(hbFont, buffer);
  let x = 0;
  const paths = buffer.getGlyphInfosAndPositions().map((glyph) => {
    const path = `<path transform="translate(${x} 0)" d="${hbFont.glyphToPath(glyph.codepoint)}"/>`;
    x += glyph.xAdvance ?? 0;
    return path;
  });
  const size = 100 / face.upem;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(x * size)}" height="100">` +
    `<g fill="#000" transform="translate(0 88) scale(${size} ${-size})">${paths.join('')}</g></svg>`;
  const image = await toGray(Buffer.from(svg));
  const lines = inkedLines(image);
  return lineImage(image, [lines[0]![0], lines.at(-1)![1]]);
}

/** How much the two lines of a placeholder for 图片 look like 图片 in Noto Sans SC Bold (label) and Regular (subject). */
async function likenessOfLines(jpeg: Buffer): Promise<{ lines: number; label: number; subject: number }> {
  const image = await toGray(jpeg);
  const lines = inkedLines(image);
  if (lines.length !== 2) return { lines: lines.length, label: 0, subject: 0 };
  const label = likeness(await lineImage(image, lines[0]!), await drawnFromOutlines('图片', 700));
  const subject = likeness(await lineImage(image, lines[1]!), await drawnFromOutlines('图片', 400));
  return { lines: lines.length, label, subject };
}

/** A box: big enough that the subject's strokes are several pixels wide. */
const FRAME = { width: 1200, height: 800 };
/** Hex boxes score about 0; the glyphs 0.9 and more. */
const LOOKS_ALIKE = 0.8;

describe('renderPlaceholder', () => {
  // The packages ship WOFF; Pango takes SFNT only, so a WOFF-only placeholder
  // fell back to a system font and drew each character as a hex box.
  it('draws 图片 and the subject in Noto Sans SC, not as missing-glyph boxes', async () => {
    const { lines, label, subject } = await likenessOfLines(await renderPlaceholder('图片。', FRAME, 150, cacheDir));
    expect(lines).toBe(2);
    expect(label).toBeGreaterThan(LOOKS_ALIKE);
    expect(subject).toBeGreaterThan(LOOKS_ALIKE);
  });

  // Fontconfig keeps every registered font file for the life of the process;
  // a second copy from another folder could be chosen after its folder is gone.
  it('still draws the glyphs when the cache folders used before are deleted', async () => {
    const first = mkdtempSync(join(tmpdir(), 'folio-placeholder-'));
    const later = mkdtempSync(join(tmpdir(), 'folio-placeholder-'));
    try {
      await renderPlaceholder('图片', FRAME, 150, first);
      rmSync(first, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
      const { lines, label, subject } = await likenessOfLines(await renderPlaceholder('图片！', FRAME, 150, later));
      expect(lines).toBe(2);
      expect(label).toBeGreaterThan(LOOKS_ALIKE);
      expect(subject).toBeGreaterThan(LOOKS_ALIKE);
    } finally {
      for (const dir of [first, later]) rmSync(dir, { recursive: true, force: true });
    }
  });
});
