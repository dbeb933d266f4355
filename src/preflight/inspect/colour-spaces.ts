/**
 * Colour spaces as preflight sees them: which family a space belongs to
 * (ISO 32000-1 §8.6), so RGB left in a press file can be found, and whether
 * a colour is paper white (no ink), so white backgrounds are not "content".
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, type PDFObject } from 'pdf-lib';

export type ColourFamily = 'gray' | 'rgb' | 'cmyk' | 'lab' | 'spot' | 'pattern' | 'unknown';

const DEVICE: Record<string, ColourFamily> = {
  DeviceGray: 'gray', G: 'gray', CalGray: 'gray',
  DeviceRGB: 'rgb', RGB: 'rgb', CalRGB: 'rgb',
  DeviceCMYK: 'cmyk', CMYK: 'cmyk',
  Lab: 'lab', Pattern: 'pattern',
};

/** The family of a colour space object (a name, or an array such as [/ICCBased …]). */
export function colourFamily(space: PDFObject | undefined, resources?: PDFDict, depth = 0): ColourFamily {
  if (!space || depth > 8) return 'unknown';
  if (space instanceof PDFName) {
    const key = space.decodeText();
    if (DEVICE[key]) return DEVICE[key];
    // A resource name: look it up in /ColorSpace.
    const named = resources?.lookup(PDFName.of('ColorSpace'));
    const entry = named instanceof PDFDict ? named.lookup(space) : undefined;
    return entry ? colourFamily(entry, resources, depth + 1) : 'unknown';
  }
  if (!(space instanceof PDFArray) || space.size() === 0) return 'unknown';
  const kind = space.lookup(0);
  const head = kind instanceof PDFName ? kind.decodeText() : '';
  if (head === 'ICCBased') {
    const profile = space.lookup(1);
    const n = profile instanceof PDFRawStream ? profile.dict.lookup(PDFName.of('N')) : undefined;
    const components = n instanceof PDFNumber ? n.asNumber() : 0;
    return components === 1 ? 'gray' : components === 3 ? 'rgb' : components === 4 ? 'cmyk' : 'unknown';
  }
  if (head === 'Indexed' || head === 'I') return colourFamily(space.lookup(1), resources, depth + 1);
  if (head === 'Separation' || head === 'DeviceN') return 'spot';
  if (head === 'Pattern') return 'pattern';
  return DEVICE[head] ?? 'unknown';
}

/** The family implied by the number of operands of `sc`/`scn` in an unknown space. */
export function familyOfComponents(count: number): ColourFamily {
  return count === 1 ? 'gray' : count === 3 ? 'rgb' : count === 4 ? 'cmyk' : 'unknown';
}

/** True when the colour lays down no ink: gray 1, RGB 1 1 1, CMYK 0 0 0 0. */
export function isPaperWhite(family: ColourFamily, values: readonly number[]): boolean {
  if (family === 'gray' || family === 'rgb') return values.length > 0 && values.every((v) => v >= 0.999);
  if (family === 'cmyk') return values.length === 4 && values.every((v) => v <= 0.001);
  return false;
}
