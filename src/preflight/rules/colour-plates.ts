/**
 * The plates coloured text is printed from (issue 20): text that needs three
 * screened plates in register (the design red as 0/92/76/17) fringes on a
 * newspaper press; solid two-plate red or a spot plate does not. Every
 * coloured text colour is reported with its plates; more than two is a warning.
 */
import { t } from '../../i18n/locale.ts';
import { formatRectMm } from '../inspect/geometry.ts';
import { formatPaint, isNeutral, platesOf, textsOnPage } from '../inspect/plates.ts';
import type { Finding, Rule, TextPlates } from '../types.ts';

export const MOST_PLATES_FOR_TEXT = 2;

export const colourPlatesRule: Rule = {
  id: 'colour-plates',
  get title() {
    return t('preflight.rule.colour-plates', { plates: MOST_PLATES_FOR_TEXT });
  },
  applies: (context) => context.press,
  check({ facts, measurements }) {
    const findings: Finding[] = [];
    const colours = new Map<string, TextPlates>();
    for (const page of facts.pages) {
      for (const text of textsOnPage(page)) {
        const plates = platesOf(text.fill);
        if (!plates || !text.ink || isNeutral(text.fill)) continue;
        const colour = formatPaint(text.fill);
        const entry = colours.get(colour) ?? { colour, plates: plates.join('+'), runs: 0, smallestPt: Infinity };
        entry.runs += 1;
        entry.smallestPt = Math.min(entry.smallestPt, Math.round(text.sizePt * 10) / 10);
        colours.set(colour, entry);
        if (plates.length > MOST_PLATES_FOR_TEXT && entry.runs === 1) {
          findings.push({
            rule: 'colour-plates',
            severity: 'warning',
            page: page.number,
            where: formatRectMm(text.bbox),
            message: t('preflight.colourPlates', { colour, count: plates.length, plates: plates.join('+') }),
            hint: t('preflight.colourPlatesHint'),
          });
        }
      }
    }
    measurements.textPlates = [...colours.values()];
    return findings;
  },
};
