import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUnicodeRange } from '../../../src/assets/font-catalog.ts';
import { findUncoveredCharacters, fontSubsetsFor, selectFontFaces, type FontFaceFile } from '../../../src/assets/fonts.ts';
import { AssetError } from '../../../src/errors.ts';

function covers(faces: readonly Pick<FontFaceFile, 'unicodeRange'>[], char: string): boolean {
  const codePoint = char.codePointAt(0)!;
  return faces.some((face) => parseUnicodeRange(face.unicodeRange).some(([low, high]) => codePoint >= low && codePoint <= high));
}

describe('parseUnicodeRange', () => {
  it('reads single points, ranges and wildcards', () => {
    expect(parseUnicodeRange('U+26, U+0000-00FF,U+4??')).toEqual([
      [0x26, 0x26],
      [0, 0xff],
      [0x400, 0x4ff],
    ]);
  });
});

describe('selectFontFaces', () => {
  it('emits only the few subsets that cover the text', async () => {
    const { css, faces } = await selectFontFaces([{ family: 'Noto Serif SC', weight: 900, text: '擎旗' }]);
    expect(faces.length).toBeGreaterThan(0);
    expect(faces.length).toBeLessThanOrEqual(2);
    expect(covers(faces, '擎')).toBe(true);
    expect(covers(faces, '旗')).toBe(true);
    expect(css.match(/@font-face/g)).toHaveLength(faces.length);
    for (const face of faces) {
      expect(isAbsolute(face.file)).toBe(true);
      expect(face.file.endsWith('.woff2')).toBe(true);
      expect(existsSync(face.file)).toBe(true);
    }
  });

  it('writes file:// sources, unicode-range and font-display: block', async () => {
    const { css } = await selectFontFaces([{ family: 'Noto Sans SC', weight: 700, text: '图' }]);
    expect(css).toMatch(/src: url\("file:\/\/\/[^"]+\.woff2"\) format\("woff2"\);/);
    expect(css).toContain('unicode-range: U+');
    expect(css).toContain('font-display: block;');
    expect(css).toContain('font-weight: 700;');
    expect(css).toContain('font-family: "Noto Sans SC";');
  });

  it('includes the latin subset only when latin digits are used', async () => {
    const without = await selectFontFaces([{ family: 'Noto Serif SC', weight: 400, text: '年' }]);
    const withDigits = await selectFontFaces([{ family: 'Noto Serif SC', weight: 400, text: '2023年' }]);
    expect(covers(without.faces, '2')).toBe(false);
    expect(covers(withDigits.faces, '2')).toBe(true);
    expect(withDigits.faces.length).toBeGreaterThan(without.faces.length);
  });

  it('merges uses of the same family and weight', async () => {
    const merged = await selectFontFaces([
      { family: 'Noto Sans SC', weight: 400, text: '擎' },
      { family: 'Noto Sans SC', weight: 400, text: '擎旗' },
    ]);
    const files = merged.faces.map((face) => face.file);
    expect(new Set(files).size).toBe(files.length);
    expect(covers(merged.faces, '旗')).toBe(true);
  });

  it('keeps families and weights apart', async () => {
    const { faces } = await selectFontFaces([
      { family: 'Noto Sans SC', weight: 400, text: '中' },
      { family: 'LXGW WenKai', weight: 400, text: '中' },
    ]);
    expect(new Set(faces.map((face) => face.family))).toEqual(new Set(['Noto Sans SC', 'LXGW WenKai']));
  });

  it('emits nothing for empty text or line breaks only', async () => {
    expect((await selectFontFaces([{ family: 'Noto Sans SC', weight: 400, text: '\n' }])).faces).toEqual([]);
  });

  it('rejects an unknown weight, naming the available ones', async () => {
    const attempt = selectFontFaces([{ family: 'LXGW WenKai', weight: 500, text: '中' }]);
    await expect(attempt).rejects.toBeInstanceOf(AssetError);
    await expect(attempt).rejects.toThrow(/300, 400, 700/);
  });
});

describe('findUncoveredCharacters', () => {
  it('reports characters no subset covers, ignoring spaces and line breaks', async () => {
    const uncovered = await findUncoveredCharacters([{ family: 'Noto Sans SC', weight: 400, text: '擎旗 2023\n𠀀' }]);
    expect(uncovered).toEqual([{ char: '𠀀', codePoint: 0x20000, family: 'Noto Sans SC', weight: 400 }]);
  });
});

describe('fontSubsetsFor', () => {
  it('returns the package slices covering the text, each with its range', async () => {
    const subsets = await fontSubsetsFor('Noto Sans SC', 700, '图片');
    expect(subsets.length).toBeGreaterThan(0);
    for (const char of '图片') expect(covers(subsets, char)).toBe(true);
    for (const subset of subsets) expect(existsSync(subset.woff2)).toBe(true);
  });
});
