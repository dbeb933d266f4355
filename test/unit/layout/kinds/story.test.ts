import { describe, expect, it } from 'vitest';
import type { KindGrid } from '../../../../src/layout/kinds/kind-grid.ts';
import { storyModule, storyOptions, type StoryMeasure } from '../../../../src/layout/kinds/story.ts';
import { solvePage } from '../../../../src/layout/solve-page.ts';
import { coverage, GRID } from '../stories.ts';

/** 对开 in CSS px: 13 characters of 9 pt a column, 1-character gutters, 13.5 pt lines. */
const KIND_GRID: KindGrid = {
  columns: 8,
  lines: 104,
  colPx: 156,
  gutterPx: 12,
  pitchPx: 18,
  headlineLadder: [48, 36, 28, 22, 18],
  headlineMaxTitleLines: 2,
  maxHoleLines: 3,
  headGapLines: 1,
  photoGapLines: 1,
  minFrameLines: 6,
  targetAspect: 2 / 3,
  minAspect: 0.4,
  maxAspect: 1.35,
};

/** What the browser would report for a story of `chars` body characters in `paragraphs` paragraphs, as the runtime measures it. */
function measured(id: string, rank: number, chars: number, photos: number, title = '示例标题十二个字的新闻'): StoryMeasure {
  const headlines: StoryMeasure['headlines'] = {};
  for (let span = 1; span <= KIND_GRID.columns; span += 1) {
    headlines[span] = {};
    for (const size of KIND_GRID.headlineLadder) {
      const perLine = Math.floor((span * 156 + (span - 1) * 12) / (size * (96 / 72)));
      if (perLine < 4) continue;
      const titleLines = Math.ceil(title.length / perLine);
      headlines[span]![size] = { titleLines, lines: Math.ceil((titleLines * size * 1.2) / 13.5) };
    }
  }
  const paragraphs = Math.ceil(chars / 150);
  return {
    id,
    rank,
    name: title,
    bodyLines: Math.ceil(chars / 13) + paragraphs,
    headlines,
    photos: Array.from({ length: photos }, (_, i) => ({ id: `${id}-p${i}`, captionLines: { 1: 4, 2: 2, 3: 2, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1 } })),
  };
}

describe('story kind', () => {
  it('offers heights that hold the body in column-lines at every span it offers', () => {
    const story = measured('s', 2, 1200, 0);
    const options = storyOptions(story, KIND_GRID);
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) {
      const headLines = option.headline!.lines + KIND_GRID.headGapLines;
      expect(option.columns * (option.minLines - headLines)).toBeGreaterThanOrEqual(story.bodyLines);
    }
  });

  it('gives the lead story its large headline across a wide span and a smaller one when narrow', () => {
    const options = storyOptions(measured('lead', 1, 1500, 0, '擎旗领跑勇闯高质量发展新路'), KIND_GRID);
    expect(options.find((o) => o.columns === 8)!.variant).toContain('48pt');
    const narrow = options.find((o) => o.columns === 2);
    if (narrow) expect(narrow.variant).not.toContain('48pt');
  });

  it('opens with its photo only when the photo runs across the module', () => {
    for (const option of storyOptions(measured('s', 2, 900, 1), KIND_GRID)) {
      if (option.variant!.includes('photo on top')) expect(option.variant).toContain('in a row');
    }
    expect(storyOptions(measured('s', 2, 900, 1), KIND_GRID).some((o) => o.variant!.includes('photo on top'))).toBe(true);
  });

  it('sets a vertical headline beside the text, with no band to collide', () => {
    const story = { ...measured('v', 3, 800, 0), vertical: [{ sizePt: 28, columns: 1, lines: 14 }] };
    const options = storyOptions(story, KIND_GRID);
    expect(options.every((o) => o.headline === undefined && o.columns >= 2 && o.minLines >= 14)).toBe(true);
  });

  it('fills a 对开 page with six stories of one photo each, the lead top left and widest', () => {
    const chars = [1400, 1000, 800, 700, 600, 500];
    const modules = chars.map((c, i) => storyModule(measured(`s${i}`, [1, 2, 2, 3, 3, 3][i]!, c, 1), KIND_GRID));
    const solution = solvePage(modules, GRID);
    expect(coverage(solution.modules, GRID).size).toBe(GRID.columns * (GRID.lines + GRID.gapLines));
    const lead = solution.modules.find((m) => m.id === 's0')!;
    expect([lead.column, lead.line]).toEqual([0, 0]);
    expect(lead.columns).toBe(Math.max(...solution.modules.map((m) => m.columns)));
    expect(solution.collisions).toEqual([]);
  });
});
