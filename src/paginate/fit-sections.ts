/**
 * Section fitting: for a section's photos, the ways to set them beside the
 * text (side by side, or stacked in a 2–4 column block), each with the text
 * balanced over the remaining columns.
 */
import { FEATURE_COLUMNS, minFrameLines, shapeCost, type FitBounds, type GridPx } from './fit-bounds.ts';
import type { PhotoPlacement } from './fit-gallery.ts';
import type { SectionMeasure, SectionPlan } from './fit.ts';

export interface SectionOption {
  lines: number;
  cost: number;
  plan: SectionPlan;
  photos: PhotoPlacement[];
  /** This option made `add` lines taller (its photos grow), or undefined past the photos' tallest shape. */
  stretch?: (add: number, bounds: FitBounds, grid: GridPx) => SectionOption | undefined;
}

/** `textColumns` columns set over the grid columns the photos leave: fewer than those is 变栏. */
type Layout = { kind: 'side' | 'stack'; photoSpan: number; textColumns: number };

/** Spans of a section's photo block stacked beside its text. */
const STACK_SPANS = [2, 3, 4];

/**
 * A band without photos may also set its text in fewer, wider columns than
 * the grid's (变栏): where short articles' subheads would climb 8 shallow
 * columns in a staircase, wider columns take each title in two lines
 * (page-runtime/text-measure.js). Wider by 1.3–1.7 times: the 8 grid columns
 * in 6 or 5; less gains no title line, more is past the measure a body line
 * reads well at. A band with photos already has fewer, deeper text columns.
 */
const WIDE_RATIO = { least: 1.3, most: 1.7 };

/** A photo-less band's layouts: the grid's 8 columns, and the wider column counts. */
function photoLessLayouts(): Layout[] {
  const layouts: Layout[] = [];
  for (let columns = FEATURE_COLUMNS; columns >= 2; columns -= 1) {
    const ratio = FEATURE_COLUMNS / columns;
    if (columns === FEATURE_COLUMNS || (ratio >= WIDE_RATIO.least && ratio <= WIDE_RATIO.most)) layouts.push({ kind: 'side', photoSpan: 0, textColumns: columns });
  }
  return layouts;
}

function layoutsFor(count: number): Layout[] {
  if (count === 0) return photoLessLayouts();
  const layouts: Layout[] = STACK_SPANS.map((photoSpan) => ({ kind: 'stack' as const, photoSpan, textColumns: FEATURE_COLUMNS - photoSpan }));
  if (count <= 2) layouts.push({ kind: 'side', photoSpan: 2 * count, textColumns: FEATURE_COLUMNS - 2 * count });
  return layouts;
}

/** A text candidate: `columns` columns over `span` grid columns. */
export interface TextCandidate {
  columns: number;
  span: number;
}

/** The key of a text candidate in a section's measurements (SectionMeasure): the runtime writes the same. */
export const textKey = (columns: number, span: number): string => `${columns}/${span}`;

/** The text columns a section with `count` photos may use: what the page runtime measures (fit.js). */
export function textColumnCandidates(count: number): TextCandidate[] {
  const seen = new Map<string, TextCandidate>();
  for (const layout of layoutsFor(count)) {
    const span = FEATURE_COLUMNS - layout.photoSpan;
    seen.set(textKey(layout.textColumns, span), { columns: layout.textColumns, span });
  }
  return [...seen.values()];
}

/** The spans a section photo may take: its caption is measured at each. */
export const SECTION_PHOTO_SPANS: readonly number[] = [...new Set([...STACK_SPANS, 2])];

export function sectionOptions(section: SectionMeasure, bounds: FitBounds, grid: GridPx, extra: number): SectionOption[] {
  return layoutsFor(section.photos.length)
    .map((layout) => build(section, layout, 0, bounds, grid, extra))
    .filter((option): option is SectionOption => option !== undefined);
}

function build(
  section: SectionMeasure,
  layout: Layout,
  add: number,
  bounds: FitBounds,
  grid: GridPx,
  extra: number,
): SectionOption | undefined {
  const textColumns = layout.textColumns;
  const textSpan = FEATURE_COLUMNS - layout.photoSpan;
  const key = textKey(textColumns, textSpan);
  const textLines = (section.textLines[key] ?? Number.POSITIVE_INFINITY) + extra;
  const photos = section.photos;
  const span = layout.kind === 'side' ? 2 : layout.photoSpan;
  const captions = photos.map((photo) => photo.captionLines[span] ?? 1);
  // Lines the photo block needs beyond its frames, and how many frames share the height.
  const overhead = layout.kind === 'side' ? Math.max(0, ...captions) : captions.reduce((a, b) => a + b, 0) + (photos.length - 1) * bounds.gapLines;
  const stackCount = layout.kind === 'side' ? 1 : photos.length;
  const photoMin = photos.length ? overhead + stackCount * minFrameLines(span, grid, bounds) : 0;
  const bodyLines = Math.max(textLines, photoMin) + add;
  const frameTotal = bodyLines - overhead;
  const frames = photos.map((_, i) => (layout.kind === 'side' ? frameTotal : Math.floor(frameTotal / stackCount) + (i < frameTotal % stackCount ? 1 : 0)));
  const photoCost = photos.reduce((sum, _, i) => sum + shapeCost(frames[i]!, span, grid, bounds), 0);
  if (!Number.isFinite(photoCost)) return undefined;
  const blank = bodyLines - textLines;
  const option: SectionOption = {
    lines: section.bandLines + bodyLines,
    cost: photoCost + blank * textColumns * bounds.sectionBlankCost + staircaseCost(section, key, textColumns < textSpan, bounds),
    plan: {
      id: section.id,
      name: section.name,
      lines: section.bandLines + bodyLines,
      bodyLines,
      textLines: Math.min(bodyLines, textLines),
      photoSpan: layout.photoSpan,
      textColumns,
      textSpan,
      looseSubheads: section.looseSubheads[key] ?? [],
      textSpread: section.textSpread[key] ?? 0,
      blankLines: blank,
    },
    photos: photos.map((photo, i) => ({ id: photo.id, span, frameLines: frames[i]! })),
  };
  if (photos.length > 0) option.stretch = (more, b, g) => build(section, layout, add + more, b, g, extra);
  return option;
}

/**
 * What a layout editor holds against a band's text (issue 19), for the text
 * candidate `key`: columns ending more than a line apart, subheads side by
 * side in neighbouring columns (撞题), titles past two lines, spacing above
 * subheads that differs within the band; and a small price on 变栏 (`isWide`),
 * so that the grid's own columns are kept where wider ones gain nothing.
 */
function staircaseCost(section: SectionMeasure, key: string, isWide: boolean, bounds: FitBounds): number {
  const stairs = section.staircase?.[key];
  const wide = isWide ? bounds.wideColumnsCost : 0;
  if (!stairs) return wide;
  const spread = Math.max(0, (section.textSpread[key] ?? 0) - 1);
  return wide + spread * bounds.columnSpreadCost + stairs.collisions * bounds.subheadCollisionCost + stairs.tallLines * bounds.tallSubheadLineCost + (stairs.uneven ? bounds.unevenSubheadsCost : 0);
}
