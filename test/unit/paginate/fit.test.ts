import { describe, expect, it } from 'vitest';
import { chooseArrangement, type PageMeasure } from '../../../src/paginate/fit.ts';
import { FIT_BOUNDS } from '../../../src/paginate/fit-bounds.ts';
import { OverflowError } from '../../../src/errors.ts';

const captions = (lines: number) => Object.fromEntries([2, 3, 4, 5, 6, 7, 8].map((span) => [span, lines]));
const text = (singleColumn: number) => Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((k) => [k, Math.ceil(singleColumn / k) + 1]));

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

  it('needs at least five photos', async () => {
    const { arrangeWithLead } = await import('../../../src/paginate/fit-gallery-lead.ts');
    const m = measure();
    expect(arrangeWithLead(m.gallery.slice(0, 4), 30, FIT_BOUNDS, m)).toBeUndefined();
  });
});
