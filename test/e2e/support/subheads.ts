/**
 * 背题 on general pages, read from the printed PDF: a subhead left at the
 * foot of a column of its story with fewer than two lines of its text under
 * it, while the story's text goes on in the next column.
 */
import type { PageGeometry } from '../../../src/defaults.ts';
import type { Glyph } from './glyphs.ts';
import { linesByColumn } from './layout.ts';
import { centreOf, inside, type ModuleRect } from './modules.ts';

const isSubhead = (g: Glyph) => /NotoSansSC/.test(g.font) && /Bold/.test(g.font) && g.size > 10 && g.size < 12;
const isBody = (g: Glyph) => /NotoSerifSC/.test(g.font) && /Regular/.test(g.font) && Math.abs(g.size - 9) < 0.3;

export interface StrandedSubhead {
  module: string;
  column: number;
  subhead: string;
  /** Body lines of its text under it in its column. */
  linesUnder: number;
}

/** Stranded subheads per story module, with the subhead's text and the body lines it keeps (0 or 1). */
export function strandedSubheads(glyphs: Glyph[], rects: ModuleRect[], trim: number[], geometry: PageGeometry): StrandedSubhead[] {
  const found: StrandedSubhead[] = [];
  for (const rect of rects.filter((r) => r.kind === 'story')) {
    const own = glyphs.filter((g) => (isSubhead(g) || isBody(g)) && inside(rect, centreOf(g)));
    const lines = linesByColumn(own, (g) => g.advance, trim, geometry).map((l) => ({ ...l, subhead: l.items.every(isSubhead), text: l.items.map((g) => g.char).join('') }));
    for (const [i, line] of lines.entries()) {
      if (!line.subhead) continue;
      const below = lines.slice(i + 1).filter((l) => l.column === line.column);
      if (below[0]?.subhead) continue; // a title's first line: its last line is checked
      const under = below.findIndex((l) => l.subhead);
      const linesUnder = under < 0 ? below.length : under;
      const next = lines.find((l) => l.column > line.column);
      if (linesUnder < 2 && next && !next.subhead) {
        const title = lines.filter((l) => l.column === line.column && l.subhead && l.y >= line.y && l.y - line.y < 3 * geometry.linePitchPt).map((l) => l.text);
        found.push({ module: rect.id, column: line.column, subhead: title.join(''), linesUnder });
      }
    }
  }
  return found;
}
