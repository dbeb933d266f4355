/**
 * Glyph coverage before rendering: every character of the printed content
 * must be in the font that sets it, or Chromium silently falls back to
 * another font (a different face in the middle of a line, or tofu). The
 * fonts' unicode-range data (src/assets/fonts.ts findUncoveredCharacters) is
 * the character map used here: each npm font subset declares exactly the
 * code points its cmap holds.
 */
import { findUncoveredCharacters } from '../assets/fonts.ts';
import { printedFields } from '../template/font-uses.ts';
import type { LoadedEdition, LoadedPage } from '../content/load.ts';
import type { Edition } from '../content/schema.ts';
import type { Page } from '../content/v2/page.ts';
import { ContentError } from '../errors.ts';
import type { Finding } from './types.ts';

export { printedFields } from '../template/font-uses.ts';

const codePoint = (point: number) => `U+${point.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * One error per character per field that no font has. Async because the
 * font catalogs are read from the font packages on first use.
 */
export async function checkGlyphCoverage(edition: Readonly<Edition> | Readonly<Page>, file?: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const field of printedFields(edition)) {
    for (const missing of await findUncoveredCharacters([{ family: field.family, weight: field.weight, text: field.text }])) {
      findings.push({
        rule: 'glyphs',
        severity: 'error',
        where: file ? `${file} (${field.path})` : field.path,
        message: `character "${missing.char}" (${codePoint(missing.codePoint)}) in ${field.path} is in no font: ${missing.family} ${missing.weight} has no glyph for it`,
        hint: 'replace it with a character the font has (e.g. a full-width form), or remove it',
      });
    }
  }
  return findings;
}

/**
 * For the pipeline, before rendering: throws a ContentError (exit 2) that
 * lists the characters no font has, located at the first one's field.
 */
export async function assertGlyphCoverage(loaded: LoadedEdition | LoadedPage, file = loaded.file): Promise<void> {
  const findings = await checkGlyphCoverage('page' in loaded ? loaded.page : loaded.edition);
  if (findings.length === 0) return;
  const listed = findings.slice(0, 5).map((finding) => `  ${finding.message}`);
  if (findings.length > 5) listed.push(`  …and ${findings.length - 5} more`);
  throw new ContentError(`${findings.length} character(s) of the content are in no font:\n${listed.join('\n')}`, {
    location: { file, path: findings[0]!.where },
    hint: findings[0]!.hint,
  });
}
