/**
 * What a module kind needs to know of the page to price its options: the
 * grid in grid units and in CSS px (photo shapes), the headline ladder and
 * the photo bounds. Built from the page preset (src/defaults.ts), never from
 * literals in a kind.
 */
export interface KindGrid {
  columns: number;
  lines: number;
  colPx: number;
  gutterPx: number;
  pitchPx: number;
  /** Headline sizes in pt, largest first; rank r starts at step r − 1. */
  headlineLadder: readonly number[];
  /** A title broken into more lines than this is too small a span for that size. */
  headlineMaxTitleLines: number;
  /** Lines of white a text column may be left with (under short text beside a taller photo or vertical headline). */
  maxHoleLines: number;
  /** Lines between a headline block and the text under it. */
  headGapLines: number;
  /** Lines between a photo's caption and what follows it. */
  photoGapLines: number;
  minFrameLines: number;
  /** Height / width a photo frame aims for, and the flattest and tallest it may be. */
  targetAspect: number;
  minAspect: number;
  maxAspect: number;
}

/** Width in px of `span` columns with their gutters. */
export function spanPx(span: number, grid: KindGrid): number {
  return span * grid.colPx + (span - 1) * grid.gutterPx;
}
