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

type Layout = { kind: 'side' | 'stack'; photoSpan: number };

/** Spans of a section's photo block stacked beside its text. */
const STACK_SPANS = [2, 3, 4];

function layoutsFor(count: number): Layout[] {
  if (count === 0) return [{ kind: 'side', photoSpan: 0 }];
  const layouts: Layout[] = STACK_SPANS.map((photoSpan) => ({ kind: 'stack' as const, photoSpan }));
  if (count <= 2) layouts.push({ kind: 'side', photoSpan: 2 * count });
  return layouts;
}

/** The text column counts a section with `count` photos may use: what the page runtime measures (fit.js). */
export function textColumnCandidates(count: number): number[] {
  return [...new Set(layoutsFor(count).map((layout) => FEATURE_COLUMNS - layout.photoSpan))];
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
  const textColumns = FEATURE_COLUMNS - layout.photoSpan;
  const textLines = (section.textLines[textColumns] ?? Number.POSITIVE_INFINITY) + extra;
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
    cost: photoCost + blank * textColumns * bounds.sectionBlankCost,
    plan: {
      id: section.id,
      name: section.name,
      lines: section.bandLines + bodyLines,
      bodyLines,
      textLines: Math.min(bodyLines, textLines),
      photoSpan: layout.photoSpan,
      textColumns,
      looseSubheads: section.looseSubheads[textColumns] ?? [],
      textSpread: section.textSpread[textColumns] ?? 0,
      blankLines: blank,
    },
    photos: photos.map((photo, i) => ({ id: photo.id, span, frameLines: frames[i]! })),
  };
  if (photos.length > 0) option.stretch = (more, b, g) => build(section, layout, add + more, b, g, extra);
  return option;
}
