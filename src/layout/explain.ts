/**
 * What the solver says when a page cannot be made exactly full: which module
 * is how many lines over or under, and what it tried. Lines are counted in
 * column-lines (one line in one column), the one unit every module shares.
 */
import { ContentError, OverflowError } from '../errors.ts';
import type { ModuleOption, SolverGrid, SolverModule } from './types.ts';

export function pinError(module: SolverModule, what: string): ContentError {
  return new ContentError(`module "${module.id}" (${module.name}) ${what}`, {
    hint: 'change or remove its pin (column, line, columns, lines)',
  });
}

export function explainNoFit(free: readonly SolverModule[], pinned: readonly SolverModule[], grid: SolverGrid): OverflowError {
  const gap = grid.gapLines;
  const pinnedArea = pinned.reduce((sum, m) => sum + (m.pin!.columns! * (m.pin!.lines! + gap)), 0);
  const available = grid.columns * (grid.lines + gap) - pinnedArea;
  const least = free.map((m) => Math.min(...m.options.map((o) => o.columns * (o.minLines + gap))));
  const most = free.map((m) => Math.max(0, ...m.options.map((o) => o.columns * (o.maxLines + grid.maxBlankLines + gap))));
  const need = sum(least);
  const take = sum(most);
  const tried = `(smallest columns×lines of each) ${free.map((m) => `${label(m)} ${describeOptions(m.options) || 'no size fits'}`).join('; ')}`;
  if (need > available) {
    const longest = free[least.indexOf(Math.max(...least))]!;
    const over = need - available;
    return new OverflowError(
      `${label(longest)} and the other modules need ${over} column-lines more than the page has ` +
        `(${need} at their smallest, ${available} free): about ${Math.ceil(over / widest(longest))} lines over at its widest. Tried ${tried}`,
      { hint: `cut about ${Math.ceil(over / grid.columns)} full-width lines, drop a photo, or move ${label(longest)} to another page` },
    );
  }
  if (take < available) {
    const under = available - take;
    return new OverflowError(
      `the page is ${under} column-lines under: at their tallest the modules fill ${take} of ${available} ` +
        `(about ${Math.ceil(under / grid.columns)} full-width lines short). Tried ${tried}`,
      { hint: 'add a story, a photo or a box, or let a photo grow larger' },
    );
  }
  return new OverflowError(
    `no arrangement of rows and stacks fills the page exactly with these modules (${need}–${take} column-lines for ${available}). Tried ${tried}`,
    { hint: 'unpin a module, or change a module\'s length by a few lines' },
  );
}

const label = (m: SolverModule) => `「${m.name}」 (${m.id})`;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const widest = (m: SolverModule) => Math.max(1, ...m.options.map((o) => o.columns));
/** A module's sizes in brief: its smallest height at each span it can take. */
function describeOptions(options: readonly ModuleOption[]): string {
  const byColumns = new Map<number, number>();
  for (const o of options) byColumns.set(o.columns, Math.min(o.minLines, byColumns.get(o.columns) ?? Infinity));
  return [...byColumns].sort(([a], [b]) => a - b).map(([columns, lines]) => `${columns}×${lines}`).join(' ');
}
