/**
 * Reads a general page back from its PDF against the arrangement the build
 * reported: each placed module as a rectangle in PDF points, and the glyphs
 * that fall inside each, in content-stream order.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { PageGeometry } from '../../../src/defaults.ts';
import type { PageArrangement } from '../../../src/paginate/fit-modules.ts';
import type { Glyph } from './glyphs.ts';
import { typeArea } from './layout.ts';

export interface ModuleRect {
  id: string;
  kind: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export function moduleRects(arrangement: PageArrangement, trim: number[], geometry: PageGeometry): ModuleRect[] {
  const area = typeArea(trim, geometry);
  const pitch = geometry.linePitchPt;
  return arrangement.modules.map((m) => ({
    id: m.id,
    kind: m.kind,
    left: area.left + m.column * area.step,
    right: area.left + (m.column + m.columns) * area.step - (area.step - area.column),
    top: area.top - m.line * pitch,
    bottom: area.top - (m.line + m.lines) * pitch,
  }));
}

/** A glyph's centre: half its advance right of its origin, a third of its size above its baseline. */
export const centreOf = (g: Glyph) => ({ x: g.x + g.advance / 2, y: g.y + g.size / 3 });

export const inside = (rect: ModuleRect, p: { x: number; y: number }) => p.x >= rect.left - 0.5 && p.x <= rect.right + 0.5 && p.y <= rect.top + 0.5 && p.y >= rect.bottom - 0.5;

/** The text of every glyph inside each module, in drawing order. */
export function textByModule(glyphs: Glyph[], rects: ModuleRect[]): Map<string, string> {
  const text = new Map(rects.map((r) => [r.id, '']));
  for (const g of glyphs) {
    const rect = rects.find((r) => inside(r, centreOf(g)));
    if (rect) text.set(rect.id, text.get(rect.id)! + g.char);
  }
  return text;
}

export interface FixtureStory {
  id: string;
  kind: string;
  rank?: number;
  headline?: { kicker?: string; title: string; deck?: string };
  body?: (string | { subhead: string })[];
  lead?: string;
  photos?: { id: string; caption: string }[];
  items?: string[];
  caption?: string;
}

/** The modules of a page fixture, read as plain YAML (the test checks the page against its source, not against Folio's reading of it). */
export function fixtureModules(file: string): FixtureStory[] {
  return (parse(readFileSync(file, 'utf8')) as { modules: FixtureStory[] }).modules;
}

export const squash = (text: string) => text.replace(/\s+/g, '');
