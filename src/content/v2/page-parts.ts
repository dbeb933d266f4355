/**
 * What several stages read of a general page: its photos (in stories and
 * standing alone), its lead story and the title that names it. One place,
 * so the pipeline, the template and the batch agree.
 */
import type { StoryModule } from './modules.ts';
import type { Page } from './page.ts';

/** Every photo on the page, in stories and standing alone: the image stage crops each to its frame. */
export function pagePhotos(page: Readonly<Page>) {
  return page.modules.flatMap((module) => {
    if (module.kind === 'story') return module.photos;
    if (module.kind === 'photo') return [{ id: module.id, file: module.file, caption: module.caption, credit: module.credit, focus: module.focus }];
    return [];
  });
}

/** The files a page places besides its photos (supplied ads): part of what a cached render depends on. */
export function pageAdFiles(page: Readonly<Page>): { id: string; file: string }[] {
  return page.modules.flatMap((module) => (module.kind === 'ad' && module.file !== undefined ? [{ id: module.id, file: module.file }] : []));
}

/** The lead story: the lowest rank, first in the editor's order. */
export function leadStory(page: Readonly<Page>): StoryModule | undefined {
  const stories = page.modules.filter((m): m is StoryModule => m.kind === 'story');
  return [...stories].sort((a, b) => a.rank - b.rank)[0];
}

/** The page's title: its own, else its lead story's headline, else the paper's name. */
export function pageTitle(page: Readonly<Page>): string {
  const lead = leadStory(page);
  return page.title ?? (lead ? [lead.headline.title, lead.headline.deck].filter(Boolean).join(' ') : (page.paper.name ?? page.id ?? 'Folio page'));
}
