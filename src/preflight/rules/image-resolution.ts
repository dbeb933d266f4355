/**
 * Effective resolution of every image at its placed size (pixels over the
 * placed width in inches, from the current transformation matrix). Newsprint
 * at 100 lpi wants about twice the screen ruling: below 200 ppi is soft,
 * below 150 ppi visibly pixelated.
 */
import { formatRectMm } from '../inspect/geometry.ts';
import type { ImagePlacement } from '../inspect/marks.ts';
import type { Finding, PreflightEdition, Rule } from '../types.ts';

/**
 * The photo an image came from, by the pixel size the image stage sent to the
 * page (Chromium embeds images at their own pixel size): `photo "id" (file)`,
 * or the PDF's resource name when no photo (or several) has that size.
 */
export function nameImage(image: ImagePlacement, edition: PreflightEdition | undefined): string {
  const matches = (edition?.photos ?? []).filter((photo) => photo.widthPx === image.widthPx && photo.heightPx === image.heightPx);
  if (matches.length === 0) return `image ${image.name}`;
  const named = matches.map((photo) => `"${photo.id}"${photo.file ? ` (${photo.file})` : ' (placeholder)'}`);
  return `photo ${named.join(' or ')}`;
}

export const WARN_BELOW_PPI = 200;
export const ERROR_BELOW_PPI = 150;

export const imageResolutionRule: Rule = {
  id: 'image-resolution',
  title: `images at least ${WARN_BELOW_PPI} ppi at their placed size`,
  applies: () => true,
  check({ facts, measurements, edition }) {
    const findings: Finding[] = [];
    for (const page of facts.pages) {
      for (const image of page.content.images) {
        // 1-pixel images are fills (a colour swatch stretched), not photos.
        if (image.widthPx <= 1 || image.heightPx <= 1) continue;
        const ppi = Math.min(image.ppiX, image.ppiY);
        measurements.lowestImagePpi = Math.min(measurements.lowestImagePpi ?? Infinity, Math.round(ppi));
        if (ppi >= WARN_BELOW_PPI) continue;
        findings.push({
          rule: 'image-resolution',
          severity: ppi < ERROR_BELOW_PPI ? 'error' : 'warning',
          page: page.number,
          where: formatRectMm(image.bbox),
          message: `${nameImage(image, edition)} (${image.widthPx}×${image.heightPx} px) is placed at ${Math.round(ppi)} ppi (${ppi < ERROR_BELOW_PPI ? `minimum ${ERROR_BELOW_PPI}` : `recommended ${WARN_BELOW_PPI}`})`,
          hint: 'use a larger original or place the photo smaller',
        });
      }
    }
    return findings;
  },
};
