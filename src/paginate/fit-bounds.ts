/**
 * The bounds the copyfit works within: what a layout editor may adjust, and
 * how far. Defaults live here and nowhere else.
 */
export interface FitBounds {
  /** Smallest photo frame, in lines. */
  minFrameLines: number;
  /** Height/width a photo frame aims for (3:2 landscape). */
  targetAspect: number;
  /** Frames flatter or taller than these are not used. */
  minAspect: number;
  maxAspect: number;
  /** Lines between stacked modules and between photo rows. */
  gapLines: number;
  /** Cost of one empty line at the foot of the page, against photo-shape costs. */
  blankLineCost: number;
  /** Cost of one empty line under a section's text, per text column. */
  sectionBlankCost: number;
  /** Gallery rows hold at most this many photos. */
  maxPhotosPerRow: number;
  /** Cost taken off a gallery led by one large photo: picture editors prefer one dominant image. */
  leadBonus: number;
  /** Cost of each line past one between a band's longest and shortest text column. */
  columnSpreadCost: number;
  /** Cost of a pair of subheads side by side in neighbouring columns (撞题). */
  subheadCollisionCost: number;
  /** Cost of each line a subhead's title takes past two. */
  tallSubheadLineCost: number;
  /** Cost of a band whose columns level only with more space above some subheads than others. */
  unevenSubheadsCost: number;
  /** Cost of setting a band's text in fewer, wider columns than the grid's (变栏). */
  wideColumnsCost: number;
}

export const FIT_BOUNDS: Readonly<FitBounds> = Object.freeze({
  minFrameLines: 6,
  targetAspect: 2 / 3,
  minAspect: 0.4,
  maxAspect: 1.35,
  gapLines: 1,
  blankLineCost: 5,
  sectionBlankCost: 0.5,
  maxPhotosPerRow: 4,
  leadBonus: 0.3,
  columnSpreadCost: 2,
  subheadCollisionCost: 1,
  tallSubheadLineCost: 0.5,
  unevenSubheadsCost: 4,
  wideColumnsCost: 0.5,
});

/** The measured grid, in CSS px. */
/** Columns of the feature's grid: its bands and gallery rows are drawn for the 8-column 对开 page. */
export const FEATURE_COLUMNS = 8;

export interface GridPx {
  pitchPx: number;
  colPx: number;
  gutterPx: number;
}

/** Width in px of `span` columns with their gutters. */
export function spanWidthPx(span: number, grid: GridPx): number {
  return span * grid.colPx + (span - 1) * grid.gutterPx;
}

/** Cost of a frame's shape: 0 at the target aspect, growing with the log-distance. */
export function shapeCost(frameLines: number, span: number, grid: GridPx, bounds: FitBounds): number {
  const aspect = (frameLines * grid.pitchPx) / spanWidthPx(span, grid);
  if (aspect < bounds.minAspect || aspect > bounds.maxAspect) return Number.POSITIVE_INFINITY;
  const distance = Math.log(aspect / bounds.targetAspect);
  return distance * distance;
}

/** Smallest frame, in lines, a photo of `span` columns may have: never flatter than minAspect. */
export function minFrameLines(span: number, grid: GridPx, bounds: FitBounds): number {
  return Math.max(bounds.minFrameLines, Math.ceil((bounds.minAspect * spanWidthPx(span, grid)) / grid.pitchPx - 1e-9));
}
