/**
 * Neutral RGB colours as ink-only colours, so that black text and rules print
 * on the black plate alone (the rewrite itself is colour-rewrite.ts).
 *
 * Why (docs/press-route.md): Ghostscript converts
 * Chromium's #111 text to rich four-colour black (C72 M68 Y67 K88), which
 * misregisters on a newspaper press; `-dBlackText` also blackens red text and
 * `-dKPreserve`/`-dBlackVector` do not help. Ghostscript passes DeviceCMYK
 * (and DeviceGray) colours through untouched, so neutrals are set in those
 * spaces here and only the chromatic colours are left for it to convert.
 */

export type PressColour = 'cmyk' | 'gray';

/** Channels within this of each other count as neutral (docs/press-route.md: about 0.02). */
export const NEUTRAL_TOLERANCE = 0.02;
/** Greys no lighter than #202020 print as solid black (docs/press-route.md). */
export const SOLID_BLACK_MAX = 0x20 / 255;

const format = (value: number) => String(Math.round(value * 10_000) / 10_000);

/**
 * The replacement for a neutral grey `v` (0 = black, 1 = white) as a fill
 * (`stroke` false) or stroke colour: `0 0 0 K k` in CMYK, `v g` in gray.
 */
export function neutralColour(v: number, stroke: boolean, target: PressColour): string {
  const black = v <= SOLID_BLACK_MAX;
  if (target === 'gray') return `${black ? '0' : format(v)} ${stroke ? 'G' : 'g'}`;
  // A K-only tint: lighter greys keep their lightness without any C, M or Y.
  return `0 0 0 ${black ? '1' : format(1 - v)} ${stroke ? 'K' : 'k'}`;
}

/** The grey level of an RGB triple when it is neutral, else undefined. */
export function neutralLevel(rgb: readonly number[]): number | undefined {
  if (rgb.length !== 3) return undefined;
  const spread = Math.max(...rgb) - Math.min(...rgb);
  return spread <= NEUTRAL_TOLERANCE ? (rgb[0]! + rgb[1]! + rgb[2]!) / 3 : undefined;
}
