/**
 * The file can be read at all: not encrypted, at least one page, every
 * content stream decodes. A file that fails here was not checked by the other
 * rules, so it must not pass (issue 16: an encrypted PDF, a PDF with no
 * pages and a page that would not decode all passed).
 */
import { t } from '../../i18n/locale.ts';
import type { Finding, Rule } from '../types.ts';

export const readableRule: Rule = {
  id: 'readable',
  get title() {
    return t('preflight.rule.readable');
  },
  applies: () => true,
  check({ facts }) {
    const findings: Finding[] = [];
    const fail = (message: string, hint: string) => findings.push({ rule: 'readable', severity: 'error', message, hint });
    if (facts.encrypted) fail(t('preflight.encrypted'), t('preflight.encryptedHint'));
    else if (facts.pages.length === 0) fail(t('preflight.noPages'), t('preflight.noPagesHint'));
    for (const problem of facts.unreadable) fail(problem, t('preflight.damagedHint'));
    return findings;
  },
};
