/**
 * The page solver: places every module of a page on its grid as a tree of
 * rows and stacks, exactly filling the type area, or says why it cannot
 * (docs/design/general-pages.md, section 6). Modules pinned to a position
 * are carved out first by guillotine cuts along their edges; the rest are
 * placed in reading order (rank, then the editor's order), so the lead story
 * lands top left.
 */
import { explainNoFit, pinError } from './explain.ts';
import { collisionsOf } from './collisions.ts';
import { PaginationError } from '../errors.ts';
import { SolverBudgetError, SplitTree, type Filled, type Tree } from './split-tree.ts';
import type { ModuleOption, PageSolution, Pin, PlacedModule, SolverGrid, SolverModule } from './types.ts';

interface Rect {
  column: number;
  line: number;
  columns: number;
  /** Extended lines: the module's lines plus the gap under it. */
  lines: number;
}

interface Carved {
  cost: number;
  placed: PlacedModule[];
}

type Positioned = SolverModule & { pin: Required<Pin> };

export function solvePage(modules: readonly SolverModule[], grid: SolverGrid): PageSolution {
  const pinned = modules.filter(isPositioned);
  const free = modules
    .map((module, order) => ({ module: withSizePin(module), order }))
    .filter(({ module }) => !isPositioned(module))
    .sort((a, b) => a.module.rank - b.module.rank || a.order - b.order)
    .map(({ module }) => module);
  const tree = new SplitTree(free, grid);
  const page: Rect = { column: 0, line: 0, columns: grid.columns, lines: grid.lines + grid.gapLines };
  for (const module of pinned) if (!inside(extended(module, grid), page)) throw pinError(module, 'lies outside the type area');
  const carved = carveWithin(page, pinned, free.length, { tree, free, grid });
  if (!carved) throw explainNoFit(free, pinned, grid);
  const placed = carved.placed.sort((a, b) => a.line - b.line || a.column - b.column);
  return { modules: placed, cost: carved.cost, collisions: collisionsOf(placed), steps: tree.steps };
}

/** The search, bounded: a page too large to solve is an error the user can act on, never a hang. */
function carveWithin(page: Rect, pinned: readonly Positioned[], count: number, context: Context): Carved | null {
  try {
    return carve(page, pinned, 0, count - 1, context);
  } catch (error) {
    if (!(error instanceof SolverBudgetError)) throw error;
    throw new PaginationError(`${error.message} placing ${count} modules`, {
      cause: error,
      hint: 'pin the largest modules (columns and lines), or move some stories to another page',
    });
  }
}

interface Context {
  tree: SplitTree;
  free: readonly SolverModule[];
  grid: SolverGrid;
}

/** Fills `rect` with the pins inside it and the free modules i..j (none when i > j). */
function carve(rect: Rect, pins: readonly Positioned[], i: number, j: number, context: Context): Carved | null {
  if (pins.length === 0) {
    if (i > j) return null; // an empty region is a blank square
    const filled = context.tree.cheapest(i, j, rect.columns, rect.lines);
    return filled && { cost: filled.cost, placed: placeTree(filled, rect, context) };
  }
  if (pins.length === 1 && i > j && sameRect(extended(pins[0]!, context.grid), rect)) {
    return { cost: 0, placed: [placePinned(pins[0]!, context.grid)] };
  }
  let best: Carved | null = null;
  for (const [first, second] of cuts(rect, pins, context.grid)) {
    const firstPins = pins.filter((pin) => inside(extended(pin, context.grid), first));
    const secondPins = pins.filter((pin) => !firstPins.includes(pin));
    for (let k = i - 1; k <= j; k += 1) {
      const a = carve(first, firstPins, i, k, context);
      if (!a) continue;
      const b = carve(second, secondPins, k + 1, j, context);
      if (b && (!best || a.cost + b.cost < best.cost)) best = { cost: a.cost + b.cost, placed: [...a.placed, ...b.placed] };
    }
  }
  return best;
}

/** Guillotine cuts of `rect` along pin edges that cross no pin: [top, bottom] or [left, right]. */
function cuts(rect: Rect, pins: readonly Positioned[], grid: SolverGrid): [Rect, Rect][] {
  const result: [Rect, Rect][] = [];
  const boxes = pins.map((pin) => extended(pin, grid));
  const lines = new Set(boxes.flatMap((box) => [box.line, box.line + box.lines]));
  for (const y of lines) {
    if (y <= rect.line || y >= rect.line + rect.lines || boxes.some((b) => b.line < y && y < b.line + b.lines)) continue;
    result.push([
      { ...rect, lines: y - rect.line },
      { ...rect, line: y, lines: rect.line + rect.lines - y },
    ]);
  }
  const columns = new Set(boxes.flatMap((box) => [box.column, box.column + box.columns]));
  for (const x of columns) {
    if (x <= rect.column || x >= rect.column + rect.columns || boxes.some((b) => b.column < x && x < b.column + b.columns)) continue;
    result.push([
      { ...rect, columns: x - rect.column },
      { ...rect, column: x, columns: rect.column + rect.columns - x },
    ]);
  }
  return result;
}

function placeTree(filled: Filled, origin: Rect, context: Context): PlacedModule[] {
  const out: PlacedModule[] = [];
  const walk = (tree: Tree, column: number, line: number) => {
    if (tree.split === 'leaf') {
      out.push(placeLeaf(context.free[tree.index]!, tree.option, tree.lines, column, line, context.grid));
    } else if (tree.split === 'row') {
      walk(tree.first, column, line);
      walk(tree.second, column, line + tree.at);
    } else {
      walk(tree.first, column, line);
      walk(tree.second, column + tree.at, line);
    }
  };
  walk(filled.tree, origin.column, origin.line);
  return out;
}

function placeLeaf(module: SolverModule, option: ModuleOption, lines: number, column: number, line: number, grid: SolverGrid): PlacedModule {
  const blankLines = Math.max(0, lines - option.maxLines);
  return {
    id: module.id,
    kind: module.kind,
    column,
    line,
    columns: option.columns,
    lines,
    blankLines,
    cost: option.cost + blankLines * option.columns * grid.blankLineCost,
    variant: option.variant,
    detail: option.detail,
    headline: option.headline && { line: line + option.headline.offset, lines: option.headline.lines },
  };
}

function placePinned(module: Positioned, grid: SolverGrid): PlacedModule {
  const option = module.options.find((o) => o.columns === module.pin.columns && o.minLines <= module.pin.lines);
  if (!option) throw pinError(module, `cannot hold its content in ${module.pin.columns} columns × ${module.pin.lines} lines`);
  return placeLeaf(module, { ...option, maxLines: module.pin.lines }, module.pin.lines, module.pin.column, module.pin.line, grid);
}

/** A pin of size only narrows the module's options; the solver still places it. */
function withSizePin(module: SolverModule): SolverModule {
  const pin = module.pin;
  if (!pin || isPositioned(module)) return module;
  if (pin.column !== undefined || pin.line !== undefined) throw pinError(module, 'is pinned to a place but not to a size: give columns and lines too');
  if (pin.columns === undefined && pin.lines === undefined) return module;
  const options = module.options
    .filter((o) => pin.columns === undefined || o.columns === pin.columns)
    .filter((o) => pin.lines === undefined || o.minLines <= pin.lines)
    .map((o) => (pin.lines === undefined ? o : { ...o, minLines: pin.lines, maxLines: pin.lines }));
  if (options.length === 0) throw pinError(module, 'leaves no size at which its content fits');
  return { ...module, options };
}

function isPositioned(module: SolverModule): module is Positioned {
  const pin = module.pin;
  return pin?.column !== undefined && pin.line !== undefined && pin.columns !== undefined && pin.lines !== undefined;
}

function extended(module: Positioned, grid: SolverGrid): Rect {
  const { column, line, columns, lines } = module.pin;
  return { column, line, columns, lines: lines + grid.gapLines };
}

const inside = (a: Rect, b: Rect) =>
  a.column >= b.column && a.line >= b.line && a.column + a.columns <= b.column + b.columns && a.line + a.lines <= b.line + b.lines;

const sameRect = (a: Rect, b: Rect) => a.column === b.column && a.line === b.line && a.columns === b.columns && a.lines === b.lines;
