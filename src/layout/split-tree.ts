/**
 * The heart of the page solver: the cheapest way to fill a rectangle of
 * `w` columns × `h` lines with a contiguous run of modules in reading order,
 * as a guillotine split tree (rows one above the other, stacks side by side).
 *
 * Heights are "extended": a module's lines plus the gap under it, and the
 * type area's lines plus one gap, so a column of stacked modules is a plain
 * sum. Memoised over (run, w, h) the search is polynomial — about
 * n²·C·L states, each trying n·(L + C) splits — and a step budget stops it
 * long before it could block the event loop (issue 16: every search bounded).
 */
import type { ModuleOption, SolverGrid, SolverModule } from './types.ts';

/** A headline's band along one edge of a rectangle: [from, to) in lines from its top. */
export type Band = readonly [number, number];

export type Tree =
  | { split: 'leaf'; index: number; option: ModuleOption; lines: number }
  | { split: 'row' | 'stack'; at: number; first: Tree; second: Tree };

export interface Filled {
  cost: number;
  tree: Tree;
  /** Headline bands touching the left and the right edge: what 撞题 is checked against. */
  left: readonly Band[];
  right: readonly Band[];
  /** Bit 0: a headline starts at the top of the left edge; bit 1: of the right edge. */
  top: number;
  collisions: number;
}

export class SolverBudgetError extends Error {}

/**
 * Each rectangle keeps its cheapest filling for each of the four top
 * signatures, not only the cheapest overall: side by side, two fillings that
 * both start with a headline at the top collide, and a slightly dearer one
 * that starts with a photo is then the better neighbour. Deeper collisions are
 * priced when two sides meet and reported on the placed page (collisions.ts).
 */
type Fillings = readonly Filled[];

export class SplitTree {
  private readonly memo = new Map<number, Fillings>();
  private readonly minArea: number[][];
  private readonly maxArea: number[][];
  steps = 0;

  constructor(
    private readonly modules: readonly SolverModule[],
    private readonly grid: SolverGrid,
  ) {
    // Every filling tiles its rectangle exactly, so the areas a run can cover bound it.
    const area = (o: ModuleOption, lines: number) => o.columns * (lines + grid.gapLines);
    const mins = modules.map((m) => Math.min(...m.options.map((o) => area(o, o.minLines))));
    const maxs = modules.map((m) => Math.max(0, ...m.options.map((o) => area(o, o.maxLines + grid.maxBlankLines))));
    this.minArea = runSums(mins);
    this.maxArea = runSums(maxs);
  }

  /** The cheapest filling of a w × h rectangle (extended lines) with modules i..j, or null. */
  cheapest(i: number, j: number, w: number, h: number): Filled | null {
    return this.fill(i, j, w, h).reduce<Filled | null>((best, f) => (!best || f.cost < best.cost ? f : best), null);
  }

  private fill(i: number, j: number, w: number, h: number): Fillings {
    if (w * h < this.minArea[i]![j]! || w * h > this.maxArea[i]![j]!) return NONE;
    const key = ((i * this.modules.length + j) * (this.grid.columns + 1) + w) * 4096 + h;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    if (++this.steps > this.grid.maxSteps) throw new SolverBudgetError(`the page solver gave up after ${this.grid.maxSteps} steps`);
    const slots: (Filled | undefined)[] = [undefined, undefined, undefined, undefined];
    if (i === j) this.leaf(i, w, h, slots);
    else this.split(i, j, w, h, slots);
    const found = slots.filter((f): f is Filled => f !== undefined);
    this.memo.set(key, found);
    return found;
  }

  private leaf(index: number, w: number, h: number, slots: (Filled | undefined)[]): void {
    const module = this.modules[index]!;
    const lines = h - this.grid.gapLines;
    for (const option of module.options) {
      if (option.columns !== w || lines < option.minLines) continue;
      const blank = Math.max(0, lines - option.maxLines);
      if (blank > this.grid.maxBlankLines) continue;
      const cost = option.cost + blank * w * this.grid.blankLineCost;
      const band: Band[] = option.headline ? [[option.headline.offset, option.headline.offset + option.headline.lines]] : [];
      const top = band.some(([from]) => from === 0) ? 3 : 0;
      if (slots[top] && slots[top].cost <= cost) continue;
      slots[top] = { cost, tree: { split: 'leaf', index, option, lines }, left: band, right: band, top, collisions: 0 };
    }
  }

  private split(i: number, j: number, w: number, h: number, slots: (Filled | undefined)[]): void {
    const { collisionCost } = this.grid;
    for (let k = i; k < j; k += 1) {
      // Rows: modules i..k above, k+1..j below, across the whole width.
      const lowest = Math.max(1, Math.ceil(this.minArea[i]![k]! / w));
      const highest = h - Math.max(1, Math.ceil(this.minArea[k + 1]![j]! / w));
      for (let top = lowest; top <= highest; top += 1) {
        const above = this.fill(i, k, w, top);
        if (above.length === 0) continue;
        const below = this.fill(k + 1, j, w, h - top);
        for (const a of above) {
          for (const b of below) {
            const cost = a.cost + b.cost;
            if (slots[a.top] && slots[a.top]!.cost <= cost) continue;
            slots[a.top] = joinRows(a, b, top, cost);
          }
        }
      }
      // Stacks: modules i..k on the left, k+1..j on the right, over the whole height.
      for (let width = 1; width < w; width += 1) {
        const lefts = this.fill(i, k, width, h);
        if (lefts.length === 0) continue;
        const rights = this.fill(k + 1, j, w - width, h);
        for (const a of lefts) {
          for (const b of rights) {
            const side = a.right.filter(([from, to]) => b.left.some(([f, t]) => from < t && f < to)).length;
            const cost = a.cost + b.cost + side * collisionCost;
            const top = (a.top & 1) | (b.top & 2);
            if (slots[top] && slots[top]!.cost <= cost) continue;
            slots[top] = joinStacks(a, b, width, cost, side);
          }
        }
      }
    }
  }
}

const NONE: Fillings = Object.freeze([]);

function joinRows(a: Filled, b: Filled, top: number, cost: number): Filled {
  const shift = (bands: readonly Band[]) => bands.map(([from, to]): Band => [from + top, to + top]);
  return {
    cost,
    tree: { split: 'row', at: top, first: a.tree, second: b.tree },
    left: [...a.left, ...shift(b.left)],
    right: [...a.right, ...shift(b.right)],
    top: a.top,
    collisions: a.collisions + b.collisions,
  };
}

function joinStacks(a: Filled, b: Filled, width: number, cost: number, side: number): Filled {
  return {
    cost,
    tree: { split: 'stack', at: width, first: a.tree, second: b.tree },
    left: a.left,
    right: b.right,
    top: (a.top & 1) | (b.top & 2),
    collisions: a.collisions + b.collisions + side,
  };
}

/** sums[i][j] = values[i] + … + values[j]. */
function runSums(values: number[]): number[][] {
  return values.map((_, i) => {
    const row: number[] = [];
    let sum = 0;
    for (let j = 0; j < values.length; j += 1) {
      if (j >= i) sum += values[j]!;
      row.push(j >= i ? sum : 0);
    }
    return row;
  });
}
