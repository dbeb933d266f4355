/**
 * Which text each face sets, so that only the font subsets an edition uses
 * are emitted (Paged.js force-loads every @font-face it sees).
 * Keep in step with the families and weights in styles/type.css.
 */
import type { FontUse } from '../assets/fonts.ts';
import type { Edition } from '../content/schema.ts';

// Characters the templates and styles add themselves (stars, folio-line labels, digits of dates).
const TEMPLATE_TEXT = '★责任编辑：年月日0123456789';

export function collectFontUses(edition: Edition): FontUse[] {
  const sections = edition.sections;
  const articles = sections.flatMap((section) => section.articles);
  const paper = edition.paper;
  return [
    { family: 'Noto Serif SC', weight: 400, text: articles.flatMap((a) => a.paragraphs).join('') },
    { family: 'Noto Serif SC', weight: 900, text: edition.headline.title },
    {
      family: 'Noto Sans SC',
      weight: 700,
      text: [
        edition.headline.kicker ?? '',
        edition.headline.deck ?? '',
        ...sections.map((s) => `${s.label}${s.year ?? ''}`),
        ...articles.map((a) => `${a.label ?? ''}${a.title}`),
      ].join(''),
    },
    { family: 'Noto Sans SC', weight: 500, text: `★${(edition.honors ?? []).join('')}` },
    {
      family: 'Noto Sans SC',
      weight: 400,
      text: [
        edition.byline ?? '',
        edition.credit ?? '',
        ...edition.photos.map((p) => p.credit ?? ''),
        paper.name ?? '',
        paper.section ?? '',
        paper.page ?? '',
        paper.editor ?? '',
        TEMPLATE_TEXT,
      ].join(''),
    },
    {
      family: 'LXGW WenKai',
      weight: 400,
      text: [...edition.photos.map((p) => p.caption), ...sections.map((s) => s.lead ?? '')].join(''),
    },
  ];
}
