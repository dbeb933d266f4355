/**
 * Gallery fitting: splits the photos, in reading order, into rows of whole
 * column spans, and shares the lines the gallery gets among the rows so that
 * each frame comes as close as it can to the target shape.
 */
import { minFrameLines, shapeCost, type FitBounds, type GridPx } from './fit-bounds.ts';
import { arrangeWithLead } from './fit-gallery-lead.ts';

export interface PhotoMeasure {
  id: string;
  /** Caption height in lines at spans 2–8. */
  captionLines: Record<number, number>;
}

export interface PhotoPlacement {
  id: string;
  span: number;
  frameLines: number;
  /** Grid column the photo starts at (1-based), when it is not auto-placed. */
  column?: number;
  /** Grid row of the gallery it starts in (1-based), and how many rows it spans. */
  row?: number;
  rowSpan?: number;
}

export interface GalleryArrangement {
  lines: number;
  cost: number;
  photos: PhotoPlacement[];
}

/** Spans of a row of k photos across 8 columns; the first row leads with a wider photo. */
function rowSpans(count: number, rowIndex: number, columns = 8): number[] {
  if (count === 1) return [columns];
  if (count === 2) return [columns / 2, columns / 2];
  if (count === 3) return rowIndex === 0 ? [4, 2, 2] : rowIndex % 2 === 1 ? [3, 3, 2] : [2, 3, 3];
  return Array.from({ length: count }, () => columns / count);
}

/** Every way to cut n photos, in order, into rows of 1..max photos. */
export function* rowCompositions(n: number, max: number): Generator<number[]> {
  if (n === 0) {
    yield [];
    return;
  }
  for (let first = Math.min(n, max); first >= 1; first -= 1) {
    for (const rest of rowCompositions(n - first, max)) yield [first, ...rest];
  }
}

export interface Row {
  photos: { id: string; span: number; captionLines: number }[];
  captionLines: number;
}

/** The best gallery of exactly `lines` lines, or undefined when none fits. */
export function arrangeGallery(
  photos: readonly PhotoMeasure[],
  lines: number,
  bounds: FitBounds,
  grid: GridPx,
): GalleryArrangement | undefined {
  let best: GalleryArrangement | undefined;
  for (const composition of rowCompositions(photos.length, bounds.maxPhotosPerRow)) {
    const rows = buildRows(photos, composition);
    const frameTotal = lines - rows.reduce((sum, row) => sum + row.captionLines, 0) - (rows.length - 1) * bounds.gapLines;
    const frames = shareFrameLines(rows, frameTotal, bounds, grid);
    if (!frames) continue;
    const cost = rows.reduce(
      (sum, row, r) => sum + row.photos.reduce((s, photo) => s + shapeCost(frames[r]!, photo.span, grid, bounds), 0),
      0,
    );
    if (!Number.isFinite(cost) || (best && cost >= best.cost)) continue;
    best = { lines, cost, photos: placeRows(rows, frames, 1) };
  }
  const lead = arrangeWithLead(photos, lines, bounds, grid);
  if (lead && (!best || lead.cost < best.cost)) best = lead;
  return best;
}

/** Placements for rows of photos, left to right, starting at gallery row `firstRow`. */
export function placeRows(rows: Row[], frames: number[], firstRow: number): PhotoPlacement[] {
  return rows.flatMap((row, r) => {
    let column = 1;
    return row.photos.map((photo) => {
      const placement = { id: photo.id, span: photo.span, frameLines: frames[r]!, column, row: firstRow + r, rowSpan: 1 };
      column += photo.span;
      return placement;
    });
  });
}

export function buildRows(photos: readonly PhotoMeasure[], composition: number[], firstRowIndex = 0): Row[] {
  let index = 0;
  return composition.map((count, position) => {
    const spans = rowSpans(count, firstRowIndex + position);
    const rowPhotos = spans.map((span) => {
      const photo = photos[index++]!;
      return { id: photo.id, span, captionLines: photo.captionLines[span] ?? 1 };
    });
    return { photos: rowPhotos, captionLines: Math.max(...rowPhotos.map((p) => p.captionLines)) };
  });
}

/**
 * Shares `total` frame lines among rows: each row starts at its ideal height
 * (target aspect for its mean span), then single lines move to where they
 * cost least until the sum is exact.
 */
export function shareFrameLines(rows: Row[], total: number, bounds: FitBounds, grid: GridPx): number[] | undefined {
  const minima = rows.map((row) => Math.max(...row.photos.map((photo) => minFrameLines(photo.span, grid, bounds))));
  if (total < minima.reduce((a, b) => a + b, 0)) return undefined;
  const rowCost = (r: number, frame: number) =>
    rows[r]!.photos.reduce((sum, photo) => sum + shapeCost(frame, photo.span, grid, bounds), 0);
  const frames = rows.map((row, r) => {
    const meanSpan = row.photos.reduce((sum, p) => sum + p.span, 0) / row.photos.length;
    const ideal = (bounds.targetAspect * (meanSpan * grid.colPx + (meanSpan - 1) * grid.gutterPx)) / grid.pitchPx;
    return Math.max(minima[r]!, Math.round(ideal));
  });
  let sum = frames.reduce((a, b) => a + b, 0);
  while (sum !== total) {
    const step = sum < total ? 1 : -1;
    let pick = -1;
    let pickDelta = Number.POSITIVE_INFINITY;
    frames.forEach((frame, r) => {
      if (step < 0 && frame - 1 < minima[r]!) return;
      const delta = rowCost(r, frame + step) - rowCost(r, frame);
      const comparable = Number.isNaN(delta) ? Number.POSITIVE_INFINITY : delta;
      if (pick === -1 || comparable < pickDelta) {
        pick = r;
        pickDelta = comparable;
      }
    });
    if (pick === -1) return undefined;
    frames[pick]! += step;
    sum += step;
  }
  return frames;
}
