/**
 * Gallery fitting: the best of plain rows (fit-gallery-rows.ts) and a gallery
 * led by one photo (fit-gallery-lead.ts) for an exact number of lines. Both
 * searches are polynomial, so a gallery of any size is fitted at once.
 */
import type { FitBounds, GridPx } from './fit-bounds.ts';
import { arrangeWithLead, planRowsBelowLead } from './fit-gallery-lead.ts';
import { planRows, type GalleryArrangement, type PhotoMeasure } from './fit-gallery-rows.ts';

export type { GalleryArrangement, PhotoMeasure, PhotoPlacement } from './fit-gallery-rows.ts';

/** The best gallery of exactly `lines` lines (up to `maxLines`), or undefined when none fits. */
export type GalleryPlanner = (lines: number) => GalleryArrangement | undefined;

export function planGallery(photos: readonly PhotoMeasure[], maxLines: number, bounds: FitBounds, grid: GridPx): GalleryPlanner {
  const rows = planRows(photos, maxLines, bounds, grid);
  const below = planRowsBelowLead(photos, maxLines, bounds, grid);
  return (lines) => {
    const plain = rows(lines);
    let best: GalleryArrangement | undefined = plain && { lines, cost: plain.cost, photos: plain.photos };
    const lead = arrangeWithLead(photos, lines, bounds, grid, below);
    if (lead && (!best || lead.cost < best.cost)) best = lead;
    return best;
  };
}

/** One gallery height; see planGallery to try many. */
export function arrangeGallery(photos: readonly PhotoMeasure[], lines: number, bounds: FitBounds, grid: GridPx): GalleryArrangement | undefined {
  return planGallery(photos, lines, bounds, grid)(lines);
}
