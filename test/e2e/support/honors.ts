/**
 * The honors box as printed: its items (each starts with a ★) and where
 * their lines break, read from glyph positions.
 */
import type { PageGeometry } from '../../../src/defaults.ts';
import type { Glyph } from './glyphs.ts';
import { linesByColumn, typeArea } from './layout.ts';

export interface BoxItem {
  /** The item's text without its ★. */
  text: string;
  /** The text of each printed line, in order. */
  lines: string[];
}

/** Items of the box set in Noto Sans at `sizePt` from grid column `firstColumn` (0-based) rightwards. */
export function boxItems(glyphs: Glyph[], trim: number[], geometry: PageGeometry, firstColumn: number, sizePt: number): BoxItem[] {
  const left = typeArea(trim, geometry).left + firstColumn * typeArea(trim, geometry).step;
  const inBox = glyphs.filter((g) => /NotoSansSC/.test(g.font) && Math.abs(g.size - sizePt) < 0.3 && g.x >= left - 2);
  // One column per line: the box spans two grid columns, so fold them onto the first.
  const lines = linesByColumn(inBox, (g) => g.advance, trim, geometry)
    .map((line) => ({ y: line.y, text: line.items.map((g) => g.char).join('') }))
    .sort((a, b) => b.y - a.y);
  const merged: { y: number; text: string }[] = [];
  for (const line of lines) {
    const same = merged.at(-1);
    if (same && Math.abs(same.y - line.y) < 0.5) same.text += line.text;
    else merged.push({ ...line });
  }
  const items: BoxItem[] = [];
  for (const line of merged) {
    if (line.text.startsWith('★')) items.push({ text: '', lines: [] });
    const item = items.at(-1);
    if (!item) continue;
    const text = line.text.replace(/^★/u, '');
    item.lines.push(text);
    item.text += text;
  }
  return items;
}

/** Offsets in `text` where Intl.Segmenter('zh', word) puts a word boundary. */
export function wordBoundaries(text: string): Set<number> {
  const bounds = new Set<number>([0, text.length]);
  for (const { index, segment } of new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)) {
    bounds.add(index);
    bounds.add(index + segment.length);
  }
  return bounds;
}
