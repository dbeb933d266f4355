/**
 * RGB left in a press file: a PDF/X-3 file for a CMYK or gray output intent
 * may not paint in DeviceRGB (ISO 15930-3 §6.2.4), and any RGB left is
 * converted by the RIP with a profile nobody chose. Applies to press files.
 */
import { t } from '../../i18n/locale.ts';
import type { Finding, Rule } from '../types.ts';

export const rgbRule: Rule = {
  id: 'rgb',
  get title() {
    return t('preflight.rule.rgb');
  },
  applies: (context) => context.press,
  check({ facts }) {
    const findings: Finding[] = [];
    for (const page of facts.pages) {
      const images = page.content.images.filter((image) => image.family === 'rgb');
      const operations = (page.content.colourUses.get('rgb') ?? 0) - images.length;
      if (operations > 0) {
        findings.push({ rule: 'rgb', severity: 'error', page: page.number, message: t('preflight.rgbOperations', { count: operations }), hint: t('preflight.rgbOperationsHint') });
      }
      for (const image of images) {
        findings.push({ rule: 'rgb', severity: 'error', page: page.number, message: t('preflight.rgbImage', { name: image.name }), hint: t('preflight.rgbImageHint') });
      }
    }
    return findings;
  },
};
