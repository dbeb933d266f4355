/**
 * What preflight needs to know about a font resource: its name and type,
 * whether its program is embedded, and glyph widths so that text can be
 * placed on the page (ISO 32000-1 §9.6–9.7).
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';

export interface FontInfo {
  /** BaseFont, e.g. `ABCDEF+NotoSerifSC-Regular`. */
  name: string;
  /** Type0, TrueType, Type1, Type3, MMType1. */
  subtype: string;
  /** For Type0: the descendant's CIDFontType0/CIDFontType2. */
  descendant?: string;
  embedded: boolean;
  /** Bytes per character code: 2 for Type0 fonts (Identity-H and the usual CJK CMaps), else 1. */
  codeLength: 1 | 2;
  /** Advance of a character code in text space units (1 = one em of the font size). */
  advance(code: number): number;
}

const name = (value: string) => PDFName.of(value);
const asNumber = (value: PDFObject | undefined) => (value instanceof PDFNumber ? value.asNumber() : undefined);
const asName = (value: PDFObject | undefined) => (value instanceof PDFName ? value.decodeText() : undefined);

function isEmbedded(descriptor: PDFObject | undefined): boolean {
  if (!(descriptor instanceof PDFDict)) return false;
  return ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.lookup(name(key)) instanceof PDFRawStream);
}

/** CIDFont /W array: `c [w1 w2 …]` or `cFirst cLast w`. */
function cidWidths(w: PDFObject | undefined): Map<number, number> {
  const widths = new Map<number, number>();
  if (!(w instanceof PDFArray)) return widths;
  const items = w.asArray().map((_, index) => w.lookup(index));
  for (let i = 0; i < items.length; ) {
    const first = asNumber(items[i]);
    const next = items[i + 1];
    if (first === undefined) break;
    if (next instanceof PDFArray) {
      for (let offset = 0; offset < next.size(); offset += 1) widths.set(first + offset, asNumber(next.lookup(offset)) ?? 0);
      i += 2;
    } else {
      const last = asNumber(next) ?? first;
      const width = asNumber(items[i + 2]) ?? 0;
      for (let cid = first; cid <= last && cid - first < 65536; cid += 1) widths.set(cid, width);
      i += 3;
    }
  }
  return widths;
}

export function readFont(font: PDFDict): FontInfo {
  const subtype = asName(font.lookup(name('Subtype'))) ?? 'unknown';
  const baseFont = asName(font.lookup(name('BaseFont'))) ?? asName(font.lookup(name('Name'))) ?? '(unnamed)';
  if (subtype === 'Type0') {
    const descendants = font.lookup(name('DescendantFonts'));
    const cidFont = descendants instanceof PDFArray ? descendants.lookup(0) : undefined;
    const dict = cidFont instanceof PDFDict ? cidFont : undefined;
    const widths = cidWidths(dict?.lookup(name('W')));
    const fallback = asNumber(dict?.lookup(name('DW'))) ?? 1000;
    return {
      name: baseFont,
      subtype,
      descendant: asName(dict?.lookup(name('Subtype'))),
      embedded: isEmbedded(dict?.lookup(name('FontDescriptor'))),
      codeLength: 2,
      // Identity-H: the code is the CID. Other CMaps would need mapping; the width is then approximate.
      advance: (code) => (widths.get(code) ?? fallback) / 1000,
    };
  }
  const firstChar = asNumber(font.lookup(name('FirstChar'))) ?? 0;
  const widthsArray = font.lookup(name('Widths'));
  const widths = widthsArray instanceof PDFArray ? widthsArray.asArray().map((_, index) => asNumber(widthsArray.lookup(index)) ?? 0) : [];
  const descriptor = font.lookup(name('FontDescriptor'));
  const missing = descriptor instanceof PDFDict ? asNumber(descriptor.lookup(name('MissingWidth'))) ?? 0 : 0;
  // Type 3 glyph widths are in glyph space, scaled by the FontMatrix.
  const matrix = font.lookup(name('FontMatrix'));
  const scale = subtype === 'Type3' && matrix instanceof PDFArray ? asNumber(matrix.lookup(0)) ?? 0.001 : 0.001;
  return {
    name: baseFont,
    subtype,
    // A Type 3 font's glyphs are content streams inside the PDF itself.
    embedded: subtype === 'Type3' || isEmbedded(descriptor),
    codeLength: 1,
    advance: (code) => (widths[code - firstChar] ?? (widths.length ? missing : 500)) * scale,
  };
}

/** Fonts of a resource dictionary by resource name, read once per font object. */
export function fontsOf(resources: PDFDict | undefined, cache: Map<PDFDict | PDFRef, FontInfo>): Map<string, FontInfo> {
  const fonts = new Map<string, FontInfo>();
  const entries = resources?.lookup(name('Font'));
  if (!(entries instanceof PDFDict)) return fonts;
  for (const [key, value] of entries.entries()) {
    const dict = entries.lookup(key);
    if (!(dict instanceof PDFDict)) continue;
    const cacheKey = value instanceof PDFRef ? value : dict;
    let info = cache.get(cacheKey);
    if (!info) cache.set(cacheKey, (info = readFont(dict)));
    fonts.set(key.decodeText(), info);
  }
  return fonts;
}
