/**
 * Jumps (转版) and the 导读 box, the pure parts (issue 18, steps 3 and 4;
 * docs/design/issues-and-years.md, sections 3 and 4). The browser reports
 * where a story's module ends (a text item and a character offset at a line
 * boundary); from that and the story as loaded, this makes the continuation
 * module the target page receives, holding exactly the text after the split.
 * Page labels come from the issue's page list, never from what was typed.
 */
import type { StoryModule } from '../content/v2/modules.ts';
import type { Page } from '../content/v2/page.ts';

/** Where the first part of a story ends: a text item of the story (its lead, a body item by index, its sign-off) and a character offset in it. */
export interface SplitPoint {
  item: 'lead' | 'signoff' | number;
  offset: number;
}

/** A story split on one page and continued on another, as the page's fit reports it. */
export interface StoryJump {
  id: string;
  split: SplitPoint;
}

type BodyItem = StoryModule['body'][number];

/** What a continuation module holds: the story's text after the split, and whether it opens on a paragraph's tail. */
export interface StoryRest {
  body: BodyItem[];
  signoff?: string;
  /** The first paragraph is the tail of one cut mid-way: set without indent. */
  tail: boolean;
}

/** The story's text after `split`: the split paragraph's tail first, then every later item. Undefined when nothing is left. */
export function storyRest(story: Pick<StoryModule, 'lead' | 'body' | 'signoff'>, split: SplitPoint): StoryRest | undefined {
  const withSignoff = (body: BodyItem[], tail: boolean): StoryRest | undefined =>
    body.length === 0 ? undefined : { body, tail, ...(story.signoff === undefined ? {} : { signoff: story.signoff }) };
  if (split.item === 'signoff') return undefined;
  if (split.item === 'lead') {
    const lead = story.lead ?? '';
    const tail = lead.slice(split.offset);
    return withSignoff([...(tail.length > 0 ? [tail] : []), ...story.body], split.offset > 0 && tail.length > 0);
  }
  const item = story.body[split.item];
  if (item === undefined) throw new RangeError(`split at body item ${split.item}, but the story has ${story.body.length}`);
  if (typeof item !== 'string' || split.offset === 0) return withSignoff(story.body.slice(split.item), false);
  const tail = item.slice(split.offset);
  const later = story.body.slice(split.item + 1);
  return withSignoff(tail.length > 0 ? [tail, ...later] : later, tail.length > 0);
}

/** The text of the story's first part on its own page: what comes before `split`, in reading order. */
export function storyHead(story: Pick<StoryModule, 'lead' | 'body'>, split: SplitPoint): string[] {
  const items = [...(story.lead === undefined ? [] : [story.lead]), ...story.body.map((item) => (typeof item === 'string' ? item : item.subhead))];
  const at = split.item === 'lead' ? 0 : split.item === 'signoff' ? items.length : split.item + (story.lead === undefined ? 0 : 1);
  const cut = items[at]?.slice(0, split.offset);
  return [...items.slice(0, at), ...(cut ? [cut] : [])];
}

/** The id the continuation of story `id` takes on its target page. */
export const continuationId = (id: string) => `${id}~cont`;

/**
 * The continuation module for the target page: 上接第X版 (the source page's
 * label) and a short repeated head (the title only), then the rest of the
 * text. Its rank is the lightest, so its head is set in the smallest size of
 * the ladder and it reads after the page's own stories.
 */
export function continuationModule(story: StoryModule, split: SplitPoint, fromLabel: string): Record<string, unknown> | undefined {
  const rest = storyRest(story, split);
  if (!rest) return undefined;
  return {
    kind: 'story',
    id: continuationId(story.id),
    rank: 9,
    headline: { title: story.headline.title },
    body: rest.body,
    ...(rest.signoff === undefined ? {} : { signoff: rest.signoff }),
    continued: { from: fromLabel, tail: rest.tail },
  };
}

/** A page of the issue as the 导读 box and the jumps see it. */
export interface IssuePageContent {
  label: string;
  name: string;
  file: string;
  page: Readonly<Page>;
}

/** The 导读 entry of one page: its label, 版名 and the headlines of its lead stories (the lightest rank ≤ the page's lead rank), in page order. */
export function indexEntry(page: IssuePageContent): { label: string; name: string; headlines: string[] } {
  const stories = page.page.modules.flatMap((module) => (module.kind === 'story' && module.continued === undefined ? [module] : []));
  const leadRank = Math.min(...stories.map((story) => story.rank));
  return {
    label: page.label,
    name: page.name,
    headlines: stories.filter((story) => story.rank === leadRank).map((story) => story.headline.title),
  };
}

/** The 导读 box of page `index`: every later page of the issue, in order. */
export function indexEntries(pages: readonly IssuePageContent[], index: number) {
  return pages.slice(index + 1).map(indexEntry);
}

/** The page a `continue:` names: by label (A3, any case) or by its file as issue.yaml writes it; -1 when none. */
export function jumpTargetOf(target: string, pages: readonly Pick<IssuePageContent, 'label' | 'file'>[]): number {
  const byLabel = pages.findIndex((page) => page.label.toUpperCase() === target.toUpperCase());
  return byLabel >= 0 ? byLabel : pages.findIndex((page) => page.file === target);
}
