/**
 * Effective resolution of every image at its placed size (pixels over the
 * placed width in inches, from the current transformation matrix). Newsprint
 * at 100 lpi wants about twice the screen ruling: below 200 ppi is soft,
 * below 150 ppi visibly pixelated.
 */
import { formatRectMm } from '../inspect/geometry.ts';
import { t } from '../../i18n/locale.ts';
import type { ImagePlacement } from '../inspect/marks.ts';
import type { Finding, PreflightEdition, Rule } from '../types.ts';

/**
 * The photo an image came from, by the pixel size the image stage sent to the
 * page (Chromium embeds images at their own pixel size, less a row or column
 * its frame clips): `photo "id" (file)`,
 * or the PDF's resource name when no photo (or several) has that size.
 */
/** Pixels an embedded image may lack against the image sent to the page. */
const SUBSET_SLACK_PX = 2;

export function nameImage(image: ImagePlacement, edition: PreflightEdition | undefined): string {
  // Chromium embeds the part of an image its frame shows: a frame a fraction of a pixel short of the image drops its last row or column.
  const near = (a: number, b: number) => Math.abs(a - b) <= SUBSET_SLACK_PX;
  const matches = (edition?.photos ?? []).filter((photo) => near(photo.widthPx, image.widthPx) && near(photo.heightPx, image.heightPx));
  if (matches.length === 0) return t('preflight.image', { name: image.name });
  const named = matches.map((photo) => t(photo.file ? 'preflight.photoWithFile' : 'preflight.photoPlaceholder', { id: photo.id, file: photo.file ?? '' }));
  return t('preflight.photo', { photos: named.join(t('preflight.or')) });
}

export const WARN_BELOW_PPI = 200;
export const ERROR_BELOW_PPI = 150;

export const imageResolutionRule: Rule = {
  id: 'image-resolution',
  get title() {
    return t('preflight.rule.image-resolution', { ppi: WARN_BELOW_PPI });
  },
  applies: () => true,
  check({ facts, measurements, edition }) {
    const findings: Finding[] = [];
    for (const page of facts.pages) {
      for (const image of page.content.images) {
        if (isRule(image)) continue;
        const ppi = Math.min(image.ppiX, image.ppiY);
        measurements.lowestImagePpi = Math.min(measurements.lowestImagePpi ?? Infinity, Math.round(ppi));
        if (ppi >= WARN_BELOW_PPI) continue;
        findings.push({
          rule: 'image-resolution',
          severity: ppi < ERROR_BELOW_PPI ? 'error' : 'warning',
          page: page.number,
          where: formatRectMm(image.bbox),
          message: t(ppi < ERROR_BELOW_PPI ? 'preflight.lowPpiError' : 'preflight.lowPpiWarning', {
            image: nameImage(image, edition),
            width: image.widthPx,
            height: image.heightPx,
            ppi: Math.round(ppi),
            needed: ppi < ERROR_BELOW_PPI ? ERROR_BELOW_PPI : WARN_BELOW_PPI,
          }),
          hint: t('preflight.lowPpiHint'),
        });
      }
    }
    return findings;
  },
};

/** Thinner than this across, a one-pixel image is a rule (a hairline drawn as an image), not a photo. */
export const RULE_MAX_MM = 1;

/**
 * A one-pixel-wide or -tall image is exempt only when it is placed as a rule:
 * under RULE_MAX_MM across. A 1×1 image stretched over a photo frame (a wrong
 * or broken file, 0.145 ppi) is an error like any coarse photo (issue 16,
 * case 12). Folio draws its own rules and tints as vector paths (CSS borders
 * and backgrounds), never as images, so only other producers' rules are exempt.
 */
function isRule(image: ImagePlacement): boolean {
  if (image.widthPx > 1 && image.heightPx > 1) return false;
  const placedPt = (pixels: number, ppi: number) => (ppi > 0 ? (pixels * 72) / ppi : 0);
  const across = Math.min(placedPt(image.widthPx, image.ppiX), placedPt(image.heightPx, image.ppiY));
  return across < (RULE_MAX_MM * 72) / 25.4;
}
