/**
 * Issue 19 item 6, read off real PDFs: the byline stands on the deck's last baseline in the Kai face
 * with the ■ a Chinese paper sets before it, on the feature and on a general page alike; each band's
 * label stands centred in its red box, and a rule in the band's red finishes the rest of the band.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { DUIKAI } from '../../src/defaults.ts';
import { loadContent, loadEdition } from '../../src/content/load.ts';
import { isRunInByline } from '../../src/template/page-fields.ts';
import { inspectPdf } from '../../src/preflight/inspect/document.ts';
import type { Mark } from '../../src/preflight/inspect/marks.ts';
import type { Rect } from '../../src/preflight/inspect/geometry.ts';
import { sharedBrowser } from './support/browser.ts';
import { readGlyphs, type Glyph } from './support/glyphs.ts';
import { readBoxes } from './support/pdf.ts';
import { typeArea } from './support/layout.ts';

const FEATURE = 'content/wuzhi-2024';
const NEWS = 'test/fixtures/pages/news-six';
const KAI = /^[A-Z]{6}\+LXGWWenKai-Regular$/;
const MARK = '■';
const squash = (text: string) => text.replace(/\s+/g, '');

interface Rendered {
  pdf: string;
  glyphs: Glyph[];
  /** Everything painted: filled and stroked paths with their bounding boxes and colours. */
  marks: Mark[];
}

const pages = new Map<string, Rendered>();

beforeAll(async () => {
  const browser = await sharedBrowser();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-byline-'));
  await Promise.all(
    [FEATURE, NEWS].map(async (input) => {
      const pdf = path.join(dir, `${path.basename(input)}.pdf`);
      await build({ input, output: pdf, browser });
      pages.set(input, { pdf, glyphs: await readGlyphs(pdf), marks: (await inspectPdf(pdf)).pages[0]!.content.marks });
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

/** A band as printed: its label's glyphs, the red box painted under them, and the year's glyphs beside it. */
interface PrintedBand {
  label: Glyph[];
  box: Mark & { fill: NonNullable<Mark['fill']> };
  year: Glyph[];
}

async function printedBands(page: Rendered): Promise<PrintedBand[]> {
  const { edition } = await loadEdition(FEATURE);
  return edition.sections.map((section) => {
    const label = findLine(page.glyphs, section.label).line;
    const centre = { x: (label[0]!.x + label.at(-1)!.x + label.at(-1)!.advance) / 2, y: label[0]!.y + label[0]!.size * 0.3 };
    const holds = (r: Rect) => r.x0 <= centre.x && centre.x <= r.x1 && r.y0 <= centre.y && centre.y <= r.y1;
    // The smallest filled path under the label is its box (the page and the module lie under it too, unpainted).
    const box = page.marks
      .filter((m): m is PrintedBand['box'] => m.kind === 'path' && m.ink && m.fill !== undefined && holds(m.bbox))
      .sort((a, b) => (a.bbox.x1 - a.bbox.x0) * (a.bbox.y1 - a.bbox.y0) - (b.bbox.x1 - b.bbox.x0) * (b.bbox.y1 - b.bbox.y0))[0];
    if (!box) throw new Error(`no box is painted under the band label ${section.label}`);
    // The year printed beside the box, in the band's row (the same digits run in the body text too).
    const row = page.glyphs.filter((g) => g.x >= box.bbox.x1 && g.y >= box.bbox.y0 && g.y <= box.bbox.y1);
    const year = section.year === undefined ? [] : findLine(row, String(section.year)).line;
    return { label, box, year };
  });
}

describe('the section bands', () => {
  it('stand each label centred in its red box: left and right inner padding equal within 0.5 pt', async () => {
    const bands = await printedBands(pages.get(FEATURE)!);
    expect(bands.length).toBeGreaterThan(0);
    for (const { label, box } of bands) {
      const last = label.at(-1)!;
      const left = label[0]!.x - box.bbox.x0;
      const right = box.bbox.x1 - (last.x + last.advance);
      console.log(`band ${label.map((g) => g.char).join('')}: box ${box.bbox.x0.toFixed(2)}–${box.bbox.x1.toFixed(2)} pt, text ${label[0]!.x.toFixed(2)}–${(last.x + last.advance).toFixed(2)} pt; padding left ${left.toFixed(2)} pt, right ${right.toFixed(2)} pt`);
      expect(left).toBeGreaterThan(0);
      expect(Math.abs(left - right)).toBeLessThanOrEqual(0.5);
    }
  });

  it('finish the band beside the label and year with a rule in the band\'s red, across the remaining width', async () => {
    const page = pages.get(FEATURE)!;
    const area = typeArea(readBoxes(page.pdf).trim, DUIKAI);
    const bandEnd = area.left + area.width;
    for (const { label, box, year } of await printedBands(page)) {
      const after = year.length > 0 ? year.at(-1)!.x + year.at(-1)!.advance : box.bbox.x1;
      const em = year[0]?.size ?? label[0]!.size;
      // A painted path in the band's row (within its label box's height) that starts within an em of the
      // year and runs to the band's end: the white strip is gone.
      const rules = page.marks.filter(
        (m) => m.kind === 'path' && m.ink && m.bbox.y0 >= box.bbox.y0 - 0.5 && m.bbox.y1 <= box.bbox.y1 + 0.5 && m.bbox.x0 >= after - 0.5 && m.bbox.x0 - after <= em,
      );
      const rule = rules.sort((a, b) => b.bbox.x1 - a.bbox.x1)[0];
      const name = label.map((g) => g.char).join('');
      console.log(
        rule
          ? `band ${name}: year ends ${after.toFixed(2)} pt; rule ${rule.bbox.x0.toFixed(2)}–${rule.bbox.x1.toFixed(2)} × ${rule.bbox.y0.toFixed(2)}–${rule.bbox.y1.toFixed(2)} pt (${(rule.bbox.y1 - rule.bbox.y0).toFixed(2)} pt thick), band ends ${bandEnd.toFixed(2)} pt, box foot ${box.bbox.y0.toFixed(2)} pt, fill ${JSON.stringify(rule.fill)} vs box ${JSON.stringify(box.fill)}`
          : `band ${name}: year ends ${after.toFixed(2)} pt; nothing painted from there to the band's end (${bandEnd.toFixed(2)} pt)`,
      );
      expect(rule, `a rule or tint beside ${name}`).toBeDefined();
      expect(rule!.bbox.x1).toBeGreaterThanOrEqual(bandEnd - 0.5);
      expect(rule!.fill).toEqual(box.fill);
    }
  });
});
