/**
 * TrueType copies of the font packages' slices, for text that sharp draws
 * itself (photo placeholders). sharp sets text with Pango, and Pango takes
 * only fonts whose fontconfig `fontwrapper` is SFNT ("Harfbuzz supports only
 * SFNT fonts", pango_fc_is_supported_font_format in pangofc-fontmap.c). The
 * packages ship WOFF and WOFF2 only: fontconfig registers those without
 * complaint, Pango then skips them, falls back to a system font without CJK
 * and draws every Chinese character as a hex box.
 *
 * A whole slice is converted, not the text's characters, so the files (and
 * the fonts registered with the process's fontconfig) stay bounded by the
 * package's ~100 slices per weight, whatever captions come along. The source
 * is the slice's WOFF where the package ships one: Fontsource's Noto WOFF2
 * slices name their family "Noto Sans SC Thin" at every weight, which the
 * font description "Noto Sans SC" would not match; its WOFF slices say "Noto Sans SC".
 */
import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseUnicodeRange, type FontFamily, type FontSubset } from './font-catalog.ts';
import { fontSubsetsFor } from './fonts.ts';
import { isCached, writeAtomically } from './image-cache.ts';

/** Bump to invalidate cached copies when the way they are made changes. */
const COPY_VERSION = 1;

/** Every code point of the slice's unicode-range, as text for the subsetter. */
function sliceText(subset: FontSubset): string {
  const chars: string[] = [];
  for (const [low, high] of parseUnicodeRange(subset.unicodeRange)) {
    for (let point = low; point <= high; point += 1) chars.push(String.fromCodePoint(point));
  }
  return chars.join('');
}

/** The slice as a TrueType file in `cacheDir/fonts`, made once and then reused. */
async function trueTypeCopy(subset: FontSubset, cacheDir: string): Promise<string> {
  const source = subset.woff ?? subset.woff2;
  const { size, mtimeMs } = await stat(source);
  const key = createHash('sha256')
    .update(JSON.stringify({ COPY_VERSION, source, size, mtimeMs }))
    .digest('hex')
    .slice(0, 32);
  const file = path.join(cacheDir, 'fonts', `${key}.ttf`);
  if (!(await isCached(file))) {
    // Loaded only for a slice not in the cache yet. Cut to the slice's own
    // unicode-range: every glyph the slice is there for.
    const { default: subsetFont } = await import('subset-font');
    const copy = await subsetFont(await readFile(source), sliceText(subset), { targetFormat: 'truetype' });
    await writeAtomically(file, (temporary) => writeFile(temporary, copy));
  }
  return file;
}

/** TrueType files (in `cacheDir/fonts`) of the package slices that cover the text. */
export async function trueTypeSlicesFor(family: FontFamily, weight: number, text: string, cacheDir: string): Promise<string[]> {
  return Promise.all((await fontSubsetsFor(family, weight, text)).map((subset) => trueTypeCopy(subset, cacheDir)));
}
