/**
 * The feature's fit as the one arrangement report every page gives (issue
 * 17): its headline block, gallery and sections are modules of the page like
 * any other, placed top to bottom across the feature's columns with the gap
 * line between them. summary.json and the batch cache read this list for a
 * feature exactly as for a general page; the feature keeps its own fit report
 * (gallery rows, subheads) for its copyfit figures.
 */
import type { PageGeometry } from '../defaults.ts';
import type { ModulePlan } from '../layout/page-modules.ts';
import { FEATURE_COLUMNS, FIT_BOUNDS } from './fit-bounds.ts';
import type { PageArrangement } from './fit-modules.ts';
import type { FitReport } from './fit-page.ts';

export function featureArrangement(fit: FitReport, geometry: PageGeometry): PageArrangement {
  const a = fit.arrangement;
  const stack: { id: string; kind: string; lines: number; blankLines: number; textColumns?: number }[] = [
    { id: 'headline', kind: 'headline', lines: a.headLines, blankLines: 0 },
    ...(a.galleryLines > 0 ? [{ id: 'gallery', kind: 'gallery', lines: a.galleryLines, blankLines: 0 }] : []),
    ...a.sections.map((s) => ({ id: s.id, kind: 'section', lines: s.lines, blankLines: s.blankLines, textColumns: s.textColumns })),
  ];
  let line = 0;
  const modules: ModulePlan[] = stack.map((m) => {
    const placed: ModulePlan = { id: m.id, kind: m.kind, column: 0, line, columns: FEATURE_COLUMNS, lines: m.lines, blankLines: m.blankLines, cost: 0, variant: m.kind, textColumns: m.textColumns };
    line += m.lines + FIT_BOUNDS.gapLines;
    return placed;
  });
  return {
    preset: geometry.name,
    columns: geometry.columns,
    lines: fit.measure.totalLines - fit.measure.creditLines,
    modules,
    blankLines: a.blankLines,
    cost: a.cost,
    collisions: [],
    holes: [],
    jumps: [],
    steps: 0,
    solveMs: 0,
    rounds: fit.rounds,
  };
}
