/**
 * From a general page and one measurement of its modules (taken in the
 * browser) to what the solver searches, and from the solver's placement back
 * to what the page runtime sets. Pure: no browser, no files. Each kind is a
 * handler in one ordered list (the Paged.js pattern), so a new kind is a new
 * entry, not a branch in a fitter.
 */
import { PAGE_LAYOUT, PAGE_LAYOUT_PRESETS, type PageGeometry } from '../defaults.ts';
import type { Module } from '../content/v2/modules.ts';
import type { Page } from '../content/v2/page.ts';
import { PaginationError } from '../errors.ts';
import type { KindGrid } from './kinds/kind-grid.ts';
import type { PhotoMeasure, PlacedFrame, PhotoBlock } from './kinds/photo-block.ts';
import { storyModule, type StoryMeasure } from './kinds/story.ts';
import { boxModule, photoModule, slotModule } from './kinds/fixed.ts';
import type { PlacedModule, SolverGrid, SolverModule } from './types.ts';

/** What the page runtime (modules.js) reports of one module. */
export interface MeasuredModule {
  id: string;
  kind: string;
  bodyLines?: number;
  headlines?: StoryMeasure['headlines'];
  vertical?: StoryMeasure['vertical'];
  photos?: PhotoMeasure[];
  linesAt?: Record<number, number>;
  /** Whole columns the text left empty when set in this many columns (heard back from the page, not measured). */
  ragged?: Record<number, number>;
}

export interface MeasuredPage {
  pitchPx: number;
  colPx: number;
  gutterPx: number;
  modules: MeasuredModule[];
}

/** What the page runtime sets for one module: its place, and for a story how it fills it. */
export interface ModulePlan extends PlacedModule {
  titleSizePt?: number;
  headLines?: number;
  photoMode?: PhotoBlock['mode'];
  photoColumns?: number;
  photoLines?: number;
  photoTop?: boolean;
  photos?: PlacedFrame[];
  textColumns?: number;
  /** Columns of a vertical (竖排) headline at the module's right. */
  verticalColumns?: number;
  /** Lines the text's columns stand white under it (beside a taller photo or vertical headline), when over the page's limit. */
  holeLines?: number;
  frameLines?: number;
  /** 转版: the module is shorter than its story by this many lines; the runtime ends it at a line and sets 下转第X版 under it. */
  jumpLines?: number;
}

export function kindGridFor(geometry: PageGeometry, measured: Pick<MeasuredPage, 'pitchPx' | 'colPx' | 'gutterPx'>): KindGrid {
  const preset = layoutPresetOf(geometry);
  return {
    columns: geometry.columns,
    lines: geometry.lines,
    colPx: measured.colPx,
    gutterPx: measured.gutterPx,
    pitchPx: measured.pitchPx,
    headlineLadder: preset.headlineLadder,
    headlineMaxTitleLines: PAGE_LAYOUT.headlineMaxTitleLines,
    maxHoleLines: maxBlankLinesOf(geometry),
    headGapLines: PAGE_LAYOUT.headGapLines,
    photoGapLines: PAGE_LAYOUT.photoGapLines,
    minFrameLines: PAGE_LAYOUT.minFrameLines,
    targetAspect: PAGE_LAYOUT.targetAspect,
    minAspect: PAGE_LAYOUT.minAspect,
    maxAspect: PAGE_LAYOUT.maxAspect,
  };
}

/** The type area left to the modules: all of it, less the credit line and its gap at the foot. */
/**
 * Lines of white one column may hold: white under a module or under short
 * text meets the gap line and the short last line of the text, so keep it two
 * lines under the page's blank-square limit.
 */
function maxBlankLinesOf(geometry: PageGeometry): number {
  const pitchMm = (geometry.linePitchPt * 25.4) / 72;
  return Math.max(0, Math.floor(PAGE_LAYOUT.maxBlankMm / pitchMm) - 2);
}

export function solverGridFor(geometry: PageGeometry, page: Readonly<Page>): SolverGrid {
  const creditLines = page.furniture.credit ? 1 + PAGE_LAYOUT.gapLines : 0;
  return {
    columns: geometry.columns,
    lines: geometry.lines - creditLines,
    gapLines: PAGE_LAYOUT.gapLines,
    maxBlankLines: maxBlankLinesOf(geometry),
    blankLineCost: PAGE_LAYOUT.blankLineCost,
    collisionCost: PAGE_LAYOUT.collisionCost,
    maxSteps: PAGE_LAYOUT.maxSteps,
  };
}

export function layoutPresetOf(geometry: PageGeometry) {
  const preset = PAGE_LAYOUT_PRESETS[geometry.name];
  if (!preset) throw new PaginationError(`the preset "${geometry.name}" has no page layout settings (headline ladder, masthead)`, { hint: 'add it to PAGE_LAYOUT_PRESETS in src/defaults.ts' });
  return preset;
}

interface KindHandler {
  kind: string;
  module(content: Module, measured: MeasuredModule, grid: KindGrid): SolverModule;
  plan?(placed: PlacedModule, measured: MeasuredModule): Partial<ModulePlan>;
}

const KINDS: readonly KindHandler[] = [
  {
    kind: 'story',
    module: (content, measured, grid) => {
      if (content.kind !== 'story') throw new Error('story handler given another kind');
      return storyModule(
        {
          id: content.id,
          rank: content.rank,
          name: content.headline.title,
          bodyLines: measured.bodyLines ?? 0,
          headlines: measured.headlines ?? {},
          vertical: measured.vertical,
          photos: measured.photos ?? [],
          ragged: measured.ragged,
          pin: content.pin,
        },
        grid,
      );
    },
    plan: storyPlan,
  },
  {
    kind: 'photo',
    module: (content, measured, grid) => photoModule(content.id, measured.photos![0]!, grid, content.pin),
    plan: (placed) => {
      const frame = placed.detail!.frame as PlacedFrame;
      return { frameLines: placed.lines - frame.captionLines };
    },
  },
  {
    kind: 'box',
    module: (content, measured, grid) => boxModule(content.id, content.kind === 'box' ? content.title : undefined, measured.linesAt ?? {}, grid, content.pin),
  },
  {
    kind: 'ad',
    module: (content) => {
      if (content.kind !== 'ad') throw new Error('ad handler given another kind');
      return slotModule(content.id, 'ad', content.pin);
    },
  },
];

const handlerOf = (kind: string) => {
  const handler = KINDS.find((k) => k.kind === kind);
  if (!handler) throw new PaginationError(`a general page cannot hold a module of kind "${kind}"`, { hint: 'a feature is a page of its own: put it in a file without other modules' });
  return handler;
};

/**
 * Every module of the page as the solver sees it, with the masthead pinned across the top of a front page.
 * With `jumping`, a story that has a `continue:` target may take any height down to its head, photos and
 * `jumpMinLines` of text: the rest goes to the target page (转版).
 */
export function solverModules(page: Readonly<Page>, measured: MeasuredPage, grid: KindGrid, geometry: PageGeometry, jumping = false): SolverModule[] {
  const byId = new Map(measured.modules.map((m) => [m.id, m]));
  const modules = page.modules.map((content) => {
    const module = handlerOf(content.kind).module(content, byId.get(content.id) ?? { id: content.id, kind: content.kind }, grid);
    return jumping && content.kind === 'story' && content.continue !== undefined ? jumpingStory(module) : module;
  });
  if (page.furniture.masthead) {
    modules.unshift(slotModule('masthead', 'masthead', { column: 0, line: 0, columns: geometry.columns, lines: layoutPresetOf(geometry).mastheadLines }));
  }
  return modules;
}

export function planModules(placed: readonly PlacedModule[], measured: MeasuredPage): ModulePlan[] {
  const byId = new Map(measured.modules.map((m) => [m.id, m]));
  return placed.map((p) => {
    const handler = KINDS.find((k) => k.kind === p.kind);
    return { ...p, ...(handler?.plan?.(p, byId.get(p.id)!) ?? {}) };
  });
}

/** A story that may continue elsewhere: each option reaches down to a short first part, its full length kept as `fullLines`. */
function jumpingStory(module: SolverModule): SolverModule {
  const options = module.options.map((option) => {
    const d = option.detail as unknown as StoryDetail;
    const photoLines = d.block.mode === 'row' ? d.block.fullWidthLines : d.block.mode === 'stack' ? Math.ceil(d.block.columnLines / d.block.span) : 0;
    const least = d.headLines + (d.block.mode === 'stack' ? Math.max(photoLines, PAGE_LAYOUT.jumpMinLines) : photoLines + PAGE_LAYOUT.jumpMinLines);
    return { ...option, minLines: Math.min(option.minLines, least), detail: { ...option.detail, fullLines: option.minLines } };
  });
  return { ...module, options };
}

/** Lines a placed story is short of its content: more than zero only for a story the solver cut (jumpingStory). */
export function jumpLinesOf(placed: PlacedModule): number {
  const full = (placed.detail as { fullLines?: number } | undefined)?.fullLines;
  return full === undefined ? 0 : Math.max(0, full - placed.lines);
}

interface StoryDetail {
  titleSizePt: number;
  headLines: number;
  minLines: number;
  block: PhotoBlock;
  textColumns: number;
  photoTop: boolean;
  verticalColumns?: number;
  holeLines: number;
}

/** Lines the module has beyond its least go first to its photos (taller frames), the rest is white under the text. */
function storyPlan(placed: PlacedModule): Partial<ModulePlan> {
  const d = placed.detail as unknown as StoryDetail;
  const frames = d.block.frames.map((f) => ({ ...f }));
  let photoLines = 0;
  if (d.block.mode === 'row') {
    const grow = Math.min(placed.lines - d.minLines, ...frames.map((f) => f.grow));
    for (const f of frames) f.frameLines += Math.max(0, grow);
    photoLines = d.block.fullWidthLines + Math.max(0, grow);
  } else if (d.block.mode === 'stack') {
    let spare = placed.lines - d.headLines - frames.reduce((sum, f) => sum + f.frameLines + f.captionLines + 1, 0);
    for (const f of frames) {
      const g = Math.max(0, Math.min(spare, f.grow));
      f.frameLines += g;
      spare -= g;
    }
  }
  const jumpLines = jumpLinesOf(placed);
  return { ...(jumpLines > 0 ? { jumpLines } : {}), titleSizePt: d.titleSizePt, headLines: d.headLines, photoMode: d.block.mode, photoColumns: d.block.span, photoLines, photoTop: d.photoTop, photos: frames, textColumns: d.textColumns, verticalColumns: d.verticalColumns, holeLines: holeOf(d, placed) };
}

/** The story's hole as placed: lines the module has beyond its least deepen it where the text stands beside something taller. */
function holeOf(d: StoryDetail, placed: PlacedModule): number {
  const beside = d.block.mode === 'stack' || d.verticalColumns !== undefined;
  return d.holeLines + (beside ? Math.max(0, placed.lines - d.minLines) : 0);
}
