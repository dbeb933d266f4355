/**
 * Fits a general page against the live page: the runtime measures every
 * module once (modules.js), the solver places them in Node (src/layout/),
 * the runtime sets the placement and the browser's own layout checks it. A
 * module the browser finds short gets those lines and the page is solved
 * again; the search never runs in the page.
 */
import type { Page as Tab } from 'puppeteer-core';
import { PAGE_LAYOUT, type PageGeometry } from '../defaults.ts';
import type { Page } from '../content/v2/page.ts';
import { ContentError, OverflowError } from '../errors.ts';
import { solvePage } from '../layout/solve-page.ts';
import { kindGridFor, layoutPresetOf, planModules, solverGridFor, solverModules, type MeasuredPage, type ModulePlan } from '../layout/page-modules.ts';
import type { PageSolution, SolverModule } from '../layout/types.ts';
import type { StoryJump, SplitPoint } from '../issue/jumps.ts';
import type { Frame } from './fit-page.ts';

/** The one report of a general page: what the CLI, summary.json, the preview and the cache read. */
export interface PageArrangement {
  preset: string;
  columns: number;
  lines: number;
  modules: ModulePlan[];
  /** White lines under content, summed over modules (in module lines, not column-lines). */
  blankLines: number;
  cost: number;
  /** Pairs of module ids whose headlines sit side by side at the same height (撞题); empty when none. */
  collisions: [string, string][];
  /**
   * Stories with white over the page's blank limit: text short of a taller photo or vertical headline beside
   * it (`beside`), or whole columns the text leaves empty (`empty`); lines deep, columns wide.
   */
  holes: { id: string; why: 'beside' | 'empty' | 'foot'; lines: number; columns: number }[];
  /** Solver steps, for the bench. */
  steps: number;
  /** Milliseconds the solver took over all rounds. */
  solveMs: number;
  rounds: number;
  /** Stories cut at a line and continued on a later page (转版): where each first part ends. */
  jumps: StoryJump[];
}

export interface ModulesFitReport {
  arrangement: PageArrangement;
  frames: Frame[];
}

interface ModulesRuntime {
  measureModules(spans: number[], ladder: readonly number[]): MeasuredPage;
  applyModules(plans: ModulePlan[]): Frame[];
  moduleOverflow(): { module: string; lines: number }[];
  moduleGaps(): Gap[];
  splitStory(id: string): SplitPoint | null;
  setImages(urls: Record<string, string>): Promise<void>;
}
type WithRuntime = { folio: ModulesRuntime };
/** White a story's text leaves in its module as laid out: whole columns empty (how deep), and under its last column. */
interface Gap {
  module: string;
  emptyColumns: number;
  emptyLines: number;
  footLines: number;
}

export async function fitModules(
  tab: Tab,
  page: Readonly<Page>,
  geometry: PageGeometry,
  resolveImages: (frames: Frame[]) => Promise<Record<string, string>>,
): Promise<ModulesFitReport> {
  const spans = Array.from({ length: geometry.columns }, (_, i) => i + 1);
  const ladder = layoutPresetOf(geometry).headlineLadder;
  const measured = await tab.evaluate((s, l) => (window as unknown as WithRuntime).folio.measureModules(s, l), spans, ladder);
  const kindGrid = kindGridFor(geometry, measured);
  const grid = solverGridFor(geometry, page);
  let solveMs = 0;
  let jumping: Error | undefined;
  for (let round = 1; round <= PAGE_LAYOUT.rounds; round += 1) {
    const started = performance.now();
    let modules = solverModules(page, measured, kindGrid, geometry, jumping !== undefined);
    let solution: PageSolution;
    try {
      solution = solvePage(modules, grid);
    } catch (error) {
      // 转版: a page over full (or a story over its pinned size) with a story that may continue elsewhere is
      // solved again, that story cut to fit; when that fails too, the first failure is the one to report.
      const overFull = error instanceof OverflowError || error instanceof ContentError;
      if (jumping || !overFull || !page.modules.some((m) => m.kind === 'story' && m.continue !== undefined)) throw error;
      jumping = error;
      modules = solverModules(page, measured, kindGrid, geometry, true);
      try {
        solution = solvePage(modules, grid);
      } catch {
        throw error;
      }
    }
    solveMs += performance.now() - started;
    const plans = planModules(solution.modules, measured);
    refuseShortJumps(plans, jumping);
    const { frames, short, jumps, gaps } = await tab.evaluate((p) => {
      const { folio } = window as unknown as WithRuntime;
      const frames = folio.applyModules(p);
      // The cut stories end at a line boundary with their jump line under it, before the check reads the page.
      const jumps = p.filter((plan) => plan.jumpLines).flatMap((plan) => {
        const split = folio.splitStory(plan.id);
        return split ? [{ id: plan.id, split }] : [];
      });
      return { frames, short: folio.moduleOverflow(), jumps, gaps: folio.moduleGaps() };
    }, plans);
    // Text too short for its columns leaves the last ones empty, which the one-column measure cannot tell:
    // the solver hears which column counts did so and prices them as holes in the next round.
    const holes = gaps.filter((g) => g.footLines > kindGrid.maxHoleLines || g.emptyColumns > 0);
    const fresh = short.length === 0 && round <= PAGE_LAYOUT.gapRounds ? holes.filter((gap) => noteRagged(measured, plans, gap)) : [];
    if (short.length === 0 && fresh.length === 0) {
      const urls = await resolveImages(frames);
      await tab.evaluate((u) => (window as unknown as WithRuntime).folio.setImages(u), urls);
      const arrangement: PageArrangement = {
        preset: geometry.name,
        columns: grid.columns,
        lines: grid.lines,
        modules: plans,
        blankLines: plans.reduce((sum, p) => sum + p.blankLines, 0),
        cost: solution.cost,
        collisions: solution.collisions,
        holes: [
          ...plans.filter((p) => (p.holeLines ?? 0) > kindGrid.maxHoleLines).map((p) => ({ id: p.id, why: 'beside' as const, lines: p.holeLines!, columns: p.textColumns ?? p.columns })),
          ...holes
            .filter((g) => !plans.some((p) => p.id === g.module && (p.holeLines ?? 0) > kindGrid.maxHoleLines))
            .map((g) => (g.emptyColumns > 0 ? { id: g.module, why: 'empty' as const, lines: g.emptyLines, columns: g.emptyColumns } : { id: g.module, why: 'foot' as const, lines: g.footLines, columns: 1 })),
        ],
        steps: solution.steps,
        solveMs: Math.round(solveMs),
        rounds: round,
        jumps,
      };
      return { arrangement, frames };
    }
    // The browser's layout needs more than the one-column measure said (a column may not end mid-paragraph
    // where the arithmetic ended it): give each short story those lines in one column and solve again.
    for (const entry of short) {
      const module = measured.modules.find((m) => m.id === entry.module);
      const plan = plans.find((p) => p.id === entry.module);
      if (!module || !plan) throw shortError(entry.module, entry.lines, modules);
      if (module.bodyLines !== undefined) module.bodyLines += entry.lines * (plan.textColumns ?? 1);
      else if (module.linesAt?.[plan.columns] !== undefined) module.linesAt[plan.columns]! += entry.lines;
      else throw shortError(entry.module, entry.lines, modules);
    }
  }
  throw new OverflowError(`the page did not fit after ${PAGE_LAYOUT.rounds} rounds of fitting`, { hint: 'cut text in the longest story' });
}

/** Records that a story's text left columns empty at this many text columns; false when it was known. */
function noteRagged(measured: MeasuredPage, plans: readonly ModulePlan[], gap: Gap): boolean {
  const module = measured.modules.find((m) => m.id === gap.module);
  const columns = plans.find((p) => p.id === gap.module)?.textColumns;
  if (!module || columns === undefined || module.ragged?.[columns] !== undefined) return false;
  module.ragged = { ...module.ragged, [columns]: Math.max(1, gap.emptyColumns) };
  return true;
}

/** A story only a line or two over its module is an overflow to cut, not a jump (PAGE_LAYOUT.jumpMarginLines). */
function refuseShortJumps(plans: readonly ModulePlan[], overflow: Error | undefined): void {
  const short = plans.find((plan) => plan.jumpLines !== undefined && plan.jumpLines <= PAGE_LAYOUT.jumpMarginLines);
  if (short && overflow) throw overflow;
}

function shortError(id: string, lines: number, modules: readonly SolverModule[]): OverflowError {
  const module = modules.find((m) => m.id === id);
  return new OverflowError(`module "${id}"${module ? ` (${module.name})` : ''} is ${lines} line(s) short of its content`, {
    hint: `cut text in "${id}", or pin it larger (pin: columns, lines)`,
  });
}
