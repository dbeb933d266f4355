/**
 * Plain gallery rows: the photos, in reading order, cut into rows of whole
 * column spans, with the lines of the gallery shared among the rows so that
 * each frame comes as close as it can to the target shape.
 *
 * Trying every cut of n photos into rows grows as about 1.93ⁿ (40 photos
 * never finished; issue 16), so the search is a dynamic programme over
 * (photos placed, lines used, kind of row): O(n · lines · maxPhotosPerRow ·
 * frame heights), and it answers every gallery height at once.
 */
import { FEATURE_COLUMNS, minFrameLines, shapeCost, spanWidthPx, type FitBounds, type GridPx } from './fit-bounds.ts';

export interface PhotoMeasure {
  id: string;
  /** Caption height in lines at spans 1–8 (a grouped photo's caption spans its group). */
  captionLines: Record<number, number>;
  /** Id of the 组图 the photo belongs to: a group's photos follow each other and share one row. */
  group?: string;
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
  /** Lines kept under the frame for captions when more than the photo's own caption needs (a row's foot). */
  captionLines?: number;
  /** Columns the photo's caption spans when it is its group's caption (the first photo of a 组图). */
  captionSpan?: number;
}

export interface GalleryArrangement {
  lines: number;
  cost: number;
  photos: PhotoPlacement[];
}

/** The best rows for an exact number of lines, or undefined when none fits. */
export type RowsPlanner = (lines: number) => { cost: number; photos: PhotoPlacement[] } | undefined;

/** Row kinds: the spans of a three-photo row depend on whether it is the first, an odd or an even row. */
type RowKind = 0 | 1 | 2;
const kindOf = (rowIndex: number): RowKind => (rowIndex === 0 ? 0 : rowIndex % 2 === 1 ? 1 : 2);
const nextKind = (kind: RowKind): RowKind => (kind === 1 ? 2 : 1);

/** Spans of a row of k photos across the feature's 8 columns; the first row leads with a wider photo. */
function rowSpans(count: number, kind: RowKind, columns = FEATURE_COLUMNS): number[] {
  if (count === 1) return [columns];
  if (count === 2) return [columns / 2, columns / 2];
  if (count === 3) return kind === 0 ? [4, 2, 2] : kind === 1 ? [3, 3, 2] : [2, 3, 3];
  return Array.from({ length: count }, () => columns / count);
}

/** Spans of every run of neighbours in a row: one photo's own, or a 组图's whose caption spans the run. */
const runSpans = (spans: number[]) => spans.flatMap((_, i) => spans.slice(i).map((__, k) => spans.slice(i, i + k + 1).reduce((a, b) => a + b, 0)));

/** Every span a gallery caption may take (rows of 1–4 and the groups in them; the lead block's 4 and 2 are among them): each is measured. */
export const GALLERY_PHOTO_SPANS: readonly number[] = [
  ...new Set([1, 2, 3, 4].flatMap((count) => ([0, 1, 2] as const).flatMap((kind) => runSpans(rowSpans(count, kind))))),
].sort((a, b) => a - b);

/** Costs closer than this are a tie; the row with more photos first wins, as before the DP. */
const TIE = 1e-9;

interface Table {
  cost: Float64Array;
  count: Int32Array;
  frame: Int32Array;
}

/**
 * Plans rows for `photos` for any height up to `maxLines`. The first row has
 * the spans of gallery row `first.rowIndex` (0-based) and sits at grid row `first.gridRow`.
 */
export function planRows(
  photos: readonly PhotoMeasure[],
  maxLines: number,
  bounds: FitBounds,
  grid: GridPx,
  first: { rowIndex: number; gridRow: number } = { rowIndex: 0, gridRow: 1 },
): RowsPlanner {
  const size = Math.max(0, maxLines) + 1;
  const tables = new Map<string, Table>();
  const n = photos.length;

  const table = (kind: RowKind, start: number): Table => {
    const key = `${kind}:${start}`;
    const known = tables.get(key);
    if (known) return known;
    const out: Table = { cost: new Float64Array(size).fill(Infinity), count: new Int32Array(size), frame: new Int32Array(size) };
    for (let count = Math.min(bounds.maxPhotosPerRow, n - start); count >= 1; count -= 1) {
      if (cutsGroup(photos, start + count)) continue;
      const spans = rowSpans(count, kind);
      const caption = rowCaption(photos.slice(start, start + count), spans).lines;
      const last = start + count === n;
      const rest = last ? undefined : table(nextKind(kind), start + count);
      // Tallest frame first: on a tie the earlier row is the taller, as the page reads from the top.
      for (const { frame, rowCost } of rowShapes(spans, caption, size, bounds, grid).reverse()) {
        const rowLines = caption + frame;
        if (!rest) {
          consider(out, rowLines, rowCost, count, frame);
          continue;
        }
        for (let restLines = 0; rowLines + bounds.gapLines + restLines < size; restLines += 1) {
          const restCost = rest.cost[restLines]!;
          if (restCost !== Infinity) consider(out, rowLines + bounds.gapLines + restLines, rowCost + restCost, count, frame);
        }
      }
    }
    tables.set(key, out);
    return out;
  };

  const firstKind = kindOf(first.rowIndex);
  return (lines) => {
    if (n === 0) return lines === 0 ? { cost: 0, photos: [] } : undefined;
    if (lines < 0 || lines >= size) return undefined;
    const top = table(firstKind, 0);
    if (top.cost[lines] === Infinity) return undefined;
    const placements: PhotoPlacement[] = [];
    let kind = firstKind;
    let start = 0;
    let left = lines;
    for (let row = first.gridRow; start < n; row += 1) {
      const current = table(kind, start);
      const count = current.count[left]!;
      const frame = current.frame[left]!;
      const spans = rowSpans(count, kind);
      const { lines: caption, captionSpans } = rowCaption(photos.slice(start, start + count), spans);
      let column = 1;
      for (const [j, span] of spans.entries()) {
        const captionSpan = captionSpans[j] !== span ? { captionSpan: captionSpans[j] } : {};
        placements.push({ id: photos[start + j]!.id, span, frameLines: frame, column, row, rowSpan: 1, ...captionSpan });
        column += span;
      }
      left -= caption + frame + bounds.gapLines;
      start += count;
      kind = nextKind(kind);
    }
    return { cost: top.cost[lines]!, photos: placements };
  };
}

/** A row ending before photo `end` would part a 组图 from its next photo. */
export function cutsGroup(photos: readonly PhotoMeasure[], end: number): boolean {
  const before = photos[end - 1];
  const after = photos[end];
  return !!before?.group && before.group === after?.group;
}

/**
 * The caption lines a row needs, and the span each photo's caption is set at:
 * its own span, or for the first photo of a 组图 the spans of the whole group
 * (its caption is the group's; the others have none).
 */
export function rowCaption(row: readonly PhotoMeasure[], spans: readonly number[]): { lines: number; captionSpans: number[] } {
  const captionSpans = row.map((photo, j) => {
    if (!photo.group || row[j - 1]?.group === photo.group) return spans[j]!;
    let span = 0;
    for (let k = j; k < row.length && row[k]!.group === photo.group; k += 1) span += spans[k]!;
    return span;
  });
  return { lines: Math.max(...row.map((photo, j) => photo.captionLines[captionSpans[j]!] ?? 1)), captionSpans };
}

/** The frame heights a row of these spans may take, shortest first, with their shape costs. */
function rowShapes(spans: number[], caption: number, size: number, bounds: FitBounds, grid: GridPx) {
  const shapes: { frame: number; rowCost: number }[] = [];
  for (let frame = Math.max(...spans.map((span) => minFrameLines(span, grid, bounds))); caption + frame < size; frame += 1) {
    const rowCost = spans.reduce((sum, span) => sum + shapeCost(frame, span, grid, bounds), 0);
    if (Number.isFinite(rowCost)) shapes.push({ frame, rowCost });
    // Past the tallest shape of the narrowest photo, every taller frame fails too.
    else if (spans.some((span) => (frame * grid.pitchPx) / spanWidthPx(span, grid) > bounds.maxAspect)) break;
  }
  return shapes;
}

function consider(table: Table, lines: number, cost: number, count: number, frame: number) {
  if (cost < table.cost[lines]! - TIE) {
    table.cost[lines] = cost;
    table.count[lines] = count;
    table.frame[lines] = frame;
  }
}
