/**
 * Reading a feature's subheads off the rendered page, from glyph positions:
 * which glyphs are a subhead's label and which its title lines, where each
 * title line starts, and the baseline of the text line above it in its
 * column. Subheads are matched against the edition's own labels and titles,
 * so nothing is taken for a subhead that the source does not call one.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { PageGeometry } from '../../../src/defaults.ts';
import type { Glyph } from './glyphs.ts';
import { linesByColumn, type TextZone } from './layout.ts';

interface SourceSection {
  label: string;
  articles: { label?: string; title: string }[];
}

export interface PlacedSubhead {
  /** The section's band label (精彩, 蓄势). */
  band: string;
  column: number;
  label?: string;
  title: string;
  /** Title lines top to bottom, label glyphs left out. */
  lines: Glyph[][];
  /** Left edge of the subhead's column (the grid's, or a wider one of 变栏), PDF points. */
  columnLeft: number;
  /** Baseline of the nearest text line above the subhead in its column, or undefined at a column head. */
  previousBaseline?: number;
}

const squash = (text: string) => text.replace(/\s+/gu, '');
const isSubheadGlyph = (g: Glyph) => /NotoSansSC/.test(g.font) && /Bold/.test(g.font) && g.size > 6 && g.size < 16;

export function sourceSections(editionFile: string): SourceSection[] {
  return (parse(readFileSync(editionFile, 'utf8')) as { sections: SourceSection[] }).sections;
}

/** Every subhead of the sections, as placed on the page. */
export function placedSubheads(glyphs: Glyph[], sections: SourceSection[], trim: number[], geometry: PageGeometry, zones: TextZone[] = []): PlacedSubhead[] {
  // A section runs from its band label's baseline down to the next band's.
  const bandY = sections.map((section) => glyphs.find((g) => g.char === [...section.label][0] && g.size > 16 && /NotoSansSC/.test(g.font))!.y);
  const lines = linesByColumn(glyphs.filter((g) => g.size < 16), (g) => g.advance, trim, geometry, zones);
  const found: PlacedSubhead[] = [];
  sections.forEach((section, s) => {
    const inBand = lines.filter((line) => line.y < bandY[s]! && line.y > (bandY[s + 1] ?? Number.NEGATIVE_INFINITY));
    for (const article of section.articles) {
      const title = squash(article.title);
      const heads = inBand.filter((line) => line.items.every(isSubheadGlyph));
      // The title's first line: the line (label glyphs aside) its text starts with.
      const first = heads.find((line) => {
        const text = titleText(line.items, article.label);
        return text.length > 0 && title.startsWith(text);
      });
      if (!first) throw new Error(`subhead ${title} not found on the page`);
      const titleLines = [titleGlyphs(first.items, article.label)];
      let read = titleLines[0]!.map((g) => g.char).join('');
      // Later lines: the next subhead lines down the same column while the title goes on.
      for (const line of heads.filter((l) => l.column === first.column && l.y < first.y - 3).sort((a, b) => b.y - a.y)) {
        if (read === title) break;
        const text = line.items.map((g) => g.char).join('');
        if (!title.startsWith(read + text)) break;
        titleLines.push(line.items);
        read += text;
      }
      const top = Math.max(...titleLines[0]!.map((g) => g.y));
      const above = inBand.filter((line) => line.column === first.column && line.y > top + 1 && !line.items.every(isSubheadGlyph));
      found.push({
        band: section.label,
        column: first.column,
        label: article.label,
        title,
        lines: titleLines,
        columnLeft: first.left,
        previousBaseline: above.length ? Math.min(...above.map((line) => line.y)) : undefined,
      });
    }
  });
  return found;
}

// The label, set left of the title and smaller, may share the title's first line.
function titleGlyphs(items: Glyph[], label: string | undefined): Glyph[] {
  const text = items.map((g) => g.char).join('');
  return label && text.startsWith(label) ? items.slice([...label].length) : items;
}

function titleText(items: Glyph[], label: string | undefined): string {
  return titleGlyphs(items, label)
    .map((g) => g.char)
    .join('');
}
