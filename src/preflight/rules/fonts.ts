/**
 * Every font embedded, and no Type 3 fonts: a press RIP substitutes a font
 * that is not embedded, and Type 3 glyphs are procedures that many RIPs
 * render badly (docs/platform.md: Debian's CFF Noto CJK comes out as ~260 Type 3
 * fonts in Chromium). PDF/X requires embedding (ISO 15930-3 §6.3.5).
 */
import { t } from '../../i18n/locale.ts';
import type { Finding, Rule } from '../types.ts';

export const fontsRule: Rule = {
  id: 'fonts',
  get title() {
    return t('preflight.rule.fonts');
  },
  applies: () => true,
  check({ facts, measurements }) {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const page of facts.pages) {
      for (const font of page.fonts) {
        const key = `${font.name}\u0000${font.subtype}\u0000${font.embedded}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (font.subtype === 'Type3') {
          findings.push({ rule: 'fonts', severity: 'error', page: page.number, message: t('preflight.type3', { font: font.name }), hint: t('preflight.type3Hint') });
        } else if (!font.embedded) {
          findings.push({ rule: 'fonts', severity: 'error', page: page.number, message: t('preflight.notEmbedded', { font: font.name, subtype: font.subtype }), hint: t('preflight.notEmbeddedHint') });
        }
      }
    }
    measurements.fonts = seen.size;
    return findings;
  },
};
