import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUnicodeRange } from '../../../src/assets/font-catalog.ts';
import { selectFontFaces } from '../../../src/assets/fonts.ts';
import { unicodeRangeOf } from '../../../src/assets/font-merge.ts';

const points = (text: string) => [...text].map((char) => char.codePointAt(0)!);

/** Where a table starts in a TrueType file (its directory follows the 12-byte header), or -1. */
function tableOffset(font: Buffer, tag: string): number {
  for (let i = 0; i < font.readUInt16BE(4); i += 1) {
    if (font.toString('latin1', 12 + i * 16, 16 + i * 16) === tag) return font.readUInt32BE(12 + i * 16 + 8);
  }
  return -1;
}

describe('unicodeRangeOf', () => {
  it('lists code points, folding runs into ranges', () => {
    expect(unicodeRangeOf([0x4e03, 0x4e00, 0x4e01, 0x4e02, 0x20, 0x4e00])).toBe('U+20, U+4E00-4E03');
    expect(parseUnicodeRange(unicodeRangeOf(points('擎旗领跑')))).toHaveLength(4);
  });
});

describe('selectFontFaces with a cache folder', () => {
  it('cuts one TrueType face with exactly the text of a Noto face, declared after any slices', async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'folio-fonts-'));
    const text = '擎旗领跑，勇闯高质量发展新路“2023”';
    const { faces, css } = await selectFontFaces([{ family: 'Noto Serif SC', weight: 400, text }], cacheDir);
    const cut = faces.at(-1)!;
    expect(cut.file.startsWith(path.join(cacheDir, 'fonts'))).toBe(true);
    expect(cut.file.endsWith('.ttf')).toBe(true);
    expect(css).toMatch(/format\("truetype"\)/);
    // Every character is in the cut: no slice is needed besides it.
    const ranges = parseUnicodeRange(cut.unicodeRange);
    for (const point of points(text)) expect(ranges.some(([low, high]) => point >= low && point <= high)).toBe(true);
    expect(faces).toHaveLength(1);
    // Small: the page's characters only (the whole-script file is 1.5 MB).
    expect(statSync(cut.file).size).toBeLessThan(60_000);
  });

  // Issue 19: text-spacing-trim and the squeeze (标点挤压) set marks half-width
  // through the font's GPOS halt/chws; a cut that dropped them would print every mark full-width.
  it('keeps the GPOS features punctuation compression needs (halt, chws)', async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'folio-fonts-'));
    const { faces } = await selectFontFaces([{ family: 'Noto Serif SC', weight: 400, text: '中心，第二人民医院“建成”。' }], cacheDir);
    const hb = await import('harfbuzzjs');
    const face = new hb.Face(new hb.Blob(readFileSync(faces.at(-1)!.file)), 0);
    expect(face.getTableFeatureTags('GPOS')).toEqual(expect.arrayContaining(['halt', 'chws']));
  });

  it('reuses the cut for the same text, and leaves characters the whole-script file lacks to the slices', async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'folio-fonts-'));
    const first = await selectFontFaces([{ family: 'Noto Sans SC', weight: 700, text: '图片' }], cacheDir);
    const again = await selectFontFaces([{ family: 'Noto Sans SC', weight: 700, text: '片图' }], cacheDir);
    expect(again.faces.at(-1)!.file).toBe(first.faces.at(-1)!.file);
    expect(readdirSync(path.join(cacheDir, 'fonts'))).toHaveLength(1);
    // Ж (U+0416) is not in the simplified-Chinese file; the Cyrillic slice covers it.
    const rare = await selectFontFaces([{ family: 'Noto Sans SC', weight: 700, text: '图Ж' }], cacheDir);
    const slices = rare.faces.filter((face) => face.file.endsWith('.woff2'));
    const cut = rare.faces.at(-1)!;
    expect(parseUnicodeRange(cut.unicodeRange)).toEqual([[0x56fe, 0x56fe]]);
    expect(slices.some((face) => parseUnicodeRange(face.unicodeRange).some(([low, high]) => 0x416 >= low && 0x416 <= high))).toBe(true);
  });

  it('cuts LXGW WenKai from the whole font of the weight asked for (Fontsource files the Regular as 500)', async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'folio-fonts-'));
    for (const weight of [300, 400, 700]) {
      const { faces } = await selectFontFaces([{ family: 'LXGW WenKai', weight, text: '嘉应镇御坝村黄河文化研学基地。' }], cacheDir);
      expect(faces).toHaveLength(1);
      const font = readFileSync(faces[0]!.file);
      expect(tableOffset(font, 'glyf')).toBeGreaterThan(0);
      // usWeightClass, 4 bytes into OS/2: the face is the weight the page asked for.
      expect(font.readUInt16BE(tableOffset(font, 'OS/2') + 4)).toBe(weight);
    }
  });

  it('uses only slices without a cache folder to cut into', async () => {
    const { faces } = await selectFontFaces([{ family: 'LXGW WenKai', weight: 400, text: '图片说明' }]);
    expect(faces.length).toBeGreaterThan(0);
    expect(faces.every((face) => face.file.endsWith('.woff2'))).toBe(true);
  });
});
