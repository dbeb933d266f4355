/**
 * Split stories → a schema v2 page (docs/design/general-pages.md, section 2):
 * one `story` module per story, in reading order, with its headline block,
 * dateline, byline, body, photos (captions on evidence, see captions.ts) and
 * sign-off. Ids are slugs by position (story-1, story-1-photo-1): a headline
 * is no identity. Nothing is invented: no rank, no lead, no photo file; the
 * only words Folio adds are the YAML comments saying what was guessed.
 */
import { z } from 'zod';
import type { SourceLine } from '../blocks.ts';
import type { Report } from '../assemble.ts';
import type { Notes } from '../to-edition.ts';
import { closeCjkSpaces, endsComplete, excerpt } from '../text.ts';
import type { PageSchema } from '../../v2/page.ts';
import { isTitleLike } from '../classify.ts';
import { splitTrailingSignoff } from './recognise.ts';
import type { BodyPart, DraftStory, SplitPage } from './split.ts';

export type PageInput = z.input<typeof PageSchema>;
type StoryInput = Extract<PageInput['modules'][number], { kind: 'story' }>;

export interface PageDraft {
  page: PageInput;
  notes: Notes;
  /** Lines whose prose had spaces between Chinese characters removed. */
  closedSpaces: Map<SourceLine, number>;
  /** Source lines of paragraphs that look cut off. */
  cutOff: number[];
}

const DECK_DASH = /^(?:——|—|--|－－|──)/u;

export function toPage(split: SplitPage, report: Report, id?: string): PageDraft {
  const notes: Notes = new Map();
  const note = (path: string, line: string) => notes.set(path, [...(notes.get(path) ?? []), line]);
  const closedSpaces = new Map<SourceLine, number>();
  const prose = (text: string, source: SourceLine) => {
    const closed = closeCjkSpaces(text);
    if (closed.removed > 0) closedSpaces.set(source, (closedSpaces.get(source) ?? 0) + closed.removed);
    return closed.text;
  };
  const cutOff: number[] = [];
  const stories = mergeEmptyStories(split.stories, report);
  const pageCredits = [...split.pageCredits];

  const modules = stories.map((story, s): StoryInput => {
    const storyId = `story-${s + 1}`;
    const path = `modules.${s}`;
    const signoff = takeSignoff(story.body, report);
    const headline = headlineOf(story.headline, report, (field, line) => note(`${path}.headline.${field}`, line));
    if (s === 0 && !isTitleLike(story.headline[0]!.text)) {
      report.warn(story.headline[0]!.line, 'the text does not start with a headline-like line: its first line is taken as the headline, as always');
    }
    if (story.start === 'guess') note(path, 'no dateline or byline under this headline: taken as a new story; join it to the story above if it belongs there');
    if (story.bylines.length > 1) report.warn(story.bylines[0]!.source.line, `${story.bylines.length} bylines: joined into one`, story.bylines.at(-1)!.source.line);
    const body = story.body.map((part, p) => {
      if (part.kind === 'subhead') {
        note(`${path}.body.${p}`, 'read as a subhead (no dateline or byline under it); it may be the headline of another story');
        return { subhead: part.text };
      }
      // A headline-like line kept as a paragraph keeps its word spaces (产业 计划谋篇破局); prose loses stray ones.
      if (isTitleLike(part.text)) return part.text;
      const text = prose(part.text, part.source);
      if (!endsComplete(text)) {
        cutOff.push(part.source.line);
        report.warn(part.source.line, `paragraph “${excerpt(text)}” ends without terminal punctuation: probably cut off; kept as printed`);
        note(`${path}.body.${p}`, `ends without terminal punctuation in the source (line ${part.source.line}): probably cut off; kept as printed`);
      }
      return text;
    });
    for (const credit of story.credits) {
      const photo = [...story.photos].reverse().find((p) => p.credit === undefined && p.sources[0]!.line < credit.line);
      if (photo) {
        photo.credit = credit.text;
        photo.sources.push(credit);
        report.warn(credit.line, `photo credit “${credit.text}” is not right under its caption: given to the caption at line ${photo.sources[0]!.line}`);
      } else {
        pageCredits.push(credit);
        report.warn(credit.line, `photo credit “${credit.text}” has no caption above it: added to the page credit`);
      }
    }
    const photos = story.photos.map((photo, p) => {
      note(`${path}.photos.${p}`, `line ${photo.sources[0]!.line} is a caption on evidence: ${photo.evidence}; no picture in the source: add file:`);
      return { id: `${storyId}-photo-${p + 1}`, caption: prose(photo.caption, photo.sources[0]!), ...(photo.credit !== undefined ? { credit: photo.credit } : {}) };
    });
    return {
      kind: 'story',
      id: storyId,
      headline,
      ...(story.dateline ? { dateline: story.dateline.text } : {}),
      ...(story.bylines.length > 0 ? { byline: story.bylines.map((b) => b.text).join(' ') } : {}),
      body,
      ...(photos.length > 0 ? { photos } : {}),
      ...(signoff ? { signoff } : {}),
    };
  });

  const credit = pageCredits.sort((a, b) => a.line - b.line).map((line) => line.text);
  const page: PageInput = {
    version: 2,
    ...(id !== undefined ? { id } : {}),
    ...(credit.length > 0 ? { furniture: { credit: [...new Set(credit)].join(' ') } } : {}),
    modules,
  };
  return { page, notes, closedSpaces, cutOff };
}

/** kicker/title/deck from a headline block of 1–3 lines. */
function headlineOf(lines: readonly SourceLine[], report: Report, note: (field: string, line: string) => void): StoryInput['headline'] {
  const [a, b, c] = lines.map((line) => line.text);
  if (c !== undefined) return { kicker: a, title: b!, deck: c };
  if (b === undefined) return { title: a! };
  if (!DECK_DASH.test(b)) {
    report.warn(lines[1]!.line, `a two-line headline: “${excerpt(b)}” read as the deck (副题) under the title; if “${excerpt(a!)}” is the kicker (引题), swap them`);
    note('deck', 'the second line of a two-line headline, read as the deck (副题); it may be that the first line is the kicker (引题)');
  }
  return { title: a!, deck: b };
}

/**
 * The last paragraph of a story is its sign-off when it is one (（完）, （本报记者 X）,
 * also run on at the end of the paragraph). A sign-off with text after it stays
 * a paragraph, where it stands, said so.
 */
function takeSignoff(body: BodyPart[], report: Report): string | undefined {
  const last = body.at(-1);
  if (last?.kind === 'para' && !last.signoff) {
    const run = body.length > 1 ? splitTrailingSignoff(last.text) : undefined;
    if (run) {
      last.text = run.text;
      body.push({ kind: 'para', text: run.signoff, source: last.source, signoff: 'proper' });
    }
  }
  let signoff: string | undefined;
  const end = body.at(-1);
  if (body.length > 1 && end?.kind === 'para' && end.signoff) signoff = body.pop()!.text;
  for (const part of body) {
    if (part.kind === 'para' && part.signoff) {
      report.warn(part.source.line, `“${excerpt(part.text)}” looks like a sign-off but the story goes on after it: kept as a paragraph`);
      delete part.signoff;
    }
  }
  return signoff;
}

/**
 * A story needs a paragraph (the schema says so). A headline with nothing
 * under it before the next headline joins the story before it, its lines
 * becoming paragraphs there; the first story takes in the one after it.
 */
function mergeEmptyStories(stories: DraftStory[], report: Report): DraftStory[] {
  const out = [...stories];
  for (let s = 0; s < out.length; s += 1) {
    const story = out[s]!;
    if (story.body.length > 0) continue;
    const into = s > 0 ? s - 1 : out.length > 1 ? 0 : -1;
    if (into < 0) continue; // the only story: no body text at all, which the caller refuses.
    const [first, second] = [out[into]!, out[into + 1]!];
    report.warn(story.headline[0]!.line, `the headline “${excerpt(story.headline.map((l) => l.text).join(' '))}” has no paragraph under it: joined with the story ${s > 0 ? 'before' : 'after'} it, ${s > 0 ? 'its' : 'that story’s'} headline lines kept as paragraphs`);
    const merged: DraftStory = { ...first, body: [...first.body, ...headLines(second), ...second.body], photos: [...first.photos, ...second.photos], credits: [...first.credits, ...second.credits] };
    out.splice(into, 2, merged);
    s = into - 1;
  }
  return out;
}

/** A story's headline, dateline and byline lines as paragraphs, each as printed (a dateline without the paragraph run on after it). */
function headLines(story: DraftStory): BodyPart[] {
  const parts: BodyPart[] = story.headline.map((source) => ({ kind: 'para', text: source.text, source }));
  const dateline = story.dateline;
  if (dateline) {
    const sameLine = story.bylines.filter((b) => b.source === dateline.source).map((b) => b.text);
    parts.push({ kind: 'para', text: [dateline.text, ...sameLine].join(''), source: dateline.source });
  }
  for (const byline of story.bylines) if (byline.source !== dateline?.source) parts.push({ kind: 'para', text: byline.text, source: byline.source });
  return parts;
}
