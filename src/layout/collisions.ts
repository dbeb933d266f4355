/**
 * 撞题: two headlines side by side at the same height in neighbouring
 * modules read as one line across both. Checked on the placed page, so the
 * report names every pair, whatever the search did to avoid them.
 */
import type { PlacedModule } from './types.ts';

export function collisionsOf(placed: readonly PlacedModule[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const a of placed) {
    for (const b of placed) {
      if (!a.headline || !b.headline || a.column + a.columns !== b.column) continue;
      const overlap = a.headline.line < b.headline.line + b.headline.lines && b.headline.line < a.headline.line + a.headline.lines;
      if (overlap) pairs.push([a.id, b.id]);
    }
  }
  return pairs;
}
