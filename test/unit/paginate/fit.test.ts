import { describe, expect, it } from 'vitest';
import { chooseArrangement, type PageMeasure } from '../../../src/paginate/fit.ts';
import { FIT_BOUNDS } from '../../../src/paginate/fit-bounds.ts';
import { OverflowError } from '../../../src/errors.ts';

const captions = (lines: number) => Object.fromEntries([2, 3, 4, 5, 6, 7, 8].map((span) => [span, lines]));
// Keyed columns/span (fit-sections.ts textKey); wider columns of 变栏 hold span/columns times a grid column's text.
const text = (singleColumn: number) =>
  Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].flatMap((span) => Array.from({ length: span }, (_, i) => [`${i + 1}/${span}`, Math.ceil(singleColumn / span) + 1])));

function measure(overrides: Partial<PageMeasure> = {}): PageMeasure {
  return {
    pitchPx: 18,
    colPx: 156,
    gutterPx: 12,
    totalLines: 104,
    headLines: 18,
    creditLines: 2,
    gallery: Array.from({ length: 8 }, (_, i) => ({ id: `g${i}`, captionLines: captions(2) })),
    sections: [
      { id: 'a', name: '精彩 2023', bandLines: 3, photos: [{ id: 's1', captionLines: captions(1) }, { id: 's2', captionLines: captions(1) }], textLines: text(84), looseSubheads: {}, textSpread: {} },
      { id: 'b', name: '蓄势 2024', bandLines: 3, photos: [], textLines: text(130), looseSubheads: {}, textSpread: {} },
    ],
    ...overrides,
  };
}

/** Lines the arrangement uses, the way the page stacks modules. */
function usedLines(m: PageMeasure, a: ReturnType<typeof chooseArrangement>): number {
  const modules = 1 + (m.gallery.length ? 1 : 0) + a.sections.length;
  return a.headLines + a.galleryLines + a.sections.reduce((s, p) => s + p.lines, 0) + (modules - 1) * FIT_BOUNDS.gapLines + m.creditLines + a.blankLines;
}

describe('chooseArrangement', () => {
  it('fills the type area exactly, in whole lines, with no blank lines', () => {
    const m = measure();
    const a = chooseArrangement(m);
    expect(usedLines(m, a)).toBe(m.totalLines);
    expect(a.blankLines).toBe(0);
    for (const photo of a.photos) {
      expect(Number.isInteger(photo.frameLines)).toBe(true);
      expect(photo.frameLines).toBeGreaterThanOrEqual(FIT_BOUNDS.minFrameLines);
    }
  });

  it('gives the gallery the room a shorter text leaves', () => {
    const full = chooseArrangement(measure());
    const short = measure();
    short.sections = [short.sections[0]!];
    const less = chooseArrangement(short);
    expect(less.galleryLines).toBeGreaterThan(full.galleryLines);
    expect(usedLines(short, less)).toBe(short.totalLines);
  });

  it('adds lines a section turned out to need', () => {
    const m = measure();
    const base = chooseArrangement(m);
    const more = chooseArrangement(m, FIT_BOUNDS, { b: 2 });
    const plan = (a: typeof base) => a.sections.find((s) => s.id === 'b')!;
    expect(plan(more).bodyLines).toBe(plan(base).bodyLines + 2);
    expect(usedLines(m, more)).toBe(m.totalLines);
  });

  it('fails with the module and the number of lines when nothing fits', () => {
    const m = measure();
    m.sections[1]!.textLines = text(1300);
    expect(() => chooseArrangement(m)).toThrow(OverflowError);
    expect(() => chooseArrangement(m)).toThrow(/「蓄势 2024」 overflows by \d+ lines.*8 photos|「蓄势 2024」 overflows by \d+ lines/);
  });
});

describe('a gallery led by one photo', () => {
  it('sets the first photo over two rows beside four smaller ones, filling the same lines', async () => {
    const { arrangeWithLead } = await import('../../../src/paginate/fit-gallery-lead.ts');
    const m = measure();
    const gallery = arrangeWithLead(m.gallery, 37, FIT_BOUNDS, m)!;
    expect(gallery).toBeDefined();
    const [lead, ...others] = gallery.photos;
    expect(lead).toMatchObject({ id: 'g0', span: 4, column: 1, row: 1, rowSpan: 2 });
    const beside = others.slice(0, 4);
    expect(beside.map((p) => [p.column, p.row])).toEqual([[5, 1], [7, 1], [5, 2], [7, 2]]);
    // Lead frame + its caption = two rows of beside photos with their captions and the gap between.
    const captions = 2;
    expect(lead!.frameLines + captions).toBe(beside[0]!.frameLines + captions + FIT_BOUNDS.gapLines + beside[2]!.frameLines + captions);
    expect(others.slice(4).every((p) => p.row! >= 3)).toBe(true);
  });

  // Issue 19, item 5: frame edges line up, not captions, whichever caption is deeper.
  it.each([
    ['a deeper caption under the lower pair', 1, 2],
    ['a deeper caption under the lead', 3, 1],
  ])('ends the lead frame with the lower pair’s frames, with %s', async (_, leadCaption, pairCaption) => {
    const { arrangeWithLead } = await import('../../../src/paginate/fit-gallery-lead.ts');
    const m = measure();
    const photos = m.gallery.slice(0, 5).map((p, i) => ({ ...p, captionLines: captions(i === 0 ? leadCaption : pairCaption) }));
    const gallery = arrangeWithLead(photos, 30, FIT_BOUNDS, m)!;
    expect(gallery).toBeDefined();
    const [lead, topLeft, , bottomLeft, bottomRight] = gallery.photos;
    const foot = Math.max(leadCaption, pairCaption);
    // Lines from the block's top to the foot of each frame.
    const pairFoot = topLeft!.frameLines + pairCaption + FIT_BOUNDS.gapLines + bottomLeft!.frameLines;
    expect(lead!.frameLines).toBe(pairFoot);
    expect(lead!.frameLines + foot).toBe(30);
    // The lower pair keeps the lead's deeper caption lines, so both grid rows end with the block.
    for (const photo of [bottomLeft!, bottomRight!]) expect(photo.frameLines + (photo.captionLines ?? pairCaption)).toBe(bottomLeft!.frameLines + foot);
  });

  it('needs at least five photos', async () => {
    const { arrangeWithLead } = await import('../../../src/paginate/fit-gallery-lead.ts');
    const m = measure();
    expect(arrangeWithLead(m.gallery.slice(0, 4), 30, FIT_BOUNDS, m)).toBeUndefined();
  });
});

describe('a gallery of many photos (issue 16)', () => {
  // Trying every cut into rows grew as 1.93ⁿ: 24 photos took a minute, 40 never ended. Now each
  // finishes within the test's normal timeout, with every photo placed and the type area exactly full.
  it.each([24, 40, 100])('places %i photos', (count) => {
    const m = measure({
      totalLines: 40 + count * 5,
      gallery: Array.from({ length: count }, (_, i) => ({ id: `g${i}`, captionLines: captions(1 + (i % 3)) })),
    });
    const a = chooseArrangement(m);
    expect(a.photos.filter((p) => p.id.startsWith('g')).map((p) => p.id)).toEqual(m.gallery.map((p) => p.id));
    expect(usedLines(m, a)).toBe(m.totalLines);
    for (const photo of a.photos) expect(photo.frameLines).toBeGreaterThanOrEqual(FIT_BOUNDS.minFrameLines);
  });
});

describe('many sections (issue 16)', () => {
  // Every section has up to four photo layouts: twelve sections were 4¹² combinations.
  it('fits twelve sections with photos within the normal timeout', () => {
    const sections = Array.from({ length: 12 }, (_, i) => ({
      id: `s${i}`, name: `S${i}`, bandLines: 3,
      photos: [{ id: `s${i}p`, captionLines: captions(1) }],
      textLines: text(40), looseSubheads: {}, textSpread: {},
    }));
    const m = measure({ totalLines: 600, gallery: [], sections });
    const a = chooseArrangement(m);
    expect(a.sections.map((s) => s.id)).toEqual(sections.map((s) => s.id));
  });
});

describe('a 组图 in the gallery (issue 19, item 5)', () => {
  it('sets a group in one row, never cut, its caption measured across the group', async () => {
    const { arrangeGallery } = await import('../../../src/paginate/fit-gallery.ts');
    const m = measure();
    // The group caption needs 3 lines at one photo's span and 1 across the group; the others have none.
    const grouped = (id: string, first: boolean) => ({ id, group: 'g', captionLines: first ? { ...captions(3), 4: 1, 5: 1, 6: 1, 8: 1 } : captions(0) });
    const photos = [...m.gallery.slice(0, 3), grouped('m1', true), grouped('m2', false), grouped('m3', false), ...m.gallery.slice(3, 5)];
    let checked = 0;
    for (let lines = 20; lines <= 60; lines += 1) {
      const gallery = arrangeGallery(photos, lines, FIT_BOUNDS, m);
      if (!gallery) continue;
      checked += 1;
      const members = gallery.photos.filter((p) => p.id.startsWith('m'));
      expect(new Set(members.map((p) => p.row)).size, `${lines} lines`).toBe(1);
      expect(members[0]!.captionSpan).toBe(members.reduce((sum, p) => sum + p.span, 0));
      for (const p of members.slice(1)) expect(p.captionSpan).toBeUndefined();
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('sets no lead photo when the group is among the lead block’s five', async () => {
    const { arrangeWithLead } = await import('../../../src/paginate/fit-gallery-lead.ts');
    const m = measure();
    const photos = m.gallery.map((p, i) => (i === 3 || i === 4 ? { ...p, group: 'g' } : p));
    expect(arrangeWithLead(photos, 37, FIT_BOUNDS, m)).toBeUndefined();
  });
});
