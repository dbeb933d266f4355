/**
 * General pages (issue 17): a page of several stories is placed by the page
 * solver and printed; read back from the PDF, every module is where the
 * report says, holds its own text and no other, the page is full, and the
 * lead story is the heaviest.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/pipeline.ts';
import { DUIKAI, PRESETS, type PageGeometry } from '../../src/defaults.ts';
import { sharedBrowser } from './support/browser.ts';
import { readGlyphs, type Glyph } from './support/glyphs.ts';
import { typeArea } from './support/layout.ts';
import { unwarnedBlankSquare } from './support/blank.ts';
import { readBoxes, readPdfText } from './support/pdf.ts';
import { centreOf, fixtureModules, inside, moduleRects, squash, textByModule, type ModuleRect } from './support/modules.ts';
import { strandedSubheads } from './support/subheads.ts';

const NEWS = 'test/fixtures/pages/news-six';
const FRONT = 'test/fixtures/pages/front';
const AD = 'test/fixtures/pages/ad';
const VERTICAL = 'test/fixtures/pages/vertical';
const SIKAI_PAGE = 'test/fixtures/pages/sikai';

interface Rendered {
  arrangement(): NonNullable<BuildResult['arrangement']>;
  result: BuildResult;
  pdf: string;
  glyphs: Glyph[];
  rects: ModuleRect[];
  trim: number[];
  mediaHeight: number;
  /** The page's preset, as the report names it. */
  geometry: PageGeometry;
  joined: string;
}

async function render(input: string): Promise<Rendered> {
  const pdf = path.join(mkdtempSync(path.join(os.tmpdir(), 'folio-general-')), 'page.pdf');
  const result = await build({ input, output: pdf, browser: await sharedBrowser() });
  const boxes = readBoxes(pdf);
  const text = await readPdfText(pdf);
  return {
    arrangement: () => result.arrangement!,
    result,
    pdf,
    glyphs: await readGlyphs(pdf),
    rects: moduleRects(result.arrangement!, boxes.trim, PRESETS[result.arrangement!.preset]!),
    geometry: PRESETS[result.arrangement!.preset]!,
    trim: boxes.trim,
    mediaHeight: boxes.media[3]!,
    joined: squash(text.joined),
  };
}

describe.each([
  ['a news page of six stories, two photos and a box', NEWS],
  ['a front page with its masthead and five stories of three ranks', FRONT],
  ['a page with an ad slot pinned across its foot', AD],
  ['a news page with a vertical (竖排) headline', VERTICAL],
  ['a 四开 (sikai) page of five columns', SIKAI_PAGE],
])('%s', (_name, input) => {
  let page: Rendered;
  beforeAll(async () => {
    page = await render(input);
  }, 120_000);

  it('is one page, and the report places every module of the file once', () => {
    expect(page.result.pages).toBe(1);
    const ids = fixtureModules(`${input}/edition.yaml`).map((m) => m.id);
    if (input === FRONT) ids.push('masthead');
    ids.sort();
    expect(page.result.arrangement!.modules.map((m) => m.id).sort()).toEqual(ids);
  });

  it('prints every paragraph, subhead, title and caption exactly once', () => {
    for (const module of fixtureModules(`${input}/edition.yaml`)) {
      const texts = [
        module.headline?.title,
        module.lead,
        ...(module.body ?? []).map((item) => (typeof item === 'string' ? item : item.subhead)),
        ...(module.photos ?? []).map((p) => p.caption),
        ...(module.items ?? []),
      ].filter((t): t is string => t !== undefined);
      for (const t of texts) expect(page.joined.split(squash(t)).length - 1, t).toBe(1);
    }
  });

  it('keeps each module\'s text inside its own rectangle', () => {
    const area = typeArea(page.trim, page.geometry);
    const creditTop = area.top - area.height + 2 * page.geometry.linePitchPt;
    const stray = page.glyphs.filter((g) => {
      const c = centreOf(g);
      const inTypeArea = c.y < area.top && c.y > creditTop;
      return inTypeArea && !page.rects.some((r) => inside(r, c));
    });
    expect(stray.map((g) => g.char).join('')).toBe('');
    const text = textByModule(page.glyphs, page.rects);
    for (const module of fixtureModules(`${input}/edition.yaml`)) {
      const own = squash(text.get(module.id)!);
      if (module.headline) expect(own, module.id).toContain(squash(module.headline.title));
      for (const item of module.body ?? []) expect(own, module.id).toContain(squash(typeof item === 'string' ? item : item.subhead));
      for (const item of module.items ?? []) expect(own, module.id).toContain(squash(item));
    }
  });

  // Issue 17: no blank square over 25 mm, or the solver says which module is how many lines under. White
  // beside a short title line belongs to the headline block (the centred title's own space, as on any
  // daily's page), so headline bands count as ink; a larger square must lie in a story the render warned
  // of (its text short of the photo or vertical headline beside it, by how many lines).
  // 背题, read in the printed PDF (the screen and print break columns differently): no subhead at a column
  // foot with fewer than two lines of its text under it while the text goes on in the next column.
  it('keeps every subhead with at least two lines of its text in its column', () => {
    const subheads = page.glyphs.filter((g) => /NotoSansSC/.test(g.font) && /Bold/.test(g.font) && g.size > 10 && g.size < 12);
    expect(subheads.length).toBeGreaterThan(0);
    const stranded = strandedSubheads(page.glyphs, page.rects, page.trim, page.geometry);
    expect(stranded.map((s) => `${s.module} column ${s.column}: ${s.subhead} (${s.linesUnder} under)`)).toEqual([]);
  });

  it('places modules that do not overlap and leaves no blank square over 25 mm but where it warned', async () => {
    for (const [i, a] of page.rects.entries()) {
      for (const b of page.rects.slice(i + 1)) {
        const apart = a.right <= b.left || b.right <= a.left || a.bottom >= b.top || b.bottom >= a.top;
        expect(apart, `${a.id} and ${b.id}`).toBe(true);
      }
    }
    const blank = await unwarnedBlankSquare(page.pdf, page.result, { trim: page.trim, media: [0, 0, 0, page.mediaHeight] }, page.geometry);
    if (blank.over) expect(blank.warned, `a ${blank.sizeMm.toFixed(0)} mm blank square at ${blank.xMm.toFixed(0)},${blank.yMm.toFixed(0)} mm in ${blank.at}`).toBe(true);
  });

  it('gives the lead story the largest headline, and no rank a larger one than a more important rank', () => {
    const modules = fixtureModules(`${input}/edition.yaml`).filter((m) => m.kind === 'story');
    const sizeOf = (id: string, title: string) => {
      const rect = page.rects.find((r) => r.id === id)!;
      const first = [...squash(title)][0]!;
      const sizes = page.glyphs.filter((g) => g.char === first && inside(rect, centreOf(g))).map((g) => g.size);
      return Math.max(...sizes);
    };
    const sized = modules.map((m) => ({ rank: m.rank!, size: sizeOf(m.id, m.headline!.title) }));
    for (const a of sized) for (const b of sized) if (a.rank < b.rank) expect(a.size).toBeGreaterThanOrEqual(b.size);
    const lead = sized.find((s) => s.rank === 1)!;
    expect(lead.size).toBeGreaterThan(Math.max(...sized.filter((s) => s.rank > 1).map((s) => s.size)));
    expect(page.result.arrangement!.collisions).toEqual([]);
  });

});

describe('page furniture and fixed slots of general pages', () => {
  let news: Rendered;
  let front: Rendered;
  let ad: Rendered;
  beforeAll(async () => {
    [news, front, ad] = [await render(NEWS), await render(FRONT), await render(AD)];
  }, 180_000);

  it('sets the folio line above the type area from the paper fields, and the credit at the foot', () => {
    const area = typeArea(news.trim, DUIKAI);
    const head = news.glyphs.filter((g) => g.y > area.top).map((g) => g.char).join('');
    for (const field of ['A2', '综合新闻', '示例日报', '2024年1月26日', '责任编辑：某编辑']) expect(head).toContain(field);
    expect(news.joined).toContain('（本版照片除署名外均由武陟县委宣传部提供）');
  });

  it('sets the masthead across the top of the front page: the paper name large, the date with its weekday and the issue number', () => {
    const masthead = front.rects.find((r) => r.id === 'masthead')!;
    const area = typeArea(front.trim, DUIKAI);
    expect(masthead.top).toBeCloseTo(area.top, 0);
    expect(masthead.right - masthead.left).toBeCloseTo(area.width, 0);
    const inMasthead = front.glyphs.filter((g) => inside(masthead, centreOf(g)));
    const name = inMasthead.filter((g) => g.size > 36);
    expect(name.map((g) => g.char).join('')).toBe('示例日报');
    const body = front.glyphs.filter((g) => !inside(masthead, centreOf(g)));
    expect(Math.min(...name.map((g) => g.size))).toBeGreaterThan(Math.max(...body.map((g) => g.size)));
    const facts = inMasthead.map((g) => g.char).join('');
    // 2024-01-26 is a Friday: the weekday is computed from the date, never typed.
    for (const fact of ['2024年1月26日', '星期五', '第1期']) expect(facts).toContain(fact);
    // The front page has no folio line: nothing is set above the type area.
    expect(front.glyphs.filter((g) => g.y > area.top + 2)).toEqual([]);
  });

  it('sets a vertical headline top to bottom at its story\'s right, beside the text', async () => {
    const page = await render(VERTICAL);
    const rect = page.rects.find((r) => r.id === 'party-building')!;
    const title = page.glyphs.filter((g) => inside(rect, centreOf(g)) && '引领保障发展治理效能不断提升'.includes(g.char) && g.size > 20);
    expect(title.map((g) => g.char).join('')).toBe('引领保障发展治理效能不断提升');
    // Vertical: each part runs down one line (same x, falling baseline), the first part at the right.
    const first = title.slice(0, 6);
    const second = title.slice(6);
    expect(Math.max(...first.map((g) => g.x)) - Math.min(...first.map((g) => g.x))).toBeLessThan(1);
    for (let i = 1; i < first.length; i += 1) expect(first[i]!.y).toBeLessThan(first[i - 1]!.y);
    expect(second[0]!.x).toBeLessThan(first[0]!.x);
    // The body text stands at the headline's left.
    // Body type only: the kicker (引题) stands at the headline's right, at up to 11 pt.
    const body = page.glyphs.filter((g) => inside(rect, centreOf(g)) && Math.abs(g.size - DUIKAI.bodySizePt) < 0.1);
    expect(Math.max(...body.map((g) => g.x + g.advance))).toBeLessThan(Math.min(...title.map((g) => g.x)));
  }, 120_000);

  it('sets a 四开 page on its own trim, 272.5×390 mm, with the body in five columns of its grid', async () => {
    const page = await render(SIKAI_PAGE);
    const mm = (pt: number) => (pt * 25.4) / 72;
    expect(mm(page.trim[2]! - page.trim[0]!)).toBeCloseTo(272.5, 1);
    expect(mm(page.trim[3]! - page.trim[1]!)).toBeCloseTo(390, 1);
    const area = typeArea(page.trim, page.geometry);
    const body = page.glyphs.filter((g) => Math.abs(g.size - page.geometry.bodySizePt) < 0.1 && g.y < area.top && g.y > area.top - area.height);
    const columns = new Set(body.map((g) => Math.floor((g.x + g.advance / 2 - area.left) / area.step)));
    expect([...columns].sort()).toEqual([0, 1, 2, 3, 4]);
    // Every body glyph inside the type area's width: nothing is set for the 对开's eight columns.
    expect(body.every((g) => g.x >= area.left - 5 && g.x + g.advance <= area.left + area.width + 1)).toBe(true);
  }, 120_000);

  it('keeps the ad slot where it is pinned, marked 广告, with no story text in it', () => {
    const slot = ad.arrangement().modules.find((m) => m.id === 'foot-ad')!;
    expect([slot.column, slot.line, slot.columns, slot.lines]).toEqual([0, 80, 8, 24]);
    const rect = ad.rects.find((r) => r.id === 'foot-ad')!;
    const inSlot = ad.glyphs.filter((g) => inside(rect, centreOf(g)));
    expect(inSlot.map((g) => g.char).join('')).toBe('广告');
  });
});
