/**
 * Chooses the font files a page needs. Paged.js force-loads every
 * @font-face it finds before paginating, so emitting the full package CSS
 * (~100 subsets per weight) costs about a second per weight; emitting only a
 * face cut to the page's text (font-merge.ts), or else the subsets whose
 * unicode-range meets it, keeps that cheap.
 */
import { pathToFileURL } from 'node:url';
import { fontCatalog, type FontCatalog, type FontFamily, type FontSubset } from './font-catalog.ts';
import { mergeFace, unicodeRangeOf } from './font-merge.ts';

export type { FontFamily } from './font-catalog.ts';
export { availableWeights } from './font-catalog.ts';

/** Text set in one family at one weight. */
export interface FontUse {
  family: FontFamily;
  weight: number;
  text: string;
}

export interface FontFaceFile {
  family: FontFamily;
  weight: number;
  /** Absolute path of the font file: a package's woff2 slice, or a face cut for the page (TrueType). */
  file: string;
  unicodeRange: string;
}

export interface UncoveredCharacter {
  char: string;
  codePoint: number;
  family: FontFamily;
  weight: number;
}

/** Control characters (newlines, tabs) are never drawn, so they need no font. */
const NOT_DRAWN = /\p{Cc}/u;
/** Spaces and invisible format characters render without a glyph of their own. */
const NO_GLYPH_NEEDED = /[\s\p{Cc}\p{Cf}]/u;

/** Unique code points of the text, in first-seen order. */
function codePoints(text: string, skip: RegExp): number[] {
  const seen = new Set<number>();
  for (const char of text) {
    if (!skip.test(char)) seen.add(char.codePointAt(0)!);
  }
  return [...seen];
}

/** Merges uses of the same family+weight so each catalog is consulted once. */
function mergeUses(uses: readonly FontUse[]): FontUse[] {
  const merged = new Map<string, FontUse>();
  for (const use of uses) {
    const key = `${use.family}\u0000${use.weight}`;
    const existing = merged.get(key);
    if (existing) existing.text += use.text;
    else merged.set(key, { ...use });
  }
  return [...merged.values()];
}

/** Indexes of the subsets that contain at least one of the code points, in stylesheet order. */
function subsetIndexesFor(catalog: FontCatalog, points: readonly number[]): number[] {
  const indexes = new Set<number>();
  for (const point of points) {
    for (const index of catalog.subsetsFor(point)) indexes.add(index);
  }
  // Stylesheet order matters: for overlapping ranges the browser prefers the
  // face declared last, so keep the package's own order.
  return [...indexes].sort((a, b) => a - b);
}

function cssString(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

function fontFaceRule(face: FontFaceFile): string {
  return [
    '@font-face {',
    `  font-family: ${cssString(face.family)};`,
    '  font-style: normal;',
    `  font-weight: ${face.weight};`,
    // block: never paint fallback glyphs that would be measured and paginated.
    '  font-display: block;',
    `  src: url(${cssString(pathToFileURL(face.file).href)}) format("${face.file.endsWith('.woff2') ? 'woff2' : 'truetype'}");`,
    `  unicode-range: ${face.unicodeRange};`,
    '}',
  ].join('\n');
}

/**
 * The @font-face rules (file:// urls) for exactly the text's characters: one
 * face cut for the page where the package has a whole-script file (see
 * font-merge.ts), else the package's slices that the text meets. Without a
 * cache folder only slices are used.
 */
export async function selectFontFaces(uses: FontUse[], cacheDir?: string): Promise<{ css: string; faces: FontFaceFile[] }> {
  const faces: FontFaceFile[] = [];
  for (const use of mergeUses(uses)) {
    const catalog = await fontCatalog(use.family, use.weight);
    const points = codePoints(use.text, NOT_DRAWN);
    const merged = cacheDir && catalog.wholeScript ? await mergeFace(catalog.wholeScript, points, cacheDir) : undefined;
    const inMerged = new Set(merged?.codePoints);
    for (const index of subsetIndexesFor(catalog, points.filter((point) => !inMerged.has(point)))) {
      const subset = catalog.subsets[index]!;
      faces.push({ family: use.family, weight: use.weight, file: subset.woff2, unicodeRange: subset.unicodeRange });
    }
    // Declared last: where ranges overlap, the browser takes the face declared last.
    if (merged) faces.push({ family: use.family, weight: use.weight, file: merged.file, unicodeRange: unicodeRangeOf(merged.codePoints) });
  }
  return { css: faces.map(fontFaceRule).join('\n\n') + (faces.length ? '\n' : ''), faces };
}

/** Characters of the text that no subset of their family+weight covers (they would fall back to another font). */
export async function findUncoveredCharacters(uses: FontUse[]): Promise<UncoveredCharacter[]> {
  const uncovered: UncoveredCharacter[] = [];
  for (const use of mergeUses(uses)) {
    const catalog = await fontCatalog(use.family, use.weight);
    for (const codePoint of codePoints(use.text, NO_GLYPH_NEEDED)) {
      if (catalog.subsetsFor(codePoint).length === 0) {
        uncovered.push({ char: String.fromCodePoint(codePoint), codePoint, family: use.family, weight: use.weight });
      }
    }
  }
  return uncovered;
}

/**
 * The package slices (unicode-range subsets) that cover the text, in
 * stylesheet order. The placeholder generator turns them into TrueType for
 * Pango (truetype-slices.ts).
 */
export async function fontSubsetsFor(family: FontFamily, weight: number, text: string): Promise<FontSubset[]> {
  const catalog = await fontCatalog(family, weight);
  return subsetIndexesFor(catalog, codePoints(text, NOT_DRAWN)).map((index) => catalog.subsets[index]!);
}
