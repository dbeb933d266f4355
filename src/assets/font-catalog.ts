/**
 * Reads the @font-face subsets that the installed font packages declare
 * (Fontsource's Noto SC packages and lxgw-wenkai-webfont). Each package ships
 * one stylesheet per weight that splits the typeface into ~100 subsets, each
 * with a `unicode-range`; Folio needs those ranges to emit only the subsets a
 * page actually uses. Parsed once per process.
 */
import { access, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AssetError } from '../errors.ts';
import { t } from '../i18n/locale.ts';

export type FontFamily = 'Noto Serif SC' | 'Noto Sans SC' | 'LXGW WenKai';

export const FONT_FAMILIES: readonly FontFamily[] = ['Noto Serif SC', 'Noto Sans SC', 'LXGW WenKai'];

/** One @font-face subset of a family at one weight. */
export interface FontSubset {
  family: FontFamily;
  weight: number;
  /** Absolute path of the .woff2 file. */
  woff2: string;
  /** Absolute path of the .woff file, when the package ships one (Fontsource does, LXGW does not). */
  woff?: string;
  /** The `unicode-range` descriptor as written in the package CSS. */
  unicodeRange: string;
}

/** All subsets of one family+weight, with a code point → subset index lookup. */
export interface FontCatalog {
  subsets: FontSubset[];
  /** Indexes into `subsets` of every subset whose range contains the code point, ascending; empty when none does. */
  subsetsFor(codePoint: number): number[];
  /** A file with the whole script (Fontsource's `chinese-simplified`), when the package ships one. */
  wholeScript?: string;
}

const require = createRequire(import.meta.url);

/** Package directory, resolved through Node so hoisting or pnpm layouts work. */
export function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

const FONTSOURCE_PACKAGES: Partial<Record<FontFamily, string>> = {
  'Noto Serif SC': '@fontsource/noto-serif-sc',
  'Noto Sans SC': '@fontsource/noto-sans-sc',
};
const LXGW_PACKAGE = 'lxgw-wenkai-webfont';
/**
 * The whole LXGW WenKai in one file per weight, to cut a page's font from (the
 * webfont package has only ~100 slices, and a page's captions meet 20 of them).
 * Fontsource files it under its `latin` subset and labels the Regular 500;
 * the files' own OS/2 weights are 300, 400 and 700.
 */
const LXGW_WHOLE_PACKAGE = '@fontsource/lxgw-wenkai';
const LXGW_WHOLE_FILES: Readonly<Record<number, string>> = {
  300: 'lxgw-wenkai-latin-300-normal.woff2',
  400: 'lxgw-wenkai-latin-500-normal.woff2',
  700: 'lxgw-wenkai-latin-700-normal.woff2',
};

/** Every npm package Folio's fonts come from. */
export const FONT_PACKAGES: readonly string[] = [...Object.values(FONTSOURCE_PACKAGES), LXGW_PACKAGE, LXGW_WHOLE_PACKAGE];

/** lxgw-wenkai-webfont names its stylesheets by style name, not by weight. */
const LXGW_STYLESHEETS: Readonly<Record<number, string>> = { 300: 'lxgwwenkai-light.css', 400: 'lxgwwenkai-regular.css', 700: 'lxgwwenkai-bold.css' };

/** Weight → absolute stylesheet path, for every weight the package ships. */
async function stylesheets(family: FontFamily): Promise<Map<number, string>> {
  const fontsource = FONTSOURCE_PACKAGES[family];
  if (fontsource) {
    const dir = packageDir(fontsource);
    // metadata.json lists the weights that have a `<weight>.css`.
    const metadata = JSON.parse(await readFile(path.join(dir, 'metadata.json'), 'utf8')) as { weights: number[] };
    return new Map(metadata.weights.map((weight) => [weight, path.join(dir, `${weight}.css`)]));
  }
  const dir = packageDir(LXGW_PACKAGE);
  return new Map(Object.entries(LXGW_STYLESHEETS).map(([weight, file]) => [Number(weight), path.join(dir, file)]));
}

export async function availableWeights(family: FontFamily): Promise<number[]> {
  return [...(await stylesheets(family)).keys()].sort((a, b) => a - b);
}

/** Parses `U+4E00-9FFF`, `U+3000` and wildcard `U+4??` items into inclusive pairs. */
export function parseUnicodeRange(descriptor: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const item of descriptor.split(',')) {
    const token = item.trim().replace(/^U\+/i, '');
    if (!token) continue;
    const [start, end] = token.includes('?')
      ? [token.replaceAll('?', '0'), token.replaceAll('?', 'F')]
      : token.split('-');
    const low = Number.parseInt(start!, 16);
    const high = end === undefined ? low : Number.parseInt(end, 16);
    if (Number.isFinite(low) && Number.isFinite(high)) ranges.push([low, high]);
  }
  return ranges;
}

function descriptor(block: string, name: string): string | undefined {
  return new RegExp(`(?:^|;|\\s)${name}\\s*:\\s*([^;]+)`, 'i').exec(block)?.[1]?.trim();
}

/** Extracts the subsets from one package stylesheet; urls resolve against its folder. */
export function parseFontFaces(css: string, cssFile: string, family: FontFamily, weight: number): FontSubset[] {
  const subsets: FontSubset[] = [];
  for (const match of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const block = match[1]!;
    const src = descriptor(block, 'src') ?? '';
    const urls = [...src.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((url) => path.resolve(path.dirname(cssFile), url[1]!));
    const woff2 = urls.find((url) => url.endsWith('.woff2'));
    const unicodeRange = descriptor(block, 'unicode-range');
    if (!woff2 || !unicodeRange) continue;
    subsets.push({ family, weight, woff2, woff: urls.find((url) => url.endsWith('.woff')), unicodeRange: unicodeRange.replace(/\s+/g, '') });
  }
  return subsets;
}

const catalogs = new Map<string, Promise<FontCatalog>>();

async function loadCatalog(family: FontFamily, weight: number): Promise<FontCatalog> {
  const sheets = await stylesheets(family);
  const cssFile = sheets.get(weight);
  if (!cssFile) {
    const weights = [...sheets.keys()].sort((a, b) => a - b).join(', ');
    throw new AssetError(t('font.noWeight', { family, weight, weights }), {
      hint: t('font.noWeightHint', { family, weights }),
    });
  }
  let css: string;
  try {
    css = await readFile(cssFile, 'utf8');
  } catch (cause) {
    throw new AssetError(`cannot read the stylesheet of font "${family}" ${weight}: ${cssFile}`, { cause, hint: 'reinstall the dependencies with `npm ci`' });
  }
  const subsets = parseFontFaces(css, cssFile, family, weight);
  return { subsets, subsetsFor: rangeIndex(subsets), wholeScript: await wholeScriptFile(family, weight) };
}

/**
 * A lookup from code point to the subsets whose ranges contain it. Ranges
 * sorted by start, with the running maximum of their ends, answer it by
 * binary search, without expanding each weight's ~16,000 code points into a
 * map that every cold start would build again.
 */
function rangeIndex(subsets: readonly FontSubset[]): (codePoint: number) => number[] {
  const ranges = subsets
    .flatMap((subset, index) => parseUnicodeRange(subset.unicodeRange).map(([low, high]) => ({ low, high, index })))
    .sort((a, b) => a.low - b.low);
  const reach: number[] = [];
  ranges.forEach((range, i) => reach.push(Math.max(range.high, i > 0 ? reach[i - 1]! : -1)));
  return (codePoint) => {
    // The last range starting at or before the code point.
    let low = 0;
    let high = ranges.length - 1;
    let last = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (ranges[middle]!.low <= codePoint) {
        last = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    const found = new Set<number>();
    for (let i = last; i >= 0 && reach[i]! >= codePoint; i -= 1) {
      if (ranges[i]!.high >= codePoint) found.add(ranges[i]!.index);
    }
    return [...found].sort((a, b) => a - b);
  };
}

/**
 * Fontsource's `files/<id>-chinese-simplified-<weight>-normal.woff2`, or the
 * whole LXGW WenKai of that weight, when it is there.
 */
async function wholeScriptFile(family: FontFamily, weight: number): Promise<string | undefined> {
  const fontsource = FONTSOURCE_PACKAGES[family];
  let file: string;
  if (fontsource) {
    const id = fontsource.split('/')[1]!;
    file = path.join(packageDir(fontsource), 'files', `${id}-chinese-simplified-${weight}-normal.woff2`);
  } else if (LXGW_WHOLE_FILES[weight]) {
    file = path.join(packageDir(LXGW_WHOLE_PACKAGE), 'files', LXGW_WHOLE_FILES[weight]);
  } else {
    return undefined;
  }
  try {
    await access(file);
    return file;
  } catch {
    return undefined;
  }
}

/** The subsets of a family+weight; parsed on first use, then cached for the process. */
export function fontCatalog(family: FontFamily, weight: number): Promise<FontCatalog> {
  if (!FONT_FAMILIES.includes(family)) {
    return Promise.reject(new AssetError(t('font.unknownFamily', { family }), { hint: t('photo.useOneOf', { ids: FONT_FAMILIES.join(', ') }) }));
  }
  const key = `${family}\u0000${weight}`;
  let catalog = catalogs.get(key);
  if (!catalog) {
    catalog = loadCatalog(family, weight);
    // A failed load (bad weight) must not poison the cache for a later retry.
    catalog.catch(() => catalogs.delete(key));
    catalogs.set(key, catalog);
  }
  return catalog;
}
