/**
 * Synthetic modules for the solver tests, shaped as the story kind will shape
 * them from its measurements: body column-lines spread over `w` columns under
 * a headline, a photo that can grow, a rank that prefers wide spans.
 */
import type { ModuleOption, SolverGrid, SolverModule } from '../../../src/layout/types.ts';

export const GRID: SolverGrid = Object.freeze({
  columns: 8,
  lines: 104,
  gapLines: 1,
  maxBlankLines: 5,
  blankLineCost: 1,
  collisionCost: 1000,
  maxSteps: 2_000_000,
});

/** Lines of a photo set above a story's headline. */
const PHOTO_TOP_LINES = 10;

export interface StorySpec {
  id: string;
  rank: number;
  /** Lines the body needs set in one column. */
  bodyLines: number;
  /** Lines a photo may add when the module grows (0: no photo). */
  photoLines?: number;
  headline?: boolean;
  pin?: SolverModule['pin'];
}

export function story(spec: StorySpec, columns = GRID.columns): SolverModule {
  const options: ModuleOption[] = [];
  for (let w = 1; w <= columns; w += 1) {
    const head = spec.headline === false ? 0 : w >= 4 ? 4 : 3;
    const minLines = head + Math.ceil(spec.bodyLines / w);
    const preferred = Math.max(1, Math.round(columns / (spec.rank + 1)));
    options.push({
      columns: w,
      minLines,
      maxLines: minLines + (spec.photoLines ?? 0),
      cost: Math.abs(w - preferred) * 2,
      headline: head > 0 ? { offset: 0, lines: head } : undefined,
      variant: `${w} columns`,
    });
    // With a photo the story may open with it and set its headline under it.
    if (spec.photoLines && head > 0) {
      options.push({ ...options.at(-1)!, cost: options.at(-1)!.cost + 1, headline: { offset: PHOTO_TOP_LINES, lines: head }, variant: `${w} columns, photo on top` });
    }
  }
  return { id: spec.id, kind: 'story', rank: spec.rank, name: `headline of ${spec.id}`, options, pin: spec.pin };
}

/** Grid cells covered by each placed module, extended by the gap under it; throws on overlap. */
export function coverage(placed: { id: string; column: number; line: number; columns: number; lines: number }[], grid: SolverGrid) {
  const cells = new Map<string, string>();
  for (const m of placed) {
    for (let c = m.column; c < m.column + m.columns; c += 1) {
      for (let l = m.line; l < m.line + m.lines + grid.gapLines; l += 1) {
        const key = `${c}:${l}`;
        if (cells.has(key)) throw new Error(`${m.id} overlaps ${cells.get(key)} at column ${c}, line ${l}`);
        cells.set(key, m.id);
      }
    }
  }
  return cells;
}
