/**
 * A gallery led by one photo, as picture editors set a photo page: the first
 * photo four columns wide over two rows, four photos two columns wide beside
 * it in two rows, the rest in rows below. It competes with plain rows on the
 * same shape costs, with a small bonus for the variety a lead photo gives.
 */
import { minFrameLines, shapeCost, type FitBounds, type GridPx } from './fit-bounds.ts';
import { buildRows, placeRows, rowCompositions, shareFrameLines, type GalleryArrangement, type PhotoMeasure, type PhotoPlacement } from './fit-gallery.ts';

/** Photos beside the lead, in two rows of two. */
const BESIDE = 4;

export function arrangeWithLead(
  photos: readonly PhotoMeasure[],
  lines: number,
  bounds: FitBounds,
  grid: GridPx,
): GalleryArrangement | undefined {
  if (photos.length < 1 + BESIDE) return undefined;
  const [lead, ...others] = photos as [PhotoMeasure, ...PhotoMeasure[]];
  const beside = others.slice(0, BESIDE);
  const rest = others.slice(BESIDE);
  const caption = (photo: PhotoMeasure, span: number) => photo.captionLines[span] ?? 1;
  const topCaption = Math.max(caption(beside[0]!, 2), caption(beside[1]!, 2));
  const bottomCaption = Math.max(caption(beside[2]!, 2), caption(beside[3]!, 2));
  const leadCaption = caption(lead, 4);
  const smallest = minFrameLines(2, grid, bounds);
  let best: GalleryArrangement | undefined;
  // The block of lead and beside photos takes `block` lines; the rows below take the rest.
  const blockMin = 2 * smallest + topCaption + bottomCaption + bounds.gapLines;
  for (let block = blockMin; block <= lines; block += 1) {
    const small = block - topCaption - bottomCaption - bounds.gapLines;
    const top = Math.ceil(small / 2);
    const bottom = small - top;
    const leadFrame = block - leadCaption;
    const blockCost =
      shapeCost(leadFrame, 4, grid, bounds) + 2 * shapeCost(top, 2, grid, bounds) + 2 * shapeCost(bottom, 2, grid, bounds);
    if (!Number.isFinite(blockCost)) continue;
    const below = arrangeRest(rest, lines - block - (rest.length > 0 ? bounds.gapLines : 0), bounds, grid);
    if (!below) continue;
    const cost = blockCost + below.cost - bounds.leadBonus;
    if (best && cost >= best.cost) continue;
    const placements: PhotoPlacement[] = [
      { id: lead.id, span: 4, frameLines: leadFrame, column: 1, row: 1, rowSpan: 2 },
      ...beside.map((photo, i) => ({ id: photo.id, span: 2, frameLines: i < 2 ? top : bottom, column: 5 + 2 * (i % 2), row: 1 + Math.floor(i / 2), rowSpan: 1 })),
      ...below.photos,
    ];
    best = { lines, cost, photos: placements };
  }
  return best;
}

/** The photos after the lead block, in plain rows from gallery row 3, in exactly `lines` lines. */
function arrangeRest(photos: readonly PhotoMeasure[], lines: number, bounds: FitBounds, grid: GridPx) {
  if (photos.length === 0) return lines === 0 ? { cost: 0, photos: [] as PhotoPlacement[] } : undefined;
  let best: { cost: number; photos: PhotoPlacement[] } | undefined;
  for (const composition of rowCompositions(photos.length, bounds.maxPhotosPerRow)) {
    const rows = buildRows(photos, composition, 1);
    const frameTotal = lines - rows.reduce((sum, row) => sum + row.captionLines, 0) - (rows.length - 1) * bounds.gapLines;
    const frames = shareFrameLines(rows, frameTotal, bounds, grid);
    if (!frames) continue;
    const cost = rows.reduce((sum, row, r) => sum + row.photos.reduce((s, p) => s + shapeCost(frames[r]!, p.span, grid, bounds), 0), 0);
    if (!Number.isFinite(cost) || (best && cost >= best.cost)) continue;
    best = { cost, photos: placeRows(rows, frames, 3) };
  }
  return best;
}
