/**
 * Which printing plates a colour uses (issue 20): what misregistration can
 * fringe. CMYK components above zero, gray on the black plate, a spot colour
 * on its own plate. RGB is not separated yet (a proof), so it has no plates.
 */
import type { PageFacts } from './document.ts';
import { intersect } from './geometry.ts';
import type { Paint, TextRun } from './marks.ts';

/** Text that prints on the page: the slug's (plate letters, registration text) is cut off. */
export function textsOnPage(page: PageFacts): TextRun[] {
  const box = page.bleed ?? page.trim ?? page.media;
  return page.content.texts.filter((text) => intersect(text.bbox, box));
}

const CMYK = ['C', 'M', 'Y', 'K'] as const;
/** Below this a component is no ink (ISO 32000 values are 0–1). */
const NO_INK = 0.001;

export function platesOf(paint: Paint): string[] | undefined {
  if (paint.family === 'cmyk' && paint.values.length === 4) return CMYK.filter((_, i) => paint.values[i]! > NO_INK);
  if (paint.family === 'gray') return paint.values[0]! < 1 - NO_INK ? ['K'] : [];
  if (paint.family === 'spot') return (paint.values[0] ?? 1) > NO_INK ? ['spot'] : [];
  return undefined;
}

/** Solid K alone (0/0/0/100), the colour that should overprint. */
export function isSolidBlack(paint: Paint): boolean {
  return paint.family === 'cmyk' && paint.values.join(' ') === '0 0 0 1';
}

/** Neutral ink: K only, or gray. Coloured text is anything else. */
export function isNeutral(paint: Paint): boolean {
  const plates = platesOf(paint);
  return plates !== undefined && plates.every((plate) => plate === 'K');
}

/** `0/100/100/0`, `spot 100%` or `gray 0.5`, for reports. */
export function formatPaint(paint: Paint): string {
  if (paint.family === 'cmyk') return paint.values.map((v) => Math.round(v * 100)).join('/');
  if (paint.family === 'spot') return `spot ${Math.round((paint.values[0] ?? 1) * 100)}%`;
  return `${paint.family} ${paint.values.map((v) => Math.round(v * 100) / 100).join(' ')}`;
}
