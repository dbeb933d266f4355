/**
 * How a justified body line was set, read from glyph positions: how far apart
 * its characters were spread, and whether punctuation compression (标点挤压)
 * would have let it take the next line's first character (clreq §3.1.5).
 */
import type { PageGeometry } from '../../../src/defaults.ts';
import type { Glyph } from './glyphs.ts';
import { linesByColumn, type TextZone } from './layout.ts';

export interface GlyphLine {
  column: number;
  /** Baseline, PDF points from the bottom. */
  y: number;
  glyphs: Glyph[];
  text: string;
  /** Left and right edges of the line's column, PDF points. */
  left: number;
  right: number;
}

const HAN = /\p{Script=Han}/u;
const WORD = /[A-Za-z0-9]/;
// A run no line may break inside (UAX #14 keeps 9.9% together).
const RUN = /[A-Za-z0-9.%]/;
// clreq basic: marks that may not start a line travel with the character before them.
const NO_LINE_START = /[，。、；：？！”’）》〉」』】〕…—·%]/u;
const COMPRESSIBLE_END = /[，。、]$/u;

/** Glyphs grouped into lines per column, as columnLines does (a trimmed opening mark starts half an em left of its column). */
export function glyphLines(glyphs: Glyph[], trim: number[], geometry: PageGeometry, zones: TextZone[] = []): GlyphLine[] {
  return linesByColumn(glyphs, (g) => g.advance, trim, geometry, zones).map(({ column, y, items, left, width }) => ({
    column,
    y,
    glyphs: items,
    text: items.map((g) => g.char).join(''),
    left,
    right: left + width,
  }));
}

/** Space between glyph i and i+1 beyond the first's advance, in em (negative where a mark is trimmed). */
function gapAfter(line: GlyphLine, i: number): number {
  const a = line.glyphs[i]!;
  const b = line.glyphs[i + 1]!;
  return (b.x - (a.x + a.advance)) / a.size;
}

/** The largest extra space between two Han characters of the line, in em. */
export function hanSpread(line: GlyphLine): number {
  let widest = 0;
  for (let i = 0; i + 1 < line.glyphs.length; i += 1) {
    if (HAN.test(line.glyphs[i]!.char) && HAN.test(line.glyphs[i + 1]!.char)) widest = Math.max(widest, gapAfter(line, i));
  }
  return widest;
}

/** The largest extra space inside a run of Latin letters or digits, in em. */
export function wordSpread(line: GlyphLine): number {
  let widest = 0;
  for (let i = 0; i + 1 < line.glyphs.length; i += 1) {
    if (WORD.test(line.glyphs[i]!.char) && WORD.test(line.glyphs[i + 1]!.char)) widest = Math.max(widest, gapAfter(line, i));
  }
  return widest;
}

/** How far (em) the line's last glyph reaches past its column: half an em for a trimmed line-end mark. */
function endOverhang(line: GlyphLine): number {
  const last = line.glyphs.at(-1)!;
  return Math.max(0, last.x + last.advance - line.right) / last.size;
}

/** Room the line leaves, in em, had it been set without justification spaces. */
export function slack(line: GlyphLine): number {
  const size = line.glyphs[0]!.size;
  let spread = 0;
  for (let i = 0; i + 1 < line.glyphs.length; i += 1) spread += Math.max(0, gapAfter(line, i));
  const last = line.glyphs.at(-1)!;
  return (line.right - (last.x + last.advance)) / size + spread + endOverhang(line);
}

/** Width (em) of what must move up together from the line's start: a character or a Latin run, and the marks that may not start a line. */
function leadingUnit(line: GlyphLine): { width: number; endsCompressible: boolean } {
  const glyphs = line.glyphs;
  let end = 1;
  if (RUN.test(glyphs[0]!.char)) while (end < glyphs.length && RUN.test(glyphs[end]!.char)) end += 1;
  while (end < glyphs.length && NO_LINE_START.test(glyphs[end]!.char)) end += 1;
  const unit = glyphs.slice(0, end);
  const width = unit.reduce((sum, g) => sum + g.advance, 0) / glyphs[0]!.size;
  return { width, endsCompressible: COMPRESSIBLE_END.test(unit.map((g) => g.char).join('')) };
}

/**
 * Lines that end loose although compressing a line-end ，。、 (its own, or the
 * one the next line's first character brings) by half an em would have let
 * that character in. `next` is the following line of the same paragraph.
 */
export function couldHoldOneMore(line: GlyphLine, next: GlyphLine): boolean {
  const unit = leadingUnit(next);
  const ownMarkFullWidth = COMPRESSIBLE_END.test(line.text) && endOverhang(line) < 0.25;
  const room = slack(line) + (ownMarkFullWidth ? 0.5 : 0);
  const need = unit.width - (unit.endsCompressible ? 0.5 : 0);
  return room >= need + 0.05;
}

/** The line after this one in the same column and paragraph (not indented), if any. */
export function nextInParagraph(lines: GlyphLine[], line: GlyphLine, pitch: number): GlyphLine | undefined {
  const next = lines.find((l) => l.column === line.column && Math.abs(line.y - pitch - l.y) < 0.5);
  if (!next) return undefined;
  const indent = (next.glyphs[0]!.x - next.left) / next.glyphs[0]!.size;
  return indent < 1 ? next : undefined;
}
