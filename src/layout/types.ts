/**
 * The page solver's data: what each module can be (measured once in the
 * browser and priced by its kind), and where the solver put it. Everything is
 * in grid units: whole columns and whole baseline lines, 0-based from the top
 * left of the type area (docs/design/general-pages.md, sections 5, 6 and 8).
 */

/** One height range a module can take at one column span. */
export interface ModuleOption {
  columns: number;
  /** Smallest height, in lines, at which all of the module's content fits. */
  minLines: number;
  /** Tallest height it fills without white space (a photo grows up to its limit, say). */
  maxLines: number;
  /** The kind's own price for this option: headline size below its rank's step, photo shape, … */
  cost: number;
  /** Where the module's headline sits, in lines from its top; none for kinds without one. */
  headline?: { offset: number; lines: number };
  /** The kind's name for this variant in the report (e.g. "photo-top", "headline 48pt"). */
  variant?: string;
  /** What the kind needs to set this option on the page (headline size, photo block); opaque to the solver. */
  detail?: Readonly<Record<string, unknown>>;
}

/** An editor's pin: any of a module's position and size, in grid units. */
export interface Pin {
  column?: number;
  line?: number;
  columns?: number;
  lines?: number;
}

export interface SolverModule {
  id: string;
  kind: string;
  /** 1 = the lead story; larger = lighter. Reading order follows rank, then the editor's order. */
  rank: number;
  /** What the editor calls it (headline, label): for messages only, never for identity. */
  name: string;
  options: ModuleOption[];
  pin?: Pin;
}

export interface SolverGrid {
  columns: number;
  lines: number;
  /** Lines between modules stacked one above the other. */
  gapLines: number;
  /** White lines a module may leave under its content (the 25 mm blank-square limit, in lines). */
  maxBlankLines: number;
  /** Price of one white line in one column. */
  blankLineCost: number;
  /** Price of two headlines side by side at the same height (撞题). */
  collisionCost: number;
  /** Most solver steps before it gives up (it never blocks for long). */
  maxSteps: number;
}

export interface PlacedModule {
  id: string;
  kind: string;
  column: number;
  line: number;
  columns: number;
  lines: number;
  /** Lines of white under the content (lines − the option's maxLines, when positive). */
  blankLines: number;
  cost: number;
  variant?: string;
  /** The chosen option's detail, for the kind that sets the module on the page. */
  detail?: Readonly<Record<string, unknown>>;
  /** The headline's band on the page, in lines from the type area's top. */
  headline?: { line: number; lines: number };
}

export interface PageSolution {
  modules: PlacedModule[];
  cost: number;
  /** Pairs of module ids whose headlines sit side by side at the same height. */
  collisions: [string, string][];
  /** Solver steps taken: the size of the search, for the report and the bench. */
  steps: number;
}
