/**
 * What the content interpreter (content.ts) records, its graphics state, and
 * the dictionary reading it needs: image entries (an XObject's dictionary or
 * an inline image's abbreviated keys, ISO 32000-1 §8.9.7) and the
 * transparency an ExtGState turns on (§11.6.4).
 */
import { decodePDFRawStream, PDFArray, PDFBool, PDFDict, PDFName, PDFNumber, PDFRawStream, type PDFObject } from 'pdf-lib';
import type { Operand } from '../../pdf/read/content-tokens.ts';
import type { ColourFamily } from './colour-spaces.ts';
import type { FontInfo } from './fonts.ts';
import type { Matrix, Rect } from './geometry.ts';

/** A colour as painted: its family and its operands (CMYK 0–1, a spot tint, …). */
export interface Paint {
  family: ColourFamily;
  values: number[];
}

export interface Mark {
  kind: 'text' | 'path' | 'image' | 'shading';
  /** Page coordinates, clipped. */
  bbox: Rect;
  /** False for paper-white paint, which lays no ink. */
  ink: boolean;
  /** The fill colour of a filled path or of text. */
  fill?: Paint;
}

export interface TextRun extends Mark {
  kind: 'text';
  /** Effective size on the page: the font size through the text and current matrices. */
  sizePt: number;
  font: string;
  glyphs: number;
  fill: Paint;
  /** Whether the fill overprints (ExtGState /op, ISO 32000-1 §8.6.7). */
  overprint: boolean;
}

export interface ImagePlacement extends Mark {
  kind: 'image';
  name: string;
  widthPx: number;
  heightPx: number;
  /** Effective resolution at the placed size. */
  ppiX: number;
  ppiY: number;
  family: ColourFamily;
}

export interface PageContent {
  marks: Mark[];
  texts: TextRun[];
  images: ImagePlacement[];
  /** Painting operations per colour family, e.g. `rgb` → 12. */
  colourUses: Map<ColourFamily, number>;
  /** Why the page uses transparency, one entry per cause. */
  transparency: string[];
}

export interface State {
  ctm: Matrix;
  clip: Rect;
  fill: Paint;
  stroke: Paint;
  overprintFill: boolean;
  overprintStroke: boolean;
  lineWidth: number;
  font?: FontInfo;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  renderMode: number;
}

const name = (value: string) => PDFName.of(value);
const num = (value: PDFObject | undefined) => (value instanceof PDFNumber ? value.asNumber() : undefined);

/** A stream's decoded bytes; empty when it cannot be decoded (preflight reads what it can). */
export function decode(stream: PDFObject | undefined): Uint8Array {
  if (!(stream instanceof PDFRawStream)) return new Uint8Array();
  try {
    return decodePDFRawStream(stream).decode();
  } catch {
    return new Uint8Array();
  }
}

/** Size, mask flag and colour space of an image XObject (dict) or inline image (operands between BI and ID). */
export function imageEntries(dict: PDFDict | undefined, inline: Operand[] | undefined) {
  const entry = (short: string, long: string): PDFObject | undefined => {
    if (dict) return dict.lookup(name(long));
    const index = inline?.findIndex((o) => o.kind === 'name' && (o.value === short || o.value === long)) ?? -1;
    const value = index >= 0 ? inline![index + 1] : undefined;
    if (value?.kind === 'number') return PDFNumber.of(value.value as number);
    if (value?.kind === 'keyword') return value.value === 'true' ? PDFBool.True : PDFBool.False;
    if (value?.kind === 'name') return name(String(value.value));
    return undefined;
  };
  return {
    widthPx: num(entry('W', 'Width')) ?? 0,
    heightPx: num(entry('H', 'Height')) ?? 0,
    isMask: entry('IM', 'ImageMask') === PDFBool.True,
    colourSpace: entry('CS', 'ColorSpace'),
  };
}

/** The transparency an ExtGState sets: a soft mask, constant alpha below 1, a blend mode other than Normal. */
export function transparencyOf(state: PDFDict, key: string): string[] {
  const causes: string[] = [];
  const smask = state.lookup(name('SMask'));
  if (smask && smask !== name('None')) causes.push(`soft mask in graphics state /${key}`);
  for (const alpha of ['CA', 'ca']) {
    const value = num(state.lookup(name(alpha)));
    if (value !== undefined && value < 1) causes.push(`/${alpha} ${value} in graphics state /${key}`);
  }
  const blend = state.lookup(name('BM'));
  const mode = blend instanceof PDFArray ? blend.lookup(0) : blend;
  if (mode instanceof PDFName && !['Normal', 'Compatible'].includes(mode.decodeText())) causes.push(`blend mode ${mode.decodeText()} in graphics state /${key}`);
  return causes;
}
