/**
 * TrimBox and BleedBox: both present and nested inside the MediaBox
 * (ISO 32000-1 §14.11.2; PDF/X requires a TrimBox on every page and forbids
 * an ArtBox beside it). With an edition, the bleed must be the preset's.
 */
import { t } from '../../i18n/locale.ts';
import { formatRectMm, MM, type Rect } from '../inspect/geometry.ts';
import { trimSizePage, type Finding, type Rule } from '../types.ts';

/** Box values are rounded by writers (Ghostscript keeps 6 digits): half a point of slack. */
const SLACK_PT = 0.5;
const BLEED_TOLERANCE_MM = 0.2;
/** Without an edition, less bleed than this is worth a warning (the usual minimum). */
const MINIMUM_BLEED_MM = 3;

const contains = (outer: Rect, inner: Rect) =>
  inner.x0 >= outer.x0 - SLACK_PT && inner.y0 >= outer.y0 - SLACK_PT && inner.x1 <= outer.x1 + SLACK_PT && inner.y1 <= outer.y1 + SLACK_PT;

export const boxesRule: Rule = {
  id: 'boxes',
  get title() {
    return t('preflight.rule.boxes');
  },
  applies: () => true,
  check(context) {
    const { facts, edition } = context;
    const findings: Finding[] = [];
    for (const page of facts.pages) {
      const at = { rule: 'boxes', page: page.number } as const;
      if (!page.trim) findings.push({ ...at, severity: 'error', message: t('preflight.noTrimBox'), hint: t('preflight.noTrimBoxHint') });
      if (!page.bleed) findings.push({ ...at, severity: 'error', message: t('preflight.noBleedBox'), hint: t('preflight.noBleedBoxHint') });
      if (page.trim && page.art) findings.push({ ...at, severity: 'warning', message: 'the page has both a TrimBox and an ArtBox (PDF/X allows only one)' });
      if (!page.trim || !page.bleed) continue;
      if (!contains(page.media, page.bleed)) {
        findings.push({ ...at, severity: 'error', message: `the BleedBox (${formatRectMm(page.bleed)}) extends beyond the MediaBox (${formatRectMm(page.media)})` });
      }
      if (!contains(page.bleed, page.trim)) {
        findings.push({ ...at, severity: 'error', message: `the TrimBox (${formatRectMm(page.trim)}) is not inside the BleedBox (${formatRectMm(page.bleed)})` });
        continue;
      }
      const sides = {
        left: page.trim.x0 - page.bleed.x0,
        bottom: page.trim.y0 - page.bleed.y0,
        right: page.bleed.x1 - page.trim.x1,
        top: page.bleed.y1 - page.trim.y1,
      };
      for (const [side, bleedPt] of Object.entries(sides)) {
        const bleedMm = bleedPt / MM;
        const expectedMm = trimSizePage(context) ? 0 : edition?.geometry.bleedMm;
        if (expectedMm !== undefined && Math.abs(bleedMm - expectedMm) > BLEED_TOLERANCE_MM) {
          findings.push({ ...at, severity: 'error', message: `the bleed is ${bleedMm.toFixed(1)} mm at the ${side}; ${expectedMm ? `the preset declares ${expectedMm} mm` : 'a trim-size page (--marks none) has none'}` });
        } else if (!edition && bleedMm < MINIMUM_BLEED_MM - BLEED_TOLERANCE_MM) {
          findings.push({ ...at, severity: 'warning', message: `the bleed is only ${bleedMm.toFixed(1)} mm at the ${side} (usually at least ${MINIMUM_BLEED_MM} mm)` });
        }
      }
    }
    return findings;
  },
};
