/**
 * Reading a rendered page the way a production editor does: body lines per
 * column, module column feet, and blank areas of the raster.
 */
import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import type { PageGeometry } from '../../../src/defaults.ts';
import { measureGeometry } from '../../../src/defaults.ts';
import type { TextItem } from './pdf.ts';

export interface ColumnLine {
  column: number;
  /** Left edge and width of the line's column, PDF points. */
  left: number;
  width: number;
  /** Baseline, PDF points from the bottom. */
  y: number;
  text: string;
  glyphs: (TextItem & { font: string })[];
}

/** The type area's left edge and top (PDF points) from the TrimBox. */
export function typeArea(trim: number[], geometry: PageGeometry) {
  const m = measureGeometry(geometry);
  return { left: trim[0]! + m.marginInside, top: trim[3]! - m.marginTop, width: m.typeWidth, height: m.typeHeight, column: m.columnWidth, step: m.columnWidth + m.gutter };
}

/**
 * A band of the page whose text is set in fewer, wider columns than the grid's
 * (变栏): between `top` and `bottom` (PDF points), columns `step` apart from
 * `left`, each `width` wide. Its columns are numbered from `first`.
 */
export interface TextZone {
  top: number;
  bottom: number;
  left: number;
  step: number;
  width: number;
  first: number;
}

/**
 * Groups glyphs into lines per grid column, or per column of the zone a glyph
 * lies in. A glyph belongs to the column its centre is in: a trimmed opening
 * bracket starts half an em left of its column.
 */
export function columnLines(glyphs: (TextItem & { font: string })[], trim: number[], geometry: PageGeometry, zones: TextZone[] = []): ColumnLine[] {
  return linesByColumn(glyphs, (g) => g.width, trim, geometry, zones).map(({ column, y, items, left, width }) => ({ column, y, left, width, glyphs: items, text: items.map((g) => g.str).join('') }));
}

/** Items with a position grouped by column and baseline, each line sorted left to right, columns in order. */
export function linesByColumn<T extends { x: number; y: number }>(items: T[], widthOf: (item: T) => number, trim: number[], geometry: PageGeometry, zones: TextZone[] = []) {
  const area = typeArea(trim, geometry);
  const grid = { left: area.left, step: area.step, width: area.column, first: 0 };
  const lines = new Map<string, { column: number; y: number; left: number; width: number; items: T[] }>();
  for (const item of items) {
    const zone = zones.find((z) => item.y < z.top && item.y > z.bottom) ?? grid;
    const k = Math.floor((item.x + widthOf(item) * 0.75 - zone.left) / zone.step);
    const column = zone.first + k;
    const y = Math.round(item.y * 4) / 4;
    const key = `${column}:${y}`;
    const line = lines.get(key) ?? { column, y, left: zone.left + k * zone.step, width: zone.width, items: [] };
    line.items.push(item);
    lines.set(key, line);
  }
  for (const line of lines.values()) line.items.sort((a, b) => a.x - b.x);
  return [...lines.values()].sort((a, b) => a.column - b.column || b.y - a.y);
}

/**
 * Side, in mm, of the largest blank square inside the type area: rasterised
 * with pdftoppm, any pixel darker than near-white counts as ink.
 */
export async function largestBlankSquareMm(
  pdf: string,
  trim: number[],
  mediaHeight: number,
  geometry: PageGeometry,
  dpi = 25,
  /** Points at the top of the type area to leave out (a masthead is furniture, not a module that could be fuller). */
  skipTopPt = 0,
  /** Areas (PDF points) counted as ink whatever they hold: headline blocks, whose white is the headline's own. */
  masks: readonly { left: number; right: number; top: number; bottom: number }[] = [],
): Promise<{ sizeMm: number; xMm: number; yMm: number; xPt: number; yPt: number }> {
  const root = pdf.replace(/\.pdf$/, `-blank-${dpi}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-singlefile', pdf, root]);
  const { data, info } = await sharp(`${root}.png`).greyscale().raw().toBuffer({ resolveWithObject: true });
  const area = typeArea(trim, geometry);
  const px = (pt: number) => Math.round((pt * dpi) / 72);
  const x0 = px(area.left);
  const y0 = px(mediaHeight - area.top + skipTopPt);
  const w = px(area.width);
  const h = px(area.height - skipTopPt);
  const masked = new Uint8Array(w * h);
  for (const m of masks) {
    for (let y = Math.max(0, px(mediaHeight - m.top) - y0); y < Math.min(h, px(mediaHeight - m.bottom) - y0); y += 1) {
      for (let x = Math.max(0, px(m.left) - x0); x < Math.min(w, px(m.right) - x0); x += 1) masked[y * w + x] = 1;
    }
  }
  // Classic largest-square DP over blank pixels.
  let best = 0;
  let bestAt = [0, 0];
  let previous = new Array<number>(w + 1).fill(0);
  for (let y = 0; y < h; y += 1) {
    const row = new Array<number>(w + 1).fill(0);
    for (let x = 0; x < w; x += 1) {
      const value = data[(y0 + y) * info.width + (x0 + x)]!;
      if (value >= 245 && !masked[y * w + x]) {
        row[x + 1] = 1 + Math.min(row[x]!, previous[x + 1]!, previous[x]!);
        if (row[x + 1]! > best) {
          best = row[x + 1]!;
          bestAt = [x, y];
        }
      }
    }
    previous = row;
  }
  const mm = (p: number) => (p / dpi) * 25.4;
  const pt = (p: number) => (p / dpi) * 72;
  // The square's centre, in PDF points, to name the module it lies in.
  const cx = bestAt[0]! - best / 2;
  const cy = bestAt[1]! - best / 2;
  return { sizeMm: mm(best), xMm: mm(bestAt[0]! - best), yMm: mm(bestAt[1]! - best), xPt: area.left + pt(cx), yPt: area.top - skipTopPt - pt(cy) };
}
