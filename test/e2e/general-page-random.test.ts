/**
 * The property of issue 17, on real renders: a page of 2–8 stories (0–2
 * photos each) either prints as one full page with every paragraph once and
 * no module over another, or fails with the solver's over/under message —
 * never anything else. Stories are cut from the source's own blocks (no text
 * is invented); a fixed seed keeps the cases the same from run to run, and a
 * few cases keep the suite's time proportionate (the solver's own property
 * test in test/unit/layout runs many more).
 */
import { unwarnedBlankSquare } from './support/blank.ts';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { DUIKAI } from '../../src/defaults.ts';
import { OverflowError } from '../../src/errors.ts';
import { sharedBrowser } from './support/browser.ts';
import { readGlyphs } from './support/glyphs.ts';
import { readBoxes, readPdfText } from './support/pdf.ts';
import { moduleRects, squash } from './support/modules.ts';
import { uniqueSourceBlocks } from './support/source.ts';
import { strandedSubheads } from './support/subheads.ts';

const BLOCKS = uniqueSourceBlocks();
const PARAGRAPHS = BLOCKS.filter((b) => b.length >= 60 && /[。；]$/.test(b));
const CAPTIONS = BLOCKS.filter((b) => b.length < 60 && b.endsWith('。'));
const TITLES = BLOCKS.filter((b) => b.length >= 6 && b.length <= 20 && !/[。，；]/.test(b));

/** A page of `shape.length` stories: each takes the next paragraphs of the source, so none is printed twice. */
function pageOf(shape: { paragraphs: number; photos: number; rank: number }[]) {
  let p = 0;
  let c = 0;
  const modules = shape.map((story, i) => ({
    kind: 'story',
    id: `story-${i + 1}`,
    rank: story.rank,
    headline: { title: TITLES[i % TITLES.length] },
    // A subhead (a short title block of the source) before every paragraph after the first: 背题 is checked on these.
    body: Array.from({ length: story.paragraphs }, (_, k) => [...(k > 0 ? [{ subhead: TITLES[(shape.length + i * 3 + k) % TITLES.length]! }] : []), PARAGRAPHS[p++ % PARAGRAPHS.length]!]).flat(),
    photos: Array.from({ length: story.photos }, (_, k) => ({ id: `photo-${i + 1}-${k + 1}`, caption: CAPTIONS[c++ % CAPTIONS.length] })),
  }));
  return { version: 2, paper: { preset: 'duikai' }, modules };
}

const shapes = fc.array(
  fc.record({ paragraphs: fc.integer({ min: 1, max: 3 }), photos: fc.integer({ min: 0, max: 2 }), rank: fc.integer({ min: 1, max: 4 }) }),
  { minLength: 2, maxLength: 8 },
);

describe('random pages of 2–8 stories', () => {
  it('print full with every paragraph once and no overlap, or fail with the over/under message', async () => {
    const browser = await sharedBrowser();
    const cases = fc.sample(shapes, { numRuns: 3, seed: 17 });
    const outcomes: string[] = [];
    for (const [n, shape] of cases.entries()) {
      // Paragraphs are unique per page only while the pool lasts.
      const total = shape.reduce((sum, s) => sum + s.paragraphs, 0);
      const trimmed = total > PARAGRAPHS.length ? shape.map((s) => ({ ...s, paragraphs: 1 })) : shape;
      const page = pageOf(trimmed);
      const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'folio-random-')), `page-${n}`);
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'edition.yaml'), stringify(page));
      const pdf = path.join(dir, 'page.pdf');
      try {
        const result = await build({ input: dir, output: pdf, browser });
        outcomes.push('printed');
        expect(result.pages).toBe(1);
        const joined = squash((await readPdfText(pdf)).joined);
        for (const story of page.modules) for (const para of story.body.filter((b) => typeof b === 'string')) expect(joined.split(squash(para)).length - 1, para).toBe(1);
        const rects = moduleRects(result.arrangement!, readBoxes(pdf).trim, DUIKAI);
        for (const [i, a] of rects.entries()) {
          for (const b of rects.slice(i + 1)) expect(a.right <= b.left || b.right <= a.left || a.bottom >= b.top || b.bottom >= a.top).toBe(true);
        }
        const glyphs = await readGlyphs(pdf);
        expect(glyphs.length).toBeGreaterThan(0);
        // 背题: no subhead at a column foot with fewer than two lines of its text under it.
        expect(strandedSubheads(glyphs, rects, readBoxes(pdf).trim, DUIKAI)).toEqual([]);
        // No blank square over 25 mm, or the render named the module that leaves it.
        const blank = await unwarnedBlankSquare(pdf, result, readBoxes(pdf), DUIKAI);
        if (blank.over) expect(blank.warned, `a ${blank.sizeMm.toFixed(0)} mm blank square in ${blank.at}`).toBe(true);
      } catch (error) {
        if (!(error instanceof OverflowError)) throw error;
        outcomes.push('refused');
        expect(error.message).toMatch(/column-lines (more|under)|no arrangement|line\(s\) short/);
        expect(error.hint).toBeTruthy();
      }
    }
    expect(outcomes).toHaveLength(3);
  }, 300_000);
});
