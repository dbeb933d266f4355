/**
 * The printed fields of a general page (schema v2) with the face that sets
 * each: the same job as font-uses.ts does for the feature, for the module
 * kinds. Keep in step with the families and weights in styles/modules.css.
 */
import type { FontFamily } from '../assets/fonts.ts';
import type { Page } from '../content/v2/page.ts';
import type { PrintedField } from './font-uses.ts';

/** The face of a story title by rank: the lead story in 标宋-like serif black, the rest in 黑体-like sans bold. */
export function titleFace(rank: number): { family: FontFamily; weight: number } {
  return rank <= 1 ? { family: 'Noto Serif SC', weight: 900 } : { family: 'Noto Sans SC', weight: 700 };
}

// What the page templates add themselves: the masthead's weekday and issue words, the ad placeholder.
export const PAGE_TEMPLATE_TEXT = '星期一二三四五六日第期主办出版年月日';
/** The mark of an ad slot with no file (templates/partials/module-ad.hbs), set bold. */
export const AD_MARK = '广告';
/** The ■ styles/type.css sets before a byline of its own line (`.byline::before`, `.story__byline::before`), in its Kai face. */
export const BYLINE_MARK = '■';

/**
 * A byline in brackets, （记者 X）, runs into the first paragraph after the dateline, in the dateline's
 * face, as Chinese papers set it; any other (本报记者 X) stands on its own line under the headline.
 */
export function isRunInByline(byline: string | undefined): boolean {
  return byline !== undefined && /^[（(]/u.test(byline);
}

export function pageFields(page: Readonly<Page>): PrintedField[] {
  const fields: PrintedField[] = [];
  const add = (path: string, family: FontFamily, weight: number, text: string | number | undefined) => {
    if (text !== undefined && String(text).length > 0) fields.push({ path, family, weight, text: String(text) });
  };
  page.modules.forEach((module, m) => {
    const at = `modules[${m}]`;
    switch (module.kind) {
      case 'story': {
        const face = titleFace(module.rank);
        add(`${at}.headline.kicker`, 'LXGW WenKai', 400, module.headline.kicker);
        add(`${at}.headline.title`, face.family, face.weight, module.headline.title);
        add(`${at}.headline.deck`, 'Noto Sans SC', 500, module.headline.deck);
        add(`${at}.dateline`, 'Noto Sans SC', 700, module.dateline);
        if (isRunInByline(module.byline)) add(`${at}.byline`, 'Noto Sans SC', 700, module.byline);
        else add(`${at}.byline`, 'LXGW WenKai', 400, module.byline);
        add(`${at}.lead`, 'LXGW WenKai', 400, module.lead);
        module.body.forEach((item, i) =>
          typeof item === 'string'
            ? add(`${at}.body[${i}]`, 'Noto Serif SC', 400, item)
            : add(`${at}.body[${i}].subhead`, 'Noto Sans SC', 700, item.subhead),
        );
        add(`${at}.signoff`, 'Noto Serif SC', 400, module.signoff);
        // 转版 lines (templates/partials/module-story.hbs): the labels come from the issue.
        add(`${at}.continue`, 'Noto Sans SC', 400, module.continue === undefined ? undefined : `（下转第${module.continue}版）`);
        add(`${at}.continued.from`, 'Noto Sans SC', 400, module.continued === undefined ? undefined : `（上接第${module.continued.from}版）`);
        module.photos.forEach((photo, p) => {
          add(`${at}.photos[${p}].caption`, 'LXGW WenKai', 400, photo.caption);
          add(`${at}.photos[${p}].credit`, 'Noto Sans SC', 400, photo.credit);
        });
        break;
      }
      case 'photo':
        add(`${at}.caption`, 'LXGW WenKai', 400, module.caption);
        add(`${at}.credit`, 'Noto Sans SC', 400, module.credit);
        break;
      case 'box':
        add(`${at}.title`, 'Noto Sans SC', 700, module.title);
        module.items?.forEach((item, i) => add(`${at}.items[${i}]`, 'Noto Serif SC', 400, item));
        module.paragraphs?.forEach((paragraph, i) => add(`${at}.paragraphs[${i}]`, 'Noto Serif SC', 400, paragraph));
        if (Array.isArray(module.index)) {
          module.index.forEach((entry, i) => {
            add(`${at}.index[${i}].label`, 'Noto Sans SC', 700, `${entry.label}${entry.name ?? ''}`);
            entry.headlines.forEach((headline, h) => add(`${at}.index[${i}].headlines[${h}]`, 'Noto Serif SC', 400, headline));
          });
        }
        break;
      case 'ad':
      case 'feature':
        break;
    }
  });
  add('furniture.credit', 'Noto Sans SC', 400, page.furniture.credit);
  add('paper.name', 'Noto Sans SC', 400, page.paper.name);
  add('paper.name', 'Noto Serif SC', 900, page.furniture.masthead ? page.paper.name : undefined);
  for (const key of ['section', 'page', 'editor', 'cn', 'publisher'] as const) add(`paper.${key}`, 'Noto Sans SC', 400, page.paper[key]);
  add('paper.page', 'Noto Sans SC', 700, page.paper.page);
  add('paper.issueNumber', 'Noto Sans SC', 400, page.paper.issueNumber);
  return fields;
}
