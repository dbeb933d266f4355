/**
 * Page count and page size against the edition: a Folio edition is one page,
 * trimmed to its preset's size (src/defaults.ts), on a sheet that is the slug
 * larger on each side for the crop marks.
 */
import { t } from '../../i18n/locale.ts';
import { MM } from '../inspect/geometry.ts';
import { trimSizePage, type Finding, type Rule } from '../types.ts';

/** Chromium rounds the MediaBox (docs/platform.md: 396 mm → 1122.96 pt), so the sheet gets 1 pt of slack. */
const MEDIA_TOLERANCE_PT = 1;
const TRIM_TOLERANCE_MM = 0.2;

export const pageSizeRule: Rule = {
  id: 'page-size',
  get title() {
    return t('preflight.rule.page-size');
  },
  applies: (context) => context.edition !== undefined,
  check(context) {
    const { facts, edition } = context;
    const findings: Finding[] = [];
    const geometry = edition!.geometry;
    if (facts.pages.length !== edition!.pages) {
      findings.push({
        rule: 'page-size',
        severity: 'error',
        message: t('preflight.pageCount', { pages: facts.pages.length, expected: edition!.pages }),
        hint: t('preflight.pageCountHint'),
      });
    }
    for (const page of facts.pages) {
      if (page.trim) {
        const width = (page.trim.x1 - page.trim.x0) / MM;
        const height = (page.trim.y1 - page.trim.y0) / MM;
        if (Math.abs(width - geometry.trimWidthMm) > TRIM_TOLERANCE_MM || Math.abs(height - geometry.trimHeightMm) > TRIM_TOLERANCE_MM) {
          findings.push({
            rule: 'page-size',
            severity: 'error',
            page: page.number,
            message: t('preflight.trimSize', { width: width.toFixed(1), height: height.toFixed(1), preset: geometry.name, presetWidth: geometry.trimWidthMm, presetHeight: geometry.trimHeightMm }),
            hint: t('preflight.trimSizeHint'),
          });
        }
      }
      // `--marks none`: a trim-size page for plants that impose themselves (issue 20).
      const slugMm = trimSizePage(context) ? 0 : geometry.slugMm;
      const sheetWidth = (geometry.trimWidthMm + 2 * slugMm) * MM;
      const sheetHeight = (geometry.trimHeightMm + 2 * slugMm) * MM;
      const mediaWidth = page.media.x1 - page.media.x0;
      const mediaHeight = page.media.y1 - page.media.y0;
      if (Math.abs(mediaWidth - sheetWidth) > MEDIA_TOLERANCE_PT || Math.abs(mediaHeight - sheetHeight) > MEDIA_TOLERANCE_PT) {
        findings.push({
          rule: 'page-size',
          severity: 'error',
          page: page.number,
          message: `the sheet (MediaBox) is ${(mediaWidth / MM).toFixed(1)}×${(mediaHeight / MM).toFixed(1)} mm; expected ${(sheetWidth / MM).toFixed(1)}×${(sheetHeight / MM).toFixed(1)} mm (trim plus ${slugMm} mm slug on each side)`,
        });
      }
    }
    return findings;
  },
};
