/** The toolbar's fitting report, built from the copyfit's own FitReport. */
import { describe, expect, it } from 'vitest';
import type { FitReport } from '../../../src/paginate/fit-page.ts';
import type { PageMeasure, SectionPlan } from '../../../src/paginate/fit.ts';
import { fitWarnings, summarizeFit } from '../../../src/preview/fit-summary.ts';

const plan = (overrides: Partial<SectionPlan>): SectionPlan => ({
  id: 'review',
  name: '精彩 2023',
  lines: 24,
  bodyLines: 22,
  textLines: 21,
  photoSpan: 4,
  textColumns: 4,
  textSpan: 4,
  looseSubheads: [],
  textSpread: 1,
  blankLines: 1,
  ...overrides,
});

function report(blankLines = 0, rounds = 1): FitReport {
  const measure = {
    pitchPx: 18,
    colPx: 156,
    gutterPx: 12,
    totalLines: 104,
    headLines: 19,
    creditLines: 1,
    gallery: [{ id: 'a', captionLines: {} }],
    sections: [
      { id: 'review', name: '精彩 2023', photos: [{ id: 'b', captionLines: {} }] },
      { id: 'plans', name: '蓄势 2024', photos: [] },
    ],
  } as unknown as PageMeasure;
  return {
    rounds,
    measure,
    frames: [],
    arrangement: {
      headLines: 19,
      galleryLines: 37,
      photos: [
        { id: 'a', span: 2, frameLines: 16 },
        { id: 'b', span: 4, frameLines: 20 },
      ],
      sections: [plan({}), plan({ id: 'plans', name: '蓄势 2024', lines: 19, photoSpan: 0, textColumns: 8, textSpan: 8, looseSubheads: [0, 2], textSpread: 0, blankLines: 0 })],
      blankLines,
      cost: 0,
    },
  };
}

describe('summarizeFit', () => {
  it('lists every module with its lines, what the fit chose and the room left', () => {
    const summary = summarizeFit(report(), { headlinePt: 179.4, deckPt: 64, smallerSubheads: 0 });
    expect(summary.modules.map((row) => [row.module, row.lines, row.roomLines])).toEqual([
      ['头部', 19, 0],
      ['图片', 37, 0],
      ['精彩 2023', 24, 1],
      ['蓄势 2024', 19, 0],
    ]);
    expect(summary.modules[0]!.detail).toBe('headline 179.4 pt, deck 64 pt');
    expect(summary.modules[1]!.detail).toBe('a 2 col × 16 lines');
    expect(summary.modules[2]!.detail).toBe('4 text columns of 21 lines, beside 4-column photos (b 4 col × 20 lines), columns end 1 line apart');
    expect(summary.modules[3]!.detail).toBe('8 text columns of 21 lines, 2 line space(s) added to even the columns, columns end level');
    expect(summary.adjustments).toEqual(['headline set at 179.4 pt to fill its measure', 'deck set at 64 pt to fit beside the byline']);
  });

  it('says when a band is set in fewer, wider columns than the grid (变栏)', () => {
    const fit = report();
    fit.arrangement.sections[1] = { ...fit.arrangement.sections[1]!, textColumns: 5, textSpan: 8 };
    const detail = summarizeFit(fit, { smallerSubheads: 0 }).modules[3]!.detail;
    expect(detail).toContain('5 wider text columns');
    expect(detail).toContain('over 8 grid columns');
  });

  it('reports extra fitting rounds, shrunk subheads and blank lines', () => {
    const summary = summarizeFit(report(3, 2), { smallerSubheads: 2 });
    expect(summary.blankLines).toBe(3);
    expect(summary.modules[0]!.detail).toBe('natural height');
    expect(summary.adjustments).toEqual([
      '2 subhead(s) set smaller to keep each part to one line',
      'fitted in 2 rounds: sections the browser found short were given extra lines',
      '3 lines left blank at the foot: no module can take more',
    ]);
  });
});

describe('fitWarnings', () => {
  it('warns as `folio render` does when the page is not full', () => {
    expect(fitWarnings(report())).toEqual([]);
    expect(fitWarnings(report(4))[0]).toMatch(/^the page is 4 lines short of full/);
  });
});
