/**
 * Which face sets each printed field, and from that the text each face sets,
 * so that only the font subsets an edition uses are emitted (Paged.js and the
 * browser load every @font-face they see) and every character can be checked
 * against the face that prints it (src/preflight/glyphs.ts).
 * Keep in step with the families and weights in styles/type.css.
 */
import type { FontFamily, FontUse } from '../assets/fonts.ts';
import type { Edition } from '../content/schema.ts';
import type { Page } from '../content/v2/page.ts';
import { AD_MARK, BYLINE_MARK, PAGE_TEMPLATE_TEXT, isRunInByline, pageFields } from './page-fields.ts';

export interface PrintedField {
  path: string;
  family: FontFamily;
  weight: number;
  text: string;
}

// Characters the templates and styles add themselves (folio-line labels, digits of dates,
// the slug line's dates and plate letters: src/paginate/page-runtime/paged-handlers.js).
const TEMPLATE_TEXT = '责任编辑：年月日0123456789-CMYK';
// The honors marker the template sets before each item.
const HONORS_STAR = '★';

/** Every printed field of the edition (or general page) with the face that sets it. */
export function printedFields(content: Readonly<Edition> | Readonly<Page>): PrintedField[] {
  if ('modules' in content) return pageFields(content);
  const edition = content;
  const fields: PrintedField[] = [];
  const add = (path: string, family: FontFamily, weight: number, text: string | number | undefined) => {
    if (text !== undefined && String(text).length > 0) fields.push({ path, family, weight, text: String(text) });
  };
  add('headline.kicker', 'Noto Sans SC', 700, edition.headline.kicker);
  add('headline.title', 'Noto Serif SC', 900, edition.headline.title);
  add('headline.deck', 'Noto Sans SC', 700, edition.headline.deck);
  add('byline', 'LXGW WenKai', 400, edition.byline);
  edition.honors?.forEach((honor, i) => add(`honors[${i}]`, 'Noto Sans SC', 500, honor));
  edition.photos.forEach((photo, i) => {
    add(`photos[${i}].caption`, 'LXGW WenKai', 400, photo.caption);
    add(`photos[${i}].credit`, 'Noto Sans SC', 400, photo.credit);
  });
  edition.photoGroups?.forEach((group, i) => {
    add(`photoGroups[${i}].caption`, 'LXGW WenKai', 400, group.caption);
    add(`photoGroups[${i}].credit`, 'Noto Sans SC', 400, group.credit);
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

/** The text each face sets: the printed fields, plus what the templates add. */
export function collectFontUses(content: Readonly<Edition> | Readonly<Page>): FontUse[] {
  const uses = new Map<string, FontUse>();
  const add = (family: FontFamily, weight: number, text: string) => {
    const key = `${family}:${weight}`;
    const use = uses.get(key) ?? { family, weight, text: '' };
    use.text += text;
    uses.set(key, use);
  };
  for (const field of printedFields(content)) add(field.family, field.weight, field.text);
  add('Noto Sans SC', 500, HONORS_STAR);
  if (hasBylineLine(content)) add('LXGW WenKai', 400, BYLINE_MARK);
  add('Noto Sans SC', 400, TEMPLATE_TEXT);
  if ('modules' in content) {
    add('Noto Sans SC', 400, PAGE_TEMPLATE_TEXT);
    add('Noto Sans SC', 700, AD_MARK);
  }
  return [...uses.values()];
}

/** Whether a byline stands on a line of its own, where the template sets its ■. */
function hasBylineLine(content: Readonly<Edition> | Readonly<Page>): boolean {
  if (!('modules' in content)) return content.byline !== undefined && content.byline.length > 0;
  return content.modules.some((module) => module.kind === 'story' && module.byline !== undefined && !isRunInByline(module.byline));
}
