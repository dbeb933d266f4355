/**
 * Issue 17's blank-square rule read off a printed page: the largest blank
 * square of the type area, with the headline blocks (a centred title's white
 * is the headline's own), the inside of a framed box (a list set ragged
 * right within its frame, its white the list's own), the masthead and the
 * credit line (furniture no module could fill) counted as ink. A square over the limit must lie in a
 * module the render warned of, by id.
 */
import type { BuildResult } from '../../../src/pipeline.ts';
import { PAGE_LAYOUT, type PageGeometry } from '../../../src/defaults.ts';
import { largestBlankSquareMm, typeArea } from './layout.ts';
import { inside, moduleRects } from './modules.ts';

export async function unwarnedBlankSquare(pdf: string, result: BuildResult, boxes: { trim: number[]; media: number[] }, geometry: PageGeometry) {
  const arrangement = result.arrangement!;
  const rects = moduleRects(arrangement, boxes.trim, geometry);
  const pitch = geometry.linePitchPt;
  const masthead = rects.find((r) => r.kind === 'masthead');
  const skip = masthead ? masthead.top - masthead.bottom + pitch : 0;
  const heads = arrangement.modules.flatMap((m) => {
    const rect = rects.find((r) => r.id === m.id)!;
    const from = m.headline ? m.headline.line - m.line : 0;
    return m.headline ? [{ ...rect, top: rect.top - from * pitch, bottom: rect.top - (from + m.headline.lines) * pitch }] : [];
  });
  const framed = rects.filter((r) => r.kind === 'box');
  const area = typeArea(boxes.trim, geometry);
  const credit = { left: area.left, right: area.left + area.width, top: area.top - area.height + 2 * pitch, bottom: area.top - area.height };
  const blank = await largestBlankSquareMm(pdf, boxes.trim, boxes.media[3]!, geometry, 25, skip, [...heads, ...framed, credit]);
  const at = rects.find((r) => inside(r, { x: blank.xPt, y: blank.yPt }))?.id;
  const warned = at !== undefined && arrangement.holes.some((h) => h.id === at) && result.warnings.some((w) => w.includes(`"${at}"`));
  return { ...blank, at, warned, over: blank.sizeMm > PAGE_LAYOUT.maxBlankMm };
}
