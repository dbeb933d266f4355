/**
 * The import's round-trip check for a page of stories (issue 17, Import:
 * "nothing is invented and nothing is lost"): every character of every
 * distinct source line is somewhere on the page, and every line left out is a
 * word-for-word repeat of a line that was kept. Whitespace, punctuation and
 * control characters do not count (the import makes punctuation full-width).
 */
import type { z } from 'zod';
import type { PageSchema } from '../../../src/content/v2/page.ts';

type PageInput = z.input<typeof PageSchema>;

const DISPENSABLE = /[\s\p{P}\p{Cc}\u200B\u2060\uFEFF]/gu;
const squash = (text: string) => text.replace(DISPENSABLE, '');

/** Every string of the page a reader sees (ids and kinds aside). */
export function pageStrings(page: PageInput): string[] {
  const strings: (string | undefined)[] = [page.title, page.furniture?.credit];
  for (const module of page.modules) {
    if (module.kind !== 'story') continue;
    strings.push(module.headline.kicker, module.headline.title, module.headline.deck, module.dateline, module.byline, module.lead, module.signoff);
    for (const part of module.body) strings.push(typeof part === 'string' ? part : part.subhead);
    for (const photo of module.photos ?? []) strings.push(photo.caption, photo.credit);
  }
  return strings.filter((s): s is string => s !== undefined);
}

function count(text: string, into = new Map<string, number>()): Map<string, number> {
  for (const char of squash(text)) into.set(char, (into.get(char) ?? 0) + 1);
  return into;
}

/** What the page lacks: characters missing from it, and dropped lines that repeat no kept line. Empty when nothing is lost. */
export function lostText(source: string, page: PageInput, dropped: readonly number[]): string[] {
  const lines = source.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n|\u2028|\u2029/u);
  const droppedSet = new Set(dropped);
  const kept = lines.filter((_, index) => !droppedSet.has(index + 1)).map(squash);
  const problems: string[] = [];
  for (const line of dropped) {
    if (!kept.includes(squash(lines[line - 1] ?? ''))) problems.push(`line ${line} was dropped but repeats no kept line`);
  }
  const needed = new Map<string, number>();
  for (const line of new Set(kept)) count(line, needed);
  const have = count(pageStrings(page).join('\n'));
  for (const [char, n] of needed) if ((have.get(char) ?? 0) < n) problems.push(`${JSON.stringify(char)}: ${have.get(char) ?? 0} of ${n}`);
  return problems;
}
