/**
 * One font file per face instead of dozens of slices. The npm packages split
 * each face into ~100 unicode-range slices, and a page's text meets 15–20 of
 * each; Chromium then decodes, shapes from and embeds every one of them
 * (81 files for the feature, ~90 ms of loading and 30 ms of printing a page).
 * Where a whole-script file exists (Fontsource's `chinese-simplified` for
 * Noto, the whole LXGW WenKai), Folio cuts from it a font with exactly the page's
 * characters, with HarfBuzz's subsetter, and caches it by content: the same
 * text in the same face reuses the file. Characters the whole-script file
 * lacks stay with their slices.
 */
import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isCached, writeAtomically } from './image-cache.ts';

export interface MergedFace {
  /** The cut font (TrueType), in the cache. */
  file: string;
  /** Code points the cut font has, of those asked for. */
  codePoints: number[];
}

/** Bump to invalidate cached cuts when the way they are made changes. */
const CUT_VERSION = 1;

const coverages = new Map<string, Promise<Set<number>>>();

/**
 * Every code point a TrueType file maps (HarfBuzz reads no WOFF2, so this runs
 * on the cut). A cut is named by its content, so its coverage is read once per process.
 */
function coverageOf(file: string): Promise<Set<number>> {
  let coverage = coverages.get(file);
  if (!coverage) {
    coverage = (async () => {
      const hb = await import('harfbuzzjs');
      return new Set(new hb.Face(new hb.Blob(await readFile(file)), 0).collectUnicodes());
    })();
    coverage.catch(() => coverages.delete(file));
    coverages.set(file, coverage);
  }
  return coverage;
}

/**
 * The face of `source` cut to the code points it has among `wanted`, or
 * undefined when it has none of them.
 */
export async function mergeFace(source: string, wanted: readonly number[], cacheDir: string): Promise<MergedFace | undefined> {
  if (wanted.length === 0) return undefined;
  const sorted = [...wanted].sort((a, b) => a - b);
  const { size, mtimeMs } = await stat(source);
  const key = createHash('sha256')
    .update(JSON.stringify({ CUT_VERSION, source, size, mtimeMs, sorted }))
    .digest('hex')
    .slice(0, 32);
  const file = path.join(cacheDir, 'fonts', `${key}.ttf`);
  if (!(await isCached(file))) {
    // Loaded only for a cut not in the cache yet. subset-font keeps every
    // layout feature (its default is hb-subset's --layout-features=*), so the
    // GPOS halt and chws that punctuation compression needs survive (issue 19).
    const { default: subsetFont } = await import('subset-font');
    const cut = await subsetFont(await readFile(source), String.fromCodePoint(...sorted), { targetFormat: 'truetype' });
    await writeAtomically(file, (temporary) => writeFile(temporary, cut));
  }
  const coverage = await coverageOf(file);
  const codePoints = sorted.filter((point) => coverage.has(point));
  return codePoints.length > 0 ? { file, codePoints } : undefined;
}

/** A unicode-range descriptor listing the code points, runs folded into ranges. */
export function unicodeRangeOf(codePoints: readonly number[]): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const parts: string[] = [];
  const hex = (point: number) => point.toString(16).toUpperCase();
  for (let i = 0; i < sorted.length; i += 1) {
    const start = sorted[i]!;
    while (sorted[i + 1] === sorted[i]! + 1) i += 1;
    parts.push(start === sorted[i] ? `U+${hex(start)}` : `U+${hex(start)}-${hex(sorted[i]!)}`);
  }
  return parts.join(', ');
}
