/**
 * Glyph coverage before rendering: every character of the printed content
 * must be in the font that sets it, or Chromium silently falls back to
 * another font (a different face in the middle of a line, or tofu). The
 * fonts' unicode-range data (src/assets/fonts.ts findUncoveredCharacters) is
 * the character map used here: each npm font subset declares exactly the
 * code points its cmap holds.
 */
import { findUncoveredCharacters, type FontFamily } from '../assets/fonts.ts';
import type { LoadedEdition } from '../content/load.ts';
import type { Edition } from '../content/schema.ts';
import { ContentError } from '../errors.ts';
import type { Finding } from './types.ts';

interface PrintedField {
  path: string;
  family: FontFamily;
  weight: number;
  text: string;
}

/**
 * Every printed field with the face that sets it. Keep in step with
 * src/template/font-uses.ts and styles/type.css (which say the same per face).
 */
export function printedFields(edition: Readonly<Edition>): PrintedField[] {
  const fields: PrintedField[] = [];
  const add = (path: string, family: FontFamily, weight: number, text: string | number | undefined) => {
    if (text !== undefined && String(text).length > 0) fields.push({ path, family, weight, text: String(text) });
  };
  add('headline.kicker', 'Noto Sans SC', 700, edition.headline.kicker);
  add('headline.title', 'Noto Serif SC', 900, edition.headline.title);
  add('headline.deck', 'Noto Sans SC', 700, edition.headline.deck);
  add('byline', 'Noto Sans SC', 400, edition.byline);
  edition.honors?.forEach((honor, i) => add(`honors[${i}]`, 'Noto Sans SC', 500, honor));
  edition.photos.forEach((photo, i) => {
    add(`photos[${i}].caption`, 'LXGW WenKai', 400, photo.caption);
    add(`photos[${i}].credit`, 'Noto Sans SC', 400, photo.credit);
  });
  edition.sections.forEach((section, i) => {
    add(`sections[${i}].label`, 'Noto Sans SC', 700, section.label);
    add(`sections[${i}].year`, 'Noto Sans SC', 700, section.year);
    add(`sections[${i}].lead`, 'LXGW WenKai', 400, section.lead);
    section.articles.forEach((article, j) => {
      add(`sections[${i}].articles[${j}].label`, 'Noto Sans SC', 700, article.label);
      add(`sections[${i}].articles[${j}].title`, 'Noto Sans SC', 700, article.title);
      article.paragraphs.forEach((paragraph, k) => add(`sections[${i}].articles[${j}].paragraphs[${k}]`, 'Noto Serif SC', 400, paragraph));
    });
  });
  add('credit', 'Noto Sans SC', 400, edition.credit);
  for (const key of ['name', 'section', 'page', 'editor'] as const) add(`paper.${key}`, 'Noto Sans SC', 400, edition.paper[key]);
  return fields;
}

const codePoint = (point: number) => `U+${point.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * One error per character per field that no font has. Async because the
 * font catalogs are read from the font packages on first use.
 */
export async function checkGlyphCoverage(edition: Readonly<Edition>, file?: string): Promise<Finding[]> {
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
export async function assertGlyphCoverage(loaded: LoadedEdition, file = loaded.file): Promise<void> {
  const findings = await checkGlyphCoverage(loaded.edition);
  if (findings.length === 0) return;
  const listed = findings.slice(0, 5).map((finding) => `  ${finding.message}`);
  if (findings.length > 5) listed.push(`  …and ${findings.length - 5} more`);
  throw new ContentError(`${findings.length} character(s) of the content are in no font:\n${listed.join('\n')}`, {
    location: { file, path: findings[0]!.where },
    hint: findings[0]!.hint,
  });
}
