/**
 * Content inside the safe area: the trim less 5 mm on each side, where the
 * guillotine's tolerance cannot reach. Allowed outside it: elements meant to
 * bleed (they run to the trim edge on the side where they leave the safe
 * area) and anything wholly outside the trim (the crop marks, drawn in the
 * slug beyond the bleed). Text never bleeds. Paper-white paint is no ink.
 */
import { t } from '../../i18n/locale.ts';
import { formatRectMm, inset, intersect, MM, type Rect } from '../inspect/geometry.ts';
import type { Mark } from '../inspect/marks.ts';
import type { Finding, Rule } from '../types.ts';

export const SAFE_MARGIN_MM = 5;
/** Chromium lays out in CSS pixels and writers round: a quarter point is not a real overlap. */
const SLACK_PT = 0.25;

type Side = 'left' | 'right' | 'top' | 'bottom';

/** Sides on which the mark leaves the safe area, and whether it reaches the trim edge there. */
function crossings(bbox: Rect, safe: Rect, trim: Rect): { side: Side; bleeds: boolean }[] {
  const out: { side: Side; bleeds: boolean }[] = [];
  if (bbox.x0 < safe.x0 - SLACK_PT) out.push({ side: 'left', bleeds: bbox.x0 <= trim.x0 + SLACK_PT });
  if (bbox.x1 > safe.x1 + SLACK_PT) out.push({ side: 'right', bleeds: bbox.x1 >= trim.x1 - SLACK_PT });
  if (bbox.y0 < safe.y0 - SLACK_PT) out.push({ side: 'bottom', bleeds: bbox.y0 <= trim.y0 + SLACK_PT });
  if (bbox.y1 > safe.y1 + SLACK_PT) out.push({ side: 'top', bleeds: bbox.y1 >= trim.y1 - SLACK_PT });
  return out;
}

function bleedShortfall(bbox: Rect, side: Side, bleed: Rect): number {
  const gap = { left: bbox.x0 - bleed.x0, right: bleed.x1 - bbox.x1, bottom: bbox.y0 - bleed.y0, top: bleed.y1 - bbox.y1 }[side];
  return Math.max(0, gap);
}

const describe = (mark: Mark) => (mark.kind === 'text' ? 'text' : mark.kind === 'image' ? 'an image' : mark.kind === 'shading' ? 'a gradient' : 'a graphic');

export const safeAreaRule: Rule = {
  id: 'safe-area',
  get title() {
    return t('preflight.rule.safe-area', { mm: SAFE_MARGIN_MM });
  },
  applies: () => true,
  check({ facts }) {
    const findings: Finding[] = [];
    for (const page of facts.pages) {
      if (!page.trim) continue; // the boxes rule reports it
      const trim = page.trim;
      const safe = inset(trim, SAFE_MARGIN_MM * MM);
      for (const mark of page.content.marks) {
        if (!mark.ink || !intersect(mark.bbox, trim)) continue;
        for (const { side, bleeds } of crossings(mark.bbox, safe, trim)) {
          const where = formatRectMm(mark.bbox);
          if (mark.kind === 'text' || !bleeds) {
            findings.push({
              rule: 'safe-area',
              severity: mark.kind === 'text' ? 'error' : 'warning',
              page: page.number,
              where,
              message: `${describe(mark)} crosses the safe area at the ${side}, ${SAFE_MARGIN_MM} mm inside the trim, ${mark.kind === 'text' ? 'and may be cut' : 'without reaching the trim edge to bleed'}`,
              hint: mark.kind === 'text' ? 'move the text inside the margins' : 'keep it inside the safe area, or extend it to the bleed',
            });
          } else if (page.bleed && bleedShortfall(mark.bbox, side, page.bleed) > 0.5) {
            findings.push({
              rule: 'safe-area',
              severity: 'warning',
              page: page.number,
              where,
              message: `${describe(mark)} bleeds at the ${side} but stops ${(bleedShortfall(mark.bbox, side, page.bleed) / MM).toFixed(1)} mm short of the BleedBox; a paper-white sliver may show after trimming`,
              hint: 'extend the element to the bleed edge',
            });
          }
        }
      }
    }
    return findings;
  },
};
