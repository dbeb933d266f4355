/**
 * Transparency in a press file: PDF/X-3:2002 is PDF 1.3 and forbids soft
 * masks, constant alpha below 1 and blend modes other than Normal
 * (ISO 15930-3 §6.3.6); a RIP without a flattener may drop or misrender them.
 */
import { t } from '../../i18n/locale.ts';
import type { Finding, Rule } from '../types.ts';

export const transparencyRule: Rule = {
  id: 'transparency',
  get title() {
    return t('preflight.rule.transparency');
  },
  applies: (context) => context.press,
  check({ facts }) {
    const findings: Finding[] = [];
    for (const page of facts.pages) {
      for (const cause of new Set(page.content.transparency)) {
        findings.push({ rule: 'transparency', severity: 'error', page: page.number, message: t('preflight.transparency', { cause }), hint: t('preflight.transparencyHint') });
      }
    }
    return findings;
  },
};
