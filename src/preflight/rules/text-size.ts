/**
 * Text smaller than 6 pt: on newsprint, dot gain and paper fibre fill in
 * strokes below that, and the text becomes illegible.
 */
import { t } from '../../i18n/locale.ts';
import { formatRectMm } from '../inspect/geometry.ts';
import type { Finding, Rule } from '../types.ts';

export const MINIMUM_TEXT_PT = 6;

export const textSizeRule: Rule = {
  id: 'text-size',
  get title() {
    return t('preflight.rule.text-size', { pt: MINIMUM_TEXT_PT });
  },
  applies: () => true,
  check({ facts, measurements }) {
    const findings: Finding[] = [];
    for (const page of facts.pages) {
      for (const text of page.content.texts) {
        measurements.smallestTextPt = Math.min(measurements.smallestTextPt ?? Infinity, Math.round(text.sizePt * 100) / 100);
        // A rounding tolerance: 5.995 pt is 6 pt set through a scaled matrix.
        if (text.sizePt >= MINIMUM_TEXT_PT - 0.01) continue;
        findings.push({
          rule: 'text-size',
          severity: 'error',
          page: page.number,
          where: formatRectMm(text.bbox),
          message: t('preflight.smallText', { glyphs: text.glyphs, font: text.font, pt: text.sizePt.toFixed(2), min: MINIMUM_TEXT_PT }),
          hint: t('preflight.smallTextHint'),
        });
      }
    }
    return findings;
  },
};
