/**
 * Handlebars helpers, registered on Folio's private instance only. None of
 * them returns SafeString: every content string stays escaped.
 */
import type { HelperDelegate } from 'handlebars';

/** Splits a title at spaces: each part is kept whole on one line where it fits. */
export function breakParts(title: unknown): string[] {
  return String(title ?? '')
    .split(/\s+/u)
    .filter((part) => part.length > 0);
}

/** An honors item is marked with a styled ★; a star typed in the content is not repeated. */
export function stripStar(item: unknown): string {
  return String(item ?? '').replace(/^\s*[★☆]\s*/u, '');
}

/** A byline on its own line is marked with the ■ styles/type.css sets; a □, ■ or ◎ typed in the content is not repeated. */
export function stripBylineMark(byline: unknown): string {
  return String(byline ?? '').replace(/^\s*[□■◎]\s*/u, '');
}

const OPENING = /^[“‘（《「『【〔]+$/u;
const CLOSING = /^[”’）》」』】〕，。、；：？！…·]+$/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** One unbreakable phrase of a short text set in a box; `open` marks a leading opening mark set apart to be trimmed. */
export interface Phrase {
  text: string;
  open?: boolean;
}

/**
 * A short text (an honor) cut into phrases a line may break between, never
 * inside: the words Intl.Segmenter finds, with marks joined to the word they
 * belong to (clreq: opening marks to the next, closing ones to the previous),
 * runs of one-character words joined (大|赛 is one word the dictionary lacks;
 * 10|个 a number and its measure word),
 * and a short last phrase joined to the one before, so no line holds one
 * character alone (issue 19). A leading opening mark comes apart, for the box
 * to trim its half-em of space so every item starts at the same edge.
 */
export function phrases(text: unknown): Phrase[] {
  const words: string[] = [];
  let pending = '';
  let lastSingle = false;
  for (const { segment } of segmenter.segment(String(text ?? ''))) {
    if (OPENING.test(segment)) {
      pending += segment;
      lastSingle = false;
    } else if (CLOSING.test(segment) && words.length > 0 && !pending) {
      words[words.length - 1] += segment;
    } else {
      const single = ([...segment].length === 1 && /\p{Script=Han}/u.test(segment)) || /^\d+$/.test(segment);
      if (single && lastSingle && !pending) words[words.length - 1] += segment;
      else words.push(pending + segment);
      pending = '';
      lastSingle = single;
    }
  }
  if (pending) words.push(pending);
  const hanCount = (word: string) => [...word].filter((c) => /\p{Script=Han}/u.test(c)).length;
  if (words.length > 1 && hanCount(words.at(-1)!) <= 2) words.splice(-2, 2, words.at(-2)! + words.at(-1)!);
  const lead = /^[“‘（《「『【〔]/u.exec(words[0] ?? '');
  if (!lead) return words.map((word) => ({ text: word }));
  return [{ text: lead[0], open: true }, { text: words[0]!.slice(1) }, ...words.slice(1).map((word) => ({ text: word }))].filter((p) => p.text);
}

/**
 * A caption cut into the phrases of `phrases`, which a line may break between
 * and never inside (issue 19, item 3: 教|育, 开|工 and 最|佳 were broken), so
 * no caption line ends with one short phrase (之一。) alone. A leading opening
 * mark stays with its word: a caption has no box edge to trim it to.
 */
export function captionPhrases(text: unknown): string[] {
  const [first, ...rest] = phrases(text);
  if (!first) return [];
  if (first.open && rest.length > 0) return [first.text + rest[0]!.text, ...rest.slice(1).map((p) => p.text)];
  return [first, ...rest].map((p) => p.text);
}

/** A piece of text set in LXGW WenKai (captions, leads); `mark` says how a quote or interpunct is set in a full-width cell. */
export interface MarkRun {
  text: string;
  mark?: 'open' | 'close' | 'middle';
}

const KAI_MARK = /([“‘])|([”’])|(·)/u;

/**
 * Kai text (captions, leads) with its quotes and interpuncts apart. LXGW WenKai draws “ ” ·
 * as narrow proportional marks; GB/T 15834 and clreq set them full-width
 * beside Chinese text, so the styles widen each to a one-em cell (issue 19).
 */
export function kaiMarkRuns(text: unknown): MarkRun[] {
  const runs: MarkRun[] = [];
  let rest = String(text ?? '');
  for (let match = KAI_MARK.exec(rest); match; match = KAI_MARK.exec(rest)) {
    if (match.index > 0) runs.push({ text: rest.slice(0, match.index) });
    runs.push({ text: match[0], mark: match[1] ? 'open' : match[2] ? 'close' : 'middle' });
    rest = rest.slice(match.index + 1);
  }
  if (rest) runs.push({ text: rest });
  return runs;
}

/** YYYY-MM-DD → 2024年1月5日, as Chinese folio lines print dates. */
export function formatDate(iso: unknown): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso ?? ''));
  if (!match) return String(iso ?? '');
  const [, year, month, day] = match;
  return `${year}年${Number(month)}月${Number(day)}日`;
}

const WEEKDAYS = '日一二三四五六';

/** YYYY-MM-DD → 星期五: the masthead prints the weekday of the date, computed, never typed. */
export function weekday(iso: unknown): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso ?? ''));
  if (!match) return '';
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).getUTCDay();
  return `星期${WEEKDAYS[day]}`;
}

export const HELPERS: Readonly<Record<string, HelperDelegate>> = Object.freeze({
  weekday,
  breakParts,
  stripStar,
  stripBylineMark,
  phrases,
  captionPhrases,
  kaiMarkRuns,
  formatDate,
});
