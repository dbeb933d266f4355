/**
 * Where a feature sets a band's text in fewer, wider columns than the grid's
 * (变栏, issue 19): the zones of the page that the glyph readers (layout.ts)
 * then split into those columns instead of the grid's. Computed here from the
 * fit's arrangement and the page geometry alone, as a layout editor would
 * rule the band: columns of whole body characters over the text's grid span,
 * the width left over shared out equally as gutters.
 */
import type { PageGeometry } from '../../../src/defaults.ts';
import { featureArrangement } from '../../../src/paginate/feature-arrangement.ts';
import type { FitReport } from '../../../src/paginate/fit-page.ts';
import { typeArea, type TextZone } from './layout.ts';

/** Columns of a band set in `columns` columns over `span` grid columns: whole characters each, at least a gutter apart. */
export function wideColumns(geometry: PageGeometry, span: number, columns: number) {
  const em = geometry.bodySizePt;
  const gutter = geometry.gutterChars * em;
  const width = span * geometry.columnChars * em + (span - 1) * gutter;
  const chars = Math.floor((width - (columns - 1) * gutter) / columns / em + 1e-6);
  return { chars, width: chars * em, gap: (width - columns * chars * em) / (columns - 1) };
}

export function featureTextZones(fit: FitReport, trim: number[], geometry: PageGeometry): TextZone[] {
  const area = typeArea(trim, geometry);
  const placed = featureArrangement(fit, geometry).modules;
  return fit.arrangement.sections.flatMap((plan, i) => {
    if (!(plan.textColumns < plan.textSpan)) return [];
    const module = placed.find((m) => m.id === plan.id)!;
    const shape = wideColumns(geometry, plan.textSpan, plan.textColumns);
    return [
      {
        top: area.top - module.line * geometry.linePitchPt,
        bottom: area.top - (module.line + module.lines) * geometry.linePitchPt,
        left: area.left + plan.photoSpan * area.step,
        step: shape.width + shape.gap,
        width: shape.width,
        first: 100 * (i + 1),
      },
    ];
  });
}
