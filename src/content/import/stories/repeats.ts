/**
 * Repeats on a news page's text (issue 17, Import; as the feature import does
 * in clean.ts): a paragraph or caption printed again word for word is kept
 * once, a subhead left with nothing under it by that goes too when the same
 * subhead stands earlier in the story, and a story whose headline and every
 * paragraph repeat an earlier story is kept once. Every drop is reported with
 * its lines; the dropped lines are returned so the round-trip check can
 * account for them.
 */
import type { SourceLine } from '../blocks.ts';
import type { Report } from '../assemble.ts';
import type { DraftStory } from './split.ts';
import { excerpt } from '../text.ts';

const quote = (text: string) => `“${excerpt(text)}”`;

/** Drops exact repeats in place; returns the source lines dropped. */
export function dropRepeats(stories: DraftStory[], report: Report): SourceLine[] {
  const dropped: SourceLine[] = [];
  const firstParagraph = new Map<string, SourceLine>();
  const firstCaption = new Map<string, SourceLine>();
  const headlines = new Map<string, DraftStory>();

  for (let s = 0; s < stories.length; s += 1) {
    const story = stories[s]!;
    const before = story.body.length;
    story.body = story.body.filter((part) => {
      if (part.kind !== 'para' || part.signoff) return true;
      const first = firstParagraph.get(part.text);
      if (!first) {
        firstParagraph.set(part.text, part.source);
        return true;
      }
      dropped.push(part.source);
      report.warn(part.source.line, `paragraph ${quote(part.text)} repeats line ${first.line} word for word: kept once`);
      return false;
    });
    story.body = story.body.filter((part, index) => {
      if (part.kind !== 'subhead') return true;
      const empty = story.body[index + 1] === undefined || story.body[index + 1]!.kind === 'subhead';
      const earlier = story.body.slice(0, index).find((other) => other.kind === 'subhead' && other.text === part.text);
      if (!empty || !earlier) return true;
      dropped.push(part.source);
      report.warn(part.source.line, `subhead ${quote(part.text)} repeats line ${earlier.source.line} and its paragraphs were repeats: kept once`);
      return false;
    });
    story.photos = story.photos.filter((photo) => {
      const key = `${photo.caption}\u0000${photo.credit ?? ''}`;
      const first = firstCaption.get(key);
      if (!first) {
        firstCaption.set(key, photo.sources[0]!);
        return true;
      }
      dropped.push(...photo.sources);
      report.warn(photo.sources[0]!.line, `caption ${quote(photo.caption)} repeats line ${first.line}: kept once`);
      return false;
    });

    const key = [...story.headline.map((line) => line.text), story.dateline?.text, ...story.bylines.map((b) => b.text)].join('\n');
    const earlier = headlines.get(key);
    const allRepeats = before > 0 && story.body.every((part) => part.kind === 'subhead') && story.photos.length === 0 && story.credits.length === 0;
    if (earlier && allRepeats) {
      const heads = [...story.headline, story.dateline?.source, ...story.bylines.map((b) => b.source)];
      dropped.push(...heads.filter((line): line is SourceLine => line !== undefined), ...story.body.map((part) => part.source));
      report.warn(story.headline[0]!.line, `the story ${quote(story.headline.map((line) => line.text).join(' '))} repeats the one at line ${earlier.headline[0]!.line}: kept once`);
      stories.splice(s, 1);
      s -= 1;
      continue;
    }
    if (!earlier) headlines.set(key, story);
  }
  return dropped;
}
