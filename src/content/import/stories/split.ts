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
import { excerpt } from '../text.ts';
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
  const warnRun = (run: readonly SourceLine[], message: string) => report.warn(run[0]!.line, message, run.at(-1)!.line);

  for (let index = 0; index < tagged.length; index += 1) {
    const item = tagged[index]!;
    if (story && item.kind !== 'title') {
      addToStory(story, item, report, para, pageCredits);
      continue;
    }
    let count = 1;
    while (item.kind === 'title' && tagged[index + count]?.kind === 'title') count += 1;
    const run = tagged.slice(index, index + count).map((t) => t.source);
    const evidence = story ? evidenceAfter(tagged, index, count) ?? (signedOff(story) ? 'signoff' : undefined) : 'first';
    index += count - 1;

    if (!story) {
      // The first line is always the headline (as in the feature import); more headline-like lines than a headline holds stay text.
      const headline = run.length > MAX_HEADLINE_LINES ? run.slice(0, 1) : run;
      open(headline, 'first');
      for (const source of run.slice(headline.length)) para(source);
      if (run.length > headline.length) warnRun(run, `${run.length} headline-like lines at the top: the first taken as the headline, the others kept as paragraphs`);
    } else if (evidence) {
      // The last three lines at most are the headline; any before them stay text of the story above.
      const extra = run.slice(0, Math.max(0, run.length - MAX_HEADLINE_LINES));
      for (const source of extra) para(source);
      if (extra.length > 0) warnRun(run, `${run.length} headline-like lines in a row: the last ${MAX_HEADLINE_LINES} taken as a headline, the ones before kept as paragraphs`);
      open(run.slice(extra.length), evidence);
    } else if (run.length === 1) {
      story.body.push({ kind: 'subhead', text: item.source.text, source: item.source });
      report.warn(item.source.line, `“${excerpt(item.source.text)}” read as a subhead of “${excerpt(titleLine(story.headline).text)}”: no dateline or byline under it; if it is the headline of another story, give it its dateline or byline`);
    } else if (run.length <= MAX_HEADLINE_LINES) {
      open(run, 'guess');
      warnRun(run, `a ${run.length}-line headline-like block with no dateline or byline under it: taken as the headline of a new story; if it is part of the story above, make it a subhead`);
    } else {
      for (const source of run) para(source);
      warnRun(run, `${run.length} headline-like lines in a row with no dateline or byline: kept as paragraphs`);
    }
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
