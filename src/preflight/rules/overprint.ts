/**
 * Black overprint (issue 20): Chinese plants expect K100 text and rules to
 * overprint (黑色文字叠印), so that misregistration shows no white halo
 * around small black type on colour. Solid K text under 12 pt that knocks
 * out is a warning; the report counts how much solid K text overprints.
 */
import { t } from '../../i18n/locale.ts';
import { formatRectMm } from '../inspect/geometry.ts';
import { isSolidBlack, textsOnPage } from '../inspect/plates.ts';
import type { Finding, Rule } from '../types.ts';

export const OVERPRINT_BELOW_PT = 12;

export const overprintRule: Rule = {
  id: 'overprint',
  get title() {
    return t('preflight.rule.overprint', { pt: OVERPRINT_BELOW_PT });
  },
  applies: (context) => context.press,
  check({ facts, measurements }) {
    const findings: Finding[] = [];
    let solid = 0;
    let overprinting = 0;
    for (const page of facts.pages) {
      for (const text of textsOnPage(page)) {
        if (!isSolidBlack(text.fill)) continue;
        solid += 1;
        if (text.overprint) overprinting += 1;
        else if (text.sizePt < OVERPRINT_BELOW_PT) {
          findings.push({
            rule: 'overprint',
            severity: 'warning',
            page: page.number,
            where: formatRectMm(text.bbox),
            message: t('preflight.knockout', { glyphs: text.glyphs, pt: text.sizePt.toFixed(1) }),
            hint: t('preflight.knockoutHint'),
          });
        }
      }
    }
    measurements.overprint = { solidBlackTextRuns: solid, overprinting };
    return findings;
  },
};
