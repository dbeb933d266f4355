/**
 * Issue 19 item 6, read off real PDFs: the byline stands on the deck's last baseline in the Kai face
 * with the ■ a Chinese paper sets before it, on the feature and on a general page alike.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { loadContent, loadEdition } from '../../src/content/load.ts';
import { isRunInByline } from '../../src/template/page-fields.ts';
import { sharedBrowser } from './support/browser.ts';
import { readGlyphs, type Glyph } from './support/glyphs.ts';

const FEATURE = 'content/wuzhi-2024';
const NEWS = 'test/fixtures/pages/news-six';
const KAI = /^[A-Z]{6}\+LXGWWenKai-Regular$/;
const MARK = '■';
const squash = (text: string) => text.replace(/\s+/g, '');

interface Rendered {
  pdf: string;
  glyphs: Glyph[];
}

const pages = new Map<string, Rendered>();

beforeAll(async () => {
  const browser = await sharedBrowser();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-byline-'));
  await Promise.all(
    [FEATURE, NEWS].map(async (input) => {
      const pdf = path.join(dir, `${path.basename(input)}.pdf`);
      await build({ input, output: pdf, browser });
      pages.set(input, { pdf, glyphs: await readGlyphs(pdf) });
    }),
  );
});

/** The glyphs that print `text` in order on one baseline, with whatever stands just before the first. */
function findLine(glyphs: Glyph[], text: string): { line: Glyph[]; before?: Glyph } {
  const chars = [...squash(text)];
  for (const start of glyphs.filter((g) => g.char === chars[0])) {
    const row = glyphs.filter((g) => Math.abs(g.y - start.y) < 0.5 && Math.abs(g.size - start.size) < 0.1).sort((a, b) => a.x - b.x);
    const at = row.indexOf(start);
    const line = row.slice(at, at + chars.length);
    if (line.map((g) => g.char).join('') === chars.join('')) return { line, before: row[at - 1] };
  }
  throw new Error(`no line prints ${text}`);
}

/** A byline as a 美编 checks it: every glyph in the Kai subset, the ■ just before it in the same face and size. */
function expectKaiBylineWithMark(line: Glyph[], before: Glyph | undefined, label: string) {
  const first = line[0]!;
  console.log(`${label}: byline ${line.map((g) => g.char).join('')} in ${first.font} ${first.size.toFixed(2)} pt at baseline ${first.y.toFixed(2)}; before it: ${before ? `${before.char} (${before.font}) ${(first.x - before.x - before.advance).toFixed(2)} pt apart` : 'nothing'}`);
  for (const glyph of line) expect(glyph.font, glyph.char).toMatch(KAI);
  expect(before?.char).toBe(MARK);
  expect(before!.font).toBe(first.font);
  expect(before!.size).toBeCloseTo(first.size, 1);
  // The mark stands before the name, a little apart, never on top of it or a word away.
  const gap = first.x - before!.x - before!.advance;
  expect(gap).toBeGreaterThanOrEqual(0);
  expect(gap).toBeLessThan(first.size * 0.5);
}

describe('the byline', () => {
  it('stands on the deck\'s last baseline of the feature, in the Kai face, after a ■', async () => {
    const { edition } = await loadEdition(FEATURE);
    // The ■ is the template's: the copy says only 本报记者 X.
    expect(edition.byline).toBeDefined();
    expect(edition.byline).not.toContain(MARK);
    const { glyphs } = pages.get(FEATURE)!;
    const deck = findLine(glyphs, edition.headline.deck!).line;
    const deckBaseline = Math.min(...deck.map((g) => g.y));
    const { line, before } = findLine(glyphs, edition.byline!);
    console.log(`feature: deck's last baseline ${deckBaseline.toFixed(2)} pt, byline's ${line[0]!.y.toFixed(2)} pt (Δ ${(line[0]!.y - deckBaseline).toFixed(2)} pt)`);
    expect(Math.abs(line[0]!.y - deckBaseline)).toBeLessThanOrEqual(0.5);
    expectKaiBylineWithMark(line, before, 'feature');
  });

  it('is set on a general page\'s story as on the feature: same face and size, with its ■', async () => {
    const loaded = await loadContent(NEWS);
    if (!('page' in loaded)) throw new Error(`${NEWS} is not a general page`);
    // A byline of its own line (本报记者 X), not one run into the first paragraph.
    const bylines = loaded.page.modules.flatMap((m) => (m.kind === 'story' && m.byline !== undefined && !isRunInByline(m.byline) ? [{ id: m.id, byline: m.byline }] : []));
    expect(bylines.length).toBeGreaterThan(0);
    const feature = findLine(pages.get(FEATURE)!.glyphs, (await loadEdition(FEATURE)).edition.byline!).line[0]!;
    for (const story of bylines) {
      const { line, before } = findLine(pages.get(NEWS)!.glyphs, story.byline);
      expectKaiBylineWithMark(line, before, `news-six ${story.id}`);
      expect(line[0]!.size).toBeCloseTo(feature.size, 1);
    }
  });
});
