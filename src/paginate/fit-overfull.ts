/**
 * An arrangement for content that does not fit, for proofing only (issue 15,
 * item 2): the preview shows the over-full page with the overflowing module
 * marked instead of an error over the last good page. The page is arranged
 * as if the type area were `missing` lines taller, then the section with the
 * most text is given those lines less, so its text runs past its box by the
 * lines the page lacks and the browser's overflow check names it. The PDF
 * path never uses this: there, content that does not fit fails the build.
 */
import { OverflowError } from '../errors.ts';
import { t } from '../i18n/locale.ts';
import { chooseArrangement, type Arrangement, type PageMeasure } from './fit.ts';

export interface Overfull {
  arrangement: Arrangement;
  /** The section cut short (its id and name), and by how many lines. */
  sectionId: string;
  module: string;
  missingLines: number;
}

/** The most lines a proof is stretched by looking for an arrangement: a page twice over is past proofing. */
const MAX_MISSING_LINES = 400;

export function overfullArrangement(measure: PageMeasure, extraLines: Readonly<Record<string, number>> = {}): Overfull {
  for (let missing = 1; missing <= MAX_MISSING_LINES; missing += 1) {
    let arrangement: Arrangement;
    try {
      arrangement = chooseArrangement({ ...measure, totalLines: measure.totalLines + missing }, undefined, extraLines);
    } catch (error) {
      if (error instanceof OverflowError) continue;
      throw error;
    }
    const longest = arrangement.sections.reduce((a, b) => (b.textLines > a.textLines ? b : a));
    const cut = Math.min(missing, longest.textLines - 1);
    const sections = arrangement.sections.map((plan) =>
      plan === longest ? { ...plan, lines: plan.lines - cut, bodyLines: plan.bodyLines - cut, textLines: plan.textLines - cut } : plan,
    );
    return { arrangement: { ...arrangement, sections }, sectionId: longest.id, module: longest.name, missingLines: missing };
  }
  throw new OverflowError(t('overflow.farOver', { lines: MAX_MISSING_LINES }), { hint: t('overflow.farOverHint') });
}
