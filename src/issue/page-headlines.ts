/**
 * The headlines of a page as the annual volume lists them (issue 18, step 6):
 * every story's title from the page file, in the file's order, marked when
 * its rank is the page's lead rank (the lowest on the page). A feature page
 * (v1, or a v2 page of one feature module) has one headline, its own lead.
 * Nothing is made up: a page without stories lists none.
 */
import type { Edition } from '../content/schema.ts';
import type { Page } from '../content/v2/page.ts';

export interface PageHeadline {
  /** The story's id on the page (a feature edition's: "feature"). */
  id: string;
  /** 主题 as written; a space marks the editor's preferred break and is kept as one space. */
  title: string;
  /** Of the page's lead rank: listed in the table of contents. */
  lead: boolean;
}

export function pageHeadlines(content: Readonly<Edition | Page>): PageHeadline[] {
  const tidy = (title: string) => title.trim().replace(/\s+/g, ' ');
  if (!('modules' in content)) return [{ id: 'feature', title: tidy(content.headline.title), lead: true }];
  const stories: { id: string; title: string; rank: number }[] = [];
  for (const module of content.modules) {
    if (module.kind === 'story') stories.push({ id: module.id, title: tidy(module.headline.title), rank: module.rank });
    else if (module.kind === 'feature') stories.push({ id: module.id, title: tidy(module.headline.title), rank: 1 });
  }
  const leadRank = Math.min(...stories.map((story) => story.rank));
  return stories.map((story) => ({ id: story.id, title: story.title, lead: story.rank === leadRank }));
}
