/**
 * A gallery led by one photo, as picture editors set a photo page: the first
 * photo four columns wide over two rows, four photos two columns wide beside
 * it in two rows, the rest in rows below. It competes with plain rows on the
 * same shape costs, with a small bonus for the variety a lead photo gives.
 */
import { minFrameLines, shapeCost, type FitBounds, type GridPx } from './fit-bounds.ts';
import { planRows, type GalleryArrangement, type PhotoMeasure, type PhotoPlacement, type RowsPlanner } from './fit-gallery-rows.ts';

/** Photos beside the lead, in two rows of two. */
const BESIDE = 4;

/** The photos after the lead block, in plain rows from gallery row 3 (spans of a second row). */
export function planRowsBelowLead(photos: readonly PhotoMeasure[], maxLines: number, bounds: FitBounds, grid: GridPx): RowsPlanner {
  return planRows(photos.slice(1 + BESIDE), maxLines, bounds, grid, { rowIndex: 1, gridRow: 3 });
}

export function arrangeWithLead(
  photos: readonly PhotoMeasure[],
  lines: number,
  bounds: FitBounds,
  grid: GridPx,
  below: RowsPlanner = planRowsBelowLead(photos, lines, bounds, grid),
): GalleryArrangement | undefined {
  if (photos.length < 1 + BESIDE) return undefined;
  // The lead block sets no 组图: a group is set in one plain row (fit-gallery-rows.ts).
  if (photos.slice(0, 1 + BESIDE).some((photo) => photo.group)) return undefined;
  const [lead, ...others] = photos as [PhotoMeasure, ...PhotoMeasure[]];
  const beside = others.slice(0, BESIDE);
  const hasRest = others.length > BESIDE;
  const caption = (photo: PhotoMeasure, span: number) => photo.captionLines[span] ?? 1;
  const topCaption = Math.max(caption(beside[0]!, 2), caption(beside[1]!, 2));
  const bottomCaption = Math.max(caption(beside[2]!, 2), caption(beside[3]!, 2));
  const leadCaption = caption(lead, 4);
  // A 美编 aligns frame edges, not captions (issue 19, item 5): the lead frame ends where the
  // lower pair's frames end, so the block's foot is the deeper of the two captions under that
  // edge. The shallower caption keeps its lines blank below it, on the grid.
  const foot = Math.max(leadCaption, bottomCaption);
  const smallest = minFrameLines(2, grid, bounds);
  let best: GalleryArrangement | undefined;
  // The block of lead and beside photos takes `block` lines; the rows below take the rest.
  const blockMin = 2 * smallest + topCaption + foot + bounds.gapLines;
  for (let block = blockMin; block <= lines; block += 1) {
    const small = block - topCaption - foot - bounds.gapLines;
    const top = Math.ceil(small / 2);
    const bottom = small - top;
    const leadFrame = block - foot;
    const blockCost =
      shapeCost(leadFrame, 4, grid, bounds) + 2 * shapeCost(top, 2, grid, bounds) + 2 * shapeCost(bottom, 2, grid, bounds);
    if (!Number.isFinite(blockCost)) continue;
    const rest = below(lines - block - (hasRest ? bounds.gapLines : 0));
    if (!rest) continue;
    const cost = blockCost + rest.cost - bounds.leadBonus;
    if (best && cost >= best.cost) continue;
    const placements: PhotoPlacement[] = [
      { id: lead.id, span: 4, frameLines: leadFrame, column: 1, row: 1, rowSpan: 2 },
      // The lower pair keeps the foot's lines even when its own captions are shorter, so that the
      // grid's second row ends with the lead and no spanning item stretches the rows unevenly.
      ...beside.map((photo, i) =>
        i < 2
          ? { id: photo.id, span: 2, frameLines: top, column: 5 + 2 * (i % 2), row: 1, rowSpan: 1 }
          : { id: photo.id, span: 2, frameLines: bottom, column: 5 + 2 * (i % 2), row: 2, rowSpan: 1, ...(foot > bottomCaption ? { captionLines: foot } : {}) },
      ),
      ...rest.photos,
    ];
    best = { lines, cost, photos: placements };
  }
  return best;
}
