/**
 * Professional setting, checked on real PDFs of the feature and of the two
 * copyfit test editions (less text, more text per photo): clreq line-breaking,
 * one baseline grid, full pages with level columns, subheads kept with their
 * text, no 孤字.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/pipeline.ts';
import { DUIKAI } from '../../src/defaults.ts';
import { sharedBrowser } from './support/browser.ts';
import { readBoxes, readPdfGlyphs, type PdfBoxes } from './support/pdf.ts';
import { columnLines, largestBlankSquareMm, type ColumnLine } from './support/layout.ts';
import { featureTextZones } from './support/text-zones.ts';
import { moduleRects } from './support/modules.ts';
import { readGlyphs, type Glyph } from './support/glyphs.ts';
import { boxItems, wordBoundaries } from './support/honors.ts';
import { captionUnder, edgeMisalignment, readFrames, type FrameRect } from './support/frames.ts';
import { couldHoldOneMore, glyphLines, hanSpread, nextInParagraph, wordSpread, type GlyphLine } from './support/justification.ts';

const EDITIONS = (process.env.ONLY ?? 'wuzhi-2024,wuzhi-2023-only,wuzhi-2024-dense').split(',');
const PITCH = DUIKAI.linePitchPt;
// clreq "basic" level: marks that may not start a line, and marks that may not end one.
const NO_LINE_START = /^[，。、；：？！”’）》〉」』】〕…—·]/u;
const NO_LINE_END = /[“‘（《〈「『【〔]$/u;

interface Rendered {
  result: BuildResult;
  pdf: string;
  boxes: PdfBoxes;
  body: ColumnLine[];
  /** Body lines with each glyph's own position (justification is read from these). */
  bodyGlyphs: GlyphLine[];
  glyphs: Glyph[];
  subheads: ColumnLine[];
  bands: number[];
  frames: FrameRect[];
}

const rendered = new Map<string, Rendered>();

beforeAll(async () => {
  const browser = await sharedBrowser();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-typography-'));
  await Promise.all(
    EDITIONS.map(async (id) => {
      const pdf = path.join(dir, `${id}.pdf`);
      const result = await build({ input: `content/${id}`, output: pdf, browser });
      const boxes = readBoxes(pdf);
      const glyphs = await readPdfGlyphs(pdf);
      const isBody = (g: (typeof glyphs)[number]) => /NotoSerifSC/.test(g.font) && /Regular/.test(g.font) && Math.abs(g.height - 9) < 0.3;
      // Subhead titles: bold sans above the 9 pt labels and below the 20 pt bands.
      const isSubhead = (g: (typeof glyphs)[number]) => /NotoSansSC/.test(g.font) && /Bold/.test(g.font) && g.height > 9.5 && g.height < 16;
      const isBodyGlyph = (g: { font: string; size: number }) => /NotoSerifSC/.test(g.font) && /Regular/.test(g.font) && Math.abs(g.size - 9) < 0.3;
      const allGlyphs = await readGlyphs(pdf);
      // A band set in fewer, wider columns than the grid's (变栏) is read in its own columns.
      const zones = featureTextZones(result.fit!, boxes.trim, DUIKAI);
      const bodyGlyphs = glyphLines(allGlyphs.filter(isBodyGlyph), boxes.trim, DUIKAI, zones);
      const bands = [...new Set(glyphs.filter((g) => /NotoSansSC/.test(g.font) && Math.abs(g.height - 20) < 0.3).map((g) => Math.round(g.y)))].sort((a, b) => b - a);
      rendered.set(id, {
        result,
        pdf,
        boxes,
        body: columnLines(glyphs.filter(isBody), boxes.trim, DUIKAI, zones),
        bodyGlyphs,
        glyphs: allGlyphs,
        subheads: columnLines(glyphs.filter(isSubhead), boxes.trim, DUIKAI, zones),
        bands,
        frames: await readFrames(pdf),
      });
    }),
  );
});

/** The body lines of each section module, grouped by column (modules start at their band). */
function sectionColumns(page: Rendered): Map<number, ColumnLine[]>[] {
  const tops = page.bands;
  return tops.map((top, i) => {
    const bottom = tops[i + 1] ?? Number.NEGATIVE_INFINITY;
    const columns = new Map<number, ColumnLine[]>();
    for (const line of page.body.filter((l) => l.y < top && l.y > bottom)) {
      columns.set(line.column, [...(columns.get(line.column) ?? []), line]);
    }
    return columns;
  });
}

describe.each(EDITIONS)('%s', (id) => {
  const page = () => rendered.get(id)!;

  it('fits on one page with no blank lines', () => {
    expect(page().result.pages).toBe(1);
    expect(page().result.fit!.arrangement.blankLines).toBe(0);
    expect(page().body.length).toBeGreaterThan(40);
  });

  it('starts and ends no line with a prohibited mark (clreq basic)', () => {
    for (const line of page().body) {
      expect(line.text, `column ${line.column}`).not.toMatch(NO_LINE_START);
      expect(line.text, `column ${line.column}`).not.toMatch(NO_LINE_END);
    }
  });

  it('leaves no character alone on a line (孤字)', () => {
    const single = page().body.filter((line) => [...line.text].length === 1);
    expect(single.map((line) => `${line.column}@${line.y}: ${line.text}`)).toEqual([]);
  });

  it('sets at least 95% of body lines on one baseline grid across all columns', () => {
    const top = page().boxes.trim[3]!;
    const residues = new Map<number, number>();
    for (const line of page().body) {
      const residue = Math.round(((((top - line.y) % PITCH) + PITCH) % PITCH) * 4) / 4;
      residues.set(residue, (residues.get(residue) ?? 0) + 1);
    }
    const onGrid = Math.max(...residues.values());
    expect(onGrid / page().body.length).toBeGreaterThanOrEqual(0.95);
  });

  // The last column may end up to two lines short: the band foot takes evening's slack where
  // spacing that keeps subheads evenly spaced cannot level the columns (issue 19).
  it('ends the columns of each section module within one line of each other, the last up to two lines short', () => {
    for (const columns of sectionColumns(page())) {
      const byColumn = [...columns.entries()].sort(([a], [b]) => a - b);
      const feet = byColumn.map(([, lines]) => Math.min(...lines.map((l) => l.y)));
      const others = feet.slice(0, -1);
      const last = feet[feet.length - 1]!;
      console.log(`${id}: column feet above the lowest (lines): ${feet.map((y) => ((y - Math.min(...feet)) / PITCH).toFixed(1)).join(', ')}`);
      expect(feet.length).toBeGreaterThan(1);
      expect(Math.max(...others) - Math.min(...others)).toBeLessThanOrEqual(PITCH + 0.5);
      expect(Math.min(...others) - last).toBeLessThanOrEqual(PITCH + 0.5);
      expect(last - Math.min(...others)).toBeLessThanOrEqual(2 * PITCH + 0.5);
    }
  });

  // Issue 19: evening takes its slack at the band foot before it opens a blank line inside an article.
  it('opens no blank line between the lines of a column but above a subhead', () => {
    const gaps: string[] = [];
    for (const columns of sectionColumns(page())) {
      for (const [column, lines] of columns) {
        const sorted = [...lines].sort((a, b) => b.y - a.y);
        for (let i = 1; i < sorted.length; i += 1) {
          const [above, below] = [sorted[i - 1]!, sorted[i]!];
          if (above.y - below.y < 1.5 * PITCH) continue;
          const subhead = page().subheads.some((line) => line.column === column && line.y < above.y && line.y > below.y);
          if (!subhead) gaps.push(`${column}@${above.y}: ${above.text} / ${below.text}`);
        }
      }
    }
    expect(gaps).toEqual([]);
  });

  it('keeps every subhead with its text (none stranded at a column foot)', () => {
    const body = page().body;
    // A title runs to several lines: its last line is the one its text must follow.
    const lastLines = page().subheads.filter((line, _, all) => !all.some((other) => other.column === line.column && other.y < line.y && line.y - other.y < 1.5 * PITCH));
    expect(lastLines.length).toBeGreaterThan(0);
    for (const subhead of lastLines) {
      const below = body.filter((line) => line.column === subhead.column && line.y < subhead.y && subhead.y - line.y < 3 * PITCH);
      expect(below.length, `subhead ${subhead.text} in column ${subhead.column}`).toBeGreaterThan(0);
    }
  });

  // Issue 19: justify by compressing punctuation (标点挤压), not by letter-spacing.
  it('spreads Han characters by at most 0.15 em in 99% of body lines', () => {
    const lines = page().bodyGlyphs;
    const loose = lines.filter((line) => hanSpread(line) > 0.15).map((line) => `${line.column}@${line.y}: ${line.text} (${hanSpread(line).toFixed(2)} em)`);
    expect(lines.length).toBeGreaterThan(40);
    expect(loose.length, loose.join('\n')).toBeLessThanOrEqual(Math.floor(lines.length * 0.01));
  });

  it('never spaces the letters of a Latin or digit run', () => {
    const spaced = page().bodyGlyphs.filter((line) => wordSpread(line) > 0.01).map((line) => `${line.column}@${line.y}: ${line.text}`);
    expect(spaced).toEqual([]);
  });

  it('leaves no line short of a character that a compressed ，。、 would have taken in', () => {
    const lines = page().bodyGlyphs;
    const missed = lines.flatMap((line) => {
      const next = nextInParagraph(lines, line, PITCH);
      return next && couldHoldOneMore(line, next) ? [`${line.column}@${line.y}: ${line.text} / ${next.text}`] : [];
    });
    expect(missed).toEqual([]);
  });

  // Issue 19: the honors box breaks between phrases and leaves no character alone.
  it('breaks honors only between words, never leaving one character on a line', () => {
    const items = boxItems(page().glyphs, page().boxes.trim, DUIKAI, 6, 12);
    expect(items.length).toBeGreaterThan(3);
    const problems: string[] = [];
    for (const item of items) {
      const bounds = wordBoundaries(item.text);
      let at = 0;
      for (const line of item.lines.slice(0, -1)) {
        at += line.length;
        if (!bounds.has(at)) problems.push(`${item.text}: breaks inside a word after ${line}`);
      }
      // 奖” is one character and its mark: alone on a line all the same.
      for (const line of item.lines) if (line.replace(/[^\p{L}\p{N}]/gu, '').length <= 1) problems.push(`${item.text}: ${line} alone on a line`);
    }
    expect(problems).toEqual([]);
  });

  // Issue 19: GB/T 15834 sets “ ” · full-width beside Chinese text; LXGW WenKai draws them narrow.
  it('gives every quote and interpunct in Kai text (captions, leads) a full-width cell', () => {
    const kai = page().glyphs.filter((g) => /WenKai/i.test(g.font));
    const narrow: string[] = [];
    for (const [i, glyph] of kai.entries()) {
      const before = kai[i - 1];
      const after = kai[i + 1];
      if (!/[“”‘’·]/u.test(glyph.char) || !before || !after || before.y !== glyph.y || after.y !== glyph.y) continue;
      const cell = (after.x - (before.x + before.advance)) / glyph.size;
      if (cell < 0.9) narrow.push(`${before.char}${glyph.char}${after.char} (${cell.toFixed(2)} em)`);
    }
    expect(kai.length).toBeGreaterThan(100);
    expect(narrow).toEqual([]);
  });

  // Issue 19, item 5: a 美编 aligns frame edges, not captions (the lead photo beside two rows of two included).
  it('aligns the top and bottom edges of frames set side by side within 0.5 pt', () => {
    const report = edgeMisalignment(page().frames);
    const worst = Math.max(...report.map((r) => Math.max(r.top, r.bottom)));
    console.log(`${id}: ${page().frames.length} frames, ${report.length} beside another; worst edge offset ${worst.toFixed(2)} pt`);
    expect(report.length).toBeGreaterThan(1);
    const off = report.filter((r) => r.top > 0.5 || r.bottom > 0.5).map((r) => `frame at x ${r.frame.left.toFixed(1)}, y ${r.frame.top.toFixed(1)}–${r.frame.bottom.toFixed(1)}: top ${r.top.toFixed(2)} pt, bottom ${r.bottom.toFixed(2)} pt off`);
    expect(off).toEqual([]);
  });

  // Issue 19, items 2 and 3: a caption breaks between words and leaves no phrase or character alone on a line.
  it('breaks captions only between words, never leaving one word or one character on a line', () => {
    const { frames, glyphs } = page();
    const captions = frames.map((frame) => captionUnder(glyphs, frame, PITCH)).filter((lines) => lines.length > 0);
    const words = (line: string) => [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(line)].filter((s) => s.isWordLike).length;
    console.log(`${id}: ${captions.length} captions under ${frames.length} frames, ${captions.filter((c) => c.length > 1).length} of more than one line; last lines: ${captions.filter((c) => c.length > 1).map((c) => c.at(-1)).join(' | ')}`);
    expect(captions.length).toBe(frames.length);
    const problems: string[] = [];
    for (const lines of captions) {
      const text = lines.join('');
      const bounds = wordBoundaries(text);
      let at = 0;
      for (const line of lines.slice(0, -1)) {
        at += line.length;
        if (!bounds.has(at)) problems.push(`${text}: breaks inside a word after ${line}`);
      }
      if (lines.length < 2) continue;
      for (const line of lines) {
        if (line.replace(/[^\p{L}\p{N}]/gu, '').length <= 1 || words(line) < 2) problems.push(`${text}: ${line} alone on a line`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('leaves no blank square larger than 25 mm in the type area', async () => {
    const { boxes, pdf, result } = page();
    // The headline block's white is the headline's own, as on general pages (support/blank.ts counts
    // headline blocks and framed boxes as ink): the byline stands on the deck's last baseline (issue 19),
    // and the white above it, beside a deck shorter than its title, is display white, not a module short of copy.
    const headline = moduleRects(result.arrangement!, boxes.trim, DUIKAI).filter((r) => r.kind === 'headline');
    expect(headline.length).toBe(1);
    const blank = await largestBlankSquareMm(pdf, boxes.trim, boxes.media[3]!, DUIKAI, 25, 0, headline);
    const withHeadline = await largestBlankSquareMm(pdf, boxes.trim, boxes.media[3]!, DUIKAI);
    console.log(`${id}: largest blank square ${blank.sizeMm.toFixed(1)} mm outside the headline block, ${withHeadline.sizeMm.toFixed(1)} mm counting its white`);
    expect(blank.sizeMm).toBeLessThan(25);
  });
});
