/**
 * Where a story's photos can go inside its module of w columns: in one row
 * across the whole width (the row may then open the module, above the
 * headline), or stacked at the left beside the text. Each way is priced by
 * how far its frames are from the aspect they aim for, and says how many
 * lines it can grow when the module is given more (a taller frame).
 */
import { spanPx, type KindGrid } from './kind-grid.ts';

export interface PhotoMeasure {
  id: string;
  /** Height / width of the image; a placeholder uses the grid's target aspect. */
  aspect?: number;
  /** Caption lines by span. */
  captionLines: Record<number, number>;
}

/** One frame as a block sets it: its columns, its frame lines at the aimed aspect, its caption, how far it may grow. */
export interface PlacedFrame {
  id: string;
  columns: number;
  frameLines: number;
  captionLines: number;
  grow: number;
}

export interface PhotoBlock {
  /** none, a row across the module, or a stack at its left. */
  mode: 'none' | 'row' | 'stack';
  /** Columns of each frame (row) or of the stack. */
  span: number;
  frames: PlacedFrame[];
  /** Column-lines the photos take from the module's text. */
  columnLines: number;
  /** Lines of the row across the full width (0 when the photos are stacked beside the text). */
  fullWidthLines: number;
  /** Lines the module can grow with the photos growing instead of white space. */
  growLines: number;
  cost: number;
  /** For the report: ", 2 photos in a row of 4 columns". */
  label: string;
}

const NO_PHOTOS: PhotoBlock = Object.freeze({ mode: 'none', span: 0, frames: [], columnLines: 0, fullWidthLines: 0, growLines: 0, cost: 0, label: '' });

export function photoBlocks(photos: readonly PhotoMeasure[], w: number, grid: KindGrid): PhotoBlock[] {
  if (photos.length === 0) return [NO_PHOTOS];
  const blocks: PhotoBlock[] = [];
  const row = photoRow(photos, w, grid);
  if (row) blocks.push(row);
  // A stack takes at most half the module: text squeezed into one column beside a wide picture reads badly.
  for (let p = 2; p <= Math.floor(w / 2); p += 1) {
    const stack = photoStack(photos, p, w, grid);
    if (stack) blocks.push(stack);
  }
  return blocks;
}

/** One frame of `span` columns: its lines at the aimed aspect, its tallest, and its price. */
function frame(photo: PhotoMeasure, span: number, grid: KindGrid) {
  const width = spanPx(span, grid);
  const aim = photo.aspect ?? grid.targetAspect;
  const lines = Math.max(grid.minFrameLines, Math.round((aim * width) / grid.pitchPx));
  const aspect = (lines * grid.pitchPx) / width;
  if (aspect < grid.minAspect || aspect > grid.maxAspect) return undefined;
  // A frame may be cropped taller, up to the tallest aspect, to take lines the page has to spare.
  const tallest = Math.floor((grid.maxAspect * width) / grid.pitchPx);
  const distance = Math.log(aspect / aim);
  const caption = photo.captionLines[span];
  if (caption === undefined) return undefined;
  // Beside text, a frame may also be cropped flatter, down to the flattest aspect, to end level with the text.
  const flattest = Math.min(lines, Math.max(grid.minFrameLines, Math.ceil((grid.minAspect * width) / grid.pitchPx)));
  return {
    lines: lines + caption + grid.photoGapLines,
    flatLines: flattest + caption + grid.photoGapLines,
    grow: Math.max(0, tallest - lines),
    cost: distance * distance * 10,
    placed: { id: photo.id, columns: span, frameLines: lines, captionLines: caption, grow: Math.max(0, tallest - lines) },
    flat: { id: photo.id, columns: span, frameLines: flattest, captionLines: caption, grow: Math.max(0, tallest - flattest) },
  };
}

function photoRow(photos: readonly PhotoMeasure[], w: number, grid: KindGrid): PhotoBlock | undefined {
  const span = Math.floor(w / photos.length);
  if (span < 1 || (photos.length > 1 && span < 2)) return undefined;
  const frames = photos.map((photo) => frame(photo, span, grid));
  if (frames.some((f) => f === undefined)) return undefined;
  const lines = Math.max(...frames.map((f) => f!.lines));
  return {
    mode: 'row',
    span,
    frames: frames.map((f) => f!.placed),
    columnLines: w * lines,
    fullWidthLines: lines,
    growLines: Math.min(...frames.map((f) => f!.grow)),
    cost: frames.reduce((sum, f) => sum + f!.cost, 0),
    label: `, ${photos.length} photo${photos.length > 1 ? 's' : ''} in a row of ${span} columns each`,
  };
}

function photoStack(photos: readonly PhotoMeasure[], p: number, w: number, grid: KindGrid): PhotoBlock | undefined {
  const frames = photos.map((photo) => frame(photo, p, grid));
  if (frames.some((f) => f === undefined)) return undefined;
  const lines = frames.reduce((sum, f) => sum + f!.flatLines, 0);
  const grow = frames.reduce((sum, f) => sum + f!.flat.grow, 0);
  return {
    mode: 'stack',
    span: p,
    frames: frames.map((f) => f!.flat),
    columnLines: p * lines,
    fullWidthLines: 0,
    // A module line more is w column-lines; taller frames in p columns absorb p each.
    growLines: Math.floor((grow * p) / w),
    cost: frames.reduce((sum, f) => sum + f!.cost, 0),
    label: `, ${photos.length} photo${photos.length > 1 ? 's' : ''} stacked in ${p} columns`,
  };
}
