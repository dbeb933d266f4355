/**
 * The story splitter (issue 17, Import; docs/design/general-pages.md, section
 * 9): tagged lines → stories, in reading order. A story starts at a headline
 * block (1–3 headline-like lines in a row). After the first story, a block
 * starts a new story on evidence: a dateline or byline under it, or the story
 * before it signed off (（完）, （本报记者 X）). A 2–3-line block with neither is
 * taken as a new story too, and said so; a single line with neither is a
 * subhead of the story it sits in, and said so. Nothing is dropped here.
 */
import type { SourceLine } from '../blocks.ts';
import type { Report } from '../assemble.ts';
import type { CaptionMark } from './captions.ts';
import { isSignoffLine } from './recognise.ts';
import type { Tagged } from './tag.ts';

export type BodyPart =
  /** signoff: a line that may sign the story off; `proper` for （完） and （本报记者 X）, `byline` for a plain 本报记者 X after the text. */
  | { kind: 'para'; text: string; source: SourceLine; signoff?: SignoffKind }
  | { kind: 'subhead'; text: string; source: SourceLine };

/** Why a story starts where it does. */
export type SignoffKind = 'proper' | 'byline';

export type StoryStart = 'first' | 'dateline' | 'byline' | 'signoff' | 'guess';

export interface DraftStory {
  /** The headline block: 1–3 lines (title; title + deck; kicker + title + deck). */
  headline: SourceLine[];
  start: StoryStart;
  dateline?: { text: string; source: SourceLine };
  bylines: { text: string; source: SourceLine }[];
  body: BodyPart[];
  photos: CaptionMark[];
  /** Photo credits with no caption above them. */
  credits: SourceLine[];
}

export interface SplitPage {
  stories: DraftStory[];
  pageCredits: SourceLine[];
}

const MAX_HEADLINE_LINES = 3;
const short = (text: string) => (Array.from(text).length > 24 ? `${Array.from(text).slice(0, 24).join('')}…` : text);

/** How a headline block at `index` (of `count` lines) may start a story: the evidence under it, if any. */
function evidenceAfter(tagged: readonly Tagged[], index: number, count: number): StoryStart | undefined {
  let next = index + count;
  while (tagged[next]?.kind === 'caption') next += 1;
  const kind = tagged[next]?.kind;
  return kind === 'dateline' ? 'dateline' : kind === 'byline' ? 'byline' : undefined;
}

/** The title line of a headline block: the middle one of three (kicker, title, deck), else the first. */
export const titleLine = (headline: readonly SourceLine[]) => headline[headline.length === 3 ? 1 : 0]!;

const signedOff = (story: DraftStory | undefined) => {
  const last = story?.body.at(-1);
  // Only a proper sign-off ends a story for sure; a plain byline after the text may be the feature's (the Wuzhi page has one among its captions).
  return last?.kind === 'para' && last.signoff === 'proper';
};

export function splitStories(tagged: readonly Tagged[], report: Report): SplitPage {
  const stories: DraftStory[] = [];
  const pageCredits: SourceLine[] = [];
  let story: DraftStory | undefined;
  const para = (source: SourceLine, text = source.text, signoff?: SignoffKind) => story!.body.push({ kind: 'para', text, source, ...(signoff ? { signoff } : {}) });
  const open = (headline: SourceLine[], start: StoryStart) => {
    story = { headline, start, bylines: [], body: [], photos: [], credits: [] };
    stories.push(story);
  };

  for (let index = 0; index < tagged.length; index += 1) {
    const item = tagged[index]!;
    if (item.kind === 'title' || !story) {
      let count = 1;
      while (item.kind === 'title' && tagged[index + count]?.kind === 'title') count += 1;
      const evidence = !story ? 'first' : evidenceAfter(tagged, index, count) ?? (signedOff(story) ? 'signoff' : undefined);
      const guess = !evidence && count > 1 && count <= MAX_HEADLINE_LINES;
      if (!story && count > MAX_HEADLINE_LINES) {
        // More headline-like lines at the top than a headline holds: the first is the headline, the rest stay text.
        open([item.source], 'first');
        for (let n = 1; n < count; n += 1) para(tagged[index + n]!.source);
        report.warn(item.source.line, `${count} headline-like lines at the top: the first taken as the headline, the others kept as paragraphs`, tagged[index + count - 1]!.source.line);
        index += count - 1;
        continue;
      }
      if (evidence || guess) {
        // More headline-like lines than a headline holds: the ones before the last three stay text of the story above.
        const extra = Math.max(0, count - MAX_HEADLINE_LINES);
        for (let n = 0; n < extra; n += 1) para(tagged[index + n]!.source);
        if (extra > 0) report.warn(tagged[index]!.source.line, `${count} headline-like lines in a row: the last ${MAX_HEADLINE_LINES} taken as a headline, the ones before kept as paragraphs`, tagged[index + extra - 1]!.source.line);
        open(tagged.slice(index + extra, index + count).map((t) => t.source), evidence ?? 'guess');
        if (guess) {
          report.warn(item.source.line, `a ${count}-line headline-like block with no dateline or byline under it: taken as the headline of a new story; if it is part of the story above, make it a subhead`, tagged[index + count - 1]!.source.line);
        }
        index += count - 1;
        continue;
      }
      for (let n = 0; n < count; n += 1) {
        const source = tagged[index + n]!.source;
        if (count > MAX_HEADLINE_LINES) para(source);
        else {
          story!.body.push({ kind: 'subhead', text: source.text, source });
          report.warn(source.line, `“${short(source.text)}” read as a subhead of “${short(titleLine(story!.headline).text)}”: no dateline or byline under it; if it is the headline of another story, give it its dateline or byline`);
        }
      }
      if (count > MAX_HEADLINE_LINES) report.warn(item.source.line, `${count} headline-like lines in a row with no dateline or byline: kept as paragraphs`, tagged[index + count - 1]!.source.line);
      index += count - 1;
      continue;
    }
    addToStory(story, item, report, para, pageCredits);
  }
  return { stories, pageCredits };
}

type AddParagraph = (source: SourceLine, text?: string, signoff?: SignoffKind) => void;

/** Puts one tagged line that is not a headline into the story it sits in. */
function addToStory(story: DraftStory, item: Tagged, report: Report, para: AddParagraph, pageCredits: SourceLine[]): void {
  const beforeBody = story.body.length === 0;
  switch (item.kind) {
    case 'caption':
      story.photos.push(item.mark);
      return;
    case 'pageCredit':
      pageCredits.push(item.source);
      return;
    case 'credit':
      story.credits.push(item.source);
      return;
    case 'dateline':
      if (beforeBody && !story.dateline && story.bylines.length === 0) {
        story.dateline = { text: item.parts.dateline, source: item.source };
        if (item.parts.byline) story.bylines.push({ text: item.parts.byline, source: item.source });
        if (item.parts.rest) para(item.source, item.parts.rest);
        return;
      }
      report.warn(item.source.line, 'a dateline with no headline above it: kept as a paragraph of the story above');
      para(item.source);
      return;
    case 'byline':
      if (beforeBody) story.bylines.push({ text: item.source.text, source: item.source });
      else para(item.source, item.source.text, isSignoffLine(item.source.text) ? 'proper' : 'byline');
      return;
    case 'signoff':
      para(item.source, item.source.text, 'proper');
      return;
    case 'para':
    case 'title':
      para(item.source);
      return;
  }
}
