import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trueTypeSlicesFor } from '../../../src/assets/truetype-slices.ts';

const cacheDir = mkdtempSync(join(tmpdir(), 'folio-slices-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('trueTypeSlicesFor', () => {
  it('makes plain TrueType (what Pango accepts) of the slices covering the text, once', async () => {
    const text = '河南江河纸业全貌';
    const files = await trueTypeSlicesFor('Noto Sans SC', 400, text, cacheDir);
    expect(files.length).toBeGreaterThan(0);
    const hb = await import('harfbuzzjs');
    const covered = new Set<number>();
    for (const file of files) {
      expect(file.startsWith(join(cacheDir, 'fonts'))).toBe(true);
      const font = readFileSync(file);
      // The sfnt version of TrueType outlines; a WOFF starts with "wOFF", a WOFF2 with "wOF2".
      expect(font.readUInt32BE(0)).toBe(0x00010000);
      const face = new hb.Face(new hb.Blob(font), 0);
      // The family the placeholder asks Pango for (Fontsource's WOFF2 slices say "Noto Sans SC Thin").
      expect(face.getName(1, 'en')).toBe('Noto Sans SC');
      for (const point of face.collectUnicodes()) covered.add(point);
    }
    for (const char of text) expect(covered.has(char.codePointAt(0)!)).toBe(true);
    const again = await trueTypeSlicesFor('Noto Sans SC', 400, '纸业河南', cacheDir);
    expect(files).toEqual(expect.arrayContaining(again));
    expect(readdirSync(join(cacheDir, 'fonts'))).toHaveLength(files.length);
  });
});
