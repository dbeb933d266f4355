/**
 * The Wuzhi feature rendered for real and inspected as a printer would:
 * page count, boxes, crop marks, fonts, every block once, the column grid and
 * the punctuation.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/pipeline.ts';
import { DUIKAI, measureGeometry } from '../../src/defaults.ts';
import { sharedBrowser } from './support/browser.ts';
import { groupLines, readBoxes, readFonts, readPdfText, type PdfText } from './support/pdf.ts';
import { uniqueSourceBlocks } from './support/source.ts';

const MM = 72 / 25.4;
const countOf = (haystack: string, needle: string) => haystack.split(needle).length - 1;
const squash = (text: string) => text.replace(/\s+/g, '');

let result: BuildResult;
let text: PdfText;
let pdf: string;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-feature-'));
  pdf = path.join(dir, 'wuzhi-2024.pdf');
  result = await build({ input: 'content/wuzhi-2024', output: pdf, browser: await sharedBrowser() });
  text = await readPdfText(pdf);
});

describe('the Wuzhi feature page', () => {
  it('reports its arrangement as the placed modules every page reports: headline, gallery and each section where it prints', async () => {
    const a = result.arrangement!;
    expect(a.modules.map((m) => m.id)).toEqual(['headline', 'gallery', 'review-2023', 'outlook-2024']);
    // The modules tile the type area top to bottom with one gap line between them.
    const last = a.modules.at(-1)!;
    expect(last.line + last.lines + a.blankLines).toBe(a.lines);
    for (const [i, m] of a.modules.slice(1).entries()) expect(m.line).toBe(a.modules[i]!.line + a.modules[i]!.lines + 1);
    // Each section's band label prints inside the rectangle the report gives it.
    const { trim } = readBoxes(pdf);
    const m = measureGeometry(DUIKAI);
    const top = trim[3]! - m.marginTop;
    for (const [id, label] of [['review-2023', '精彩'], ['outlook-2024', '蓄势']] as const) {
      const section = a.modules.find((mod) => mod.id === id)!;
      const glyph = text.items.find((item) => squash(item.str).includes(label) && item.height > 12);
      expect(glyph, label).toBeDefined();
      expect(glyph!.y).toBeLessThan(top - section.line * DUIKAI.linePitchPt);
      expect(glyph!.y).toBeGreaterThan(top - (section.line + section.lines) * DUIKAI.linePitchPt);
    }
  });

  it('is exactly one page', () => {
    expect(result.pages).toBe(1);
    expect(text.pageCount).toBe(1);
  });

  it('has a 390×545 mm TrimBox and a BleedBox 3 mm larger on each side', () => {
    const { trim, bleed, media } = readBoxes(pdf);
    expect((trim[2]! - trim[0]!) / MM).toBeCloseTo(390, 1);
    expect((trim[3]! - trim[1]!) / MM).toBeCloseTo(545, 1);
    for (const [i, sign] of [[0, -1], [1, -1], [2, 1], [3, 1]] as const) {
      expect((bleed[i]! - trim[i]!) / MM).toBeCloseTo(3 * sign, 1);
      // The media is larger still: room for the crop marks.
      expect(sign * (media[i]! - bleed[i]!)).toBeGreaterThan(0);
    }
  });

  it('draws crop marks outside the trim and bleed, at the trim lines', async () => {
    const { trim, media } = readBoxes(pdf);
    const dpi = 100;
    const root = pdf.replace(/\.pdf$/, '-marks');
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', pdf, root]);
    const { data, info } = await sharp(`${root}.png`).greyscale().raw().toBuffer({ resolveWithObject: true });
    const px = (pt: number) => Math.round((pt * dpi) / 72);
    const mediaHeight = media[3]!;
    const trimLeft = px(trim[0]!);
    const trimTop = px(mediaHeight - trim[3]!);
    const dark = (x: number, y: number) => data[y * info.width + x]! < 128;
    // A vertical mark above the top-left corner, on the trim's left edge, beyond the 3 mm bleed.
    const markRows = Array.from({ length: px(5 * MM) }, (_, i) => trimTop - px(4 * MM) - i).filter((y) => y >= 0);
    const onMark = markRows.filter((y) => [-1, 0, 1].some((dx) => dark(trimLeft + dx, y)));
    expect(onMark.length).toBeGreaterThan(markRows.length / 2);
    // Nothing inside the bleed zone around the corner (marks stop short of the bleed).
    for (let d = 1; d < px(3 * MM); d += 1) expect(dark(trimLeft - d, trimTop - d)).toBe(false);
  });

  it('embeds every font, none of them Type 3', () => {
    const fonts = readFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.type, font.name).not.toBe('Type 3');
    }
  });

  it('prints every unique block of the source exactly once', () => {
    const page = squash(text.joined);
    const blocks = uniqueSourceBlocks();
    expect(blocks.length).toBeGreaterThan(40);
    for (const block of blocks) {
      // A short block can also occur inside a longer one (擎旗领跑 is in the lead).
      const inside = blocks.filter((other) => other !== block && squash(other).includes(squash(block))).length;
      expect(countOf(page, squash(block)), block).toBe(1 + inside);
    }
  });

  it('prints the paragraph the source repeats five times only once, and merges the twice-printed subhead', () => {
    const page = squash(text.joined);
    expect(countOf(page, '坚决维护意识形态安全')).toBe(1);
    expect(countOf(page, '守牢安全发展底线')).toBe(1);
    expect(countOf(page, '实施项目攻坚行动')).toBe(1);
    expect(countOf(page, '稳定扩大就业创业')).toBe(1);
  });

  it('sets body text in at least 6 columns on the 8-column grid', () => {
    const geometry = measureGeometry(DUIKAI);
    const { trim } = readBoxes(pdf);
    const typeLeft = trim[0]! + geometry.marginInside;
    const pitch = geometry.columnWidth + geometry.gutter;
    const bodyLines = groupLines(text.items.filter((item) => Math.abs(item.height - DUIKAI.bodySizePt) < 0.3));
    const columns = new Set<number>();
    for (const line of bodyLines) {
      const start = line[0]!.x - typeLeft;
      const column = Math.round(start / pitch);
      // A line starts at a column's left edge, or 2 em in for a first line.
      const offset = start - column * pitch;
      if (offset > -1 && offset < 2 * DUIKAI.bodySizePt + 1) columns.add(column);
    }
    expect(columns.size).toBeGreaterThanOrEqual(6);
  });

  it('has no half-width , ; : ( ) next to Chinese characters', () => {
    const han = '\\p{Script=Han}';
    const pattern = new RegExp(`(${han}[,;:()])|([,;:()]${han})`, 'u');
    expect(pattern.exec(squash(text.joined))).toBeNull();
  });
});
