/**
 * Tags every line of a news page with what it is (issue 17, Import), before
 * the lines are grouped into stories: captions first (on evidence only, see
 * captions.ts), then the lines that say what they are (page credit, dateline,
 * byline, sign-off, a credit left without caption), then headline-like lines
 * (short, no sentence punctuation) and paragraphs.
 */
import type { SourceLine } from '../blocks.ts';
import type { Report } from '../assemble.ts';
import { isTitleLike, parseBand } from '../classify.ts';
import { findCaptions, type CaptionMark } from './captions.ts';
import { isBylineLine, isCreditLine, isPageCredit, isSignoffLine, parseDateline, type DatelineParts } from './recognise.ts';

export type Tagged =
  | { kind: 'caption'; source: SourceLine; mark: CaptionMark }
  | { kind: 'pageCredit'; source: SourceLine }
  | { kind: 'credit'; source: SourceLine }
  | { kind: 'dateline'; source: SourceLine; parts: DatelineParts }
  | { kind: 'byline'; source: SourceLine }
  | { kind: 'signoff'; source: SourceLine }
  | { kind: 'title'; source: SourceLine }
  | { kind: 'para'; source: SourceLine };

/** Tags the lines in reading order; a credit line taken by its caption is part of that caption. */
export function tagLines(lines: readonly SourceLine[], report: Report): Tagged[] {
  const { captions, credits } = findCaptions(lines, report);
  const tagged: Tagged[] = [];
  lines.forEach((source, index) => {
    const mark = captions.get(index);
    if (mark) return tagged.push({ kind: 'caption', source, mark });
    if (credits.has(index)) return;
    const text = source.text;
    if (isPageCredit(text)) return tagged.push({ kind: 'pageCredit', source });
    if (isCreditLine(text)) return tagged.push({ kind: 'credit', source });
    const parts = parseDateline(text);
    if (parts) return tagged.push({ kind: 'dateline', source, parts });
    if (isSignoffLine(text) && !isBylineLine(text)) return tagged.push({ kind: 'signoff', source });
    if (isBylineLine(text)) return tagged.push({ kind: 'byline', source });
    if (index === 0 || isTitleLike(text)) return tagged.push({ kind: 'title', source });
    return tagged.push({ kind: 'para', source });
  });
  return tagged;
}

/** A section band such as 精彩 2023: the mark of the feature page (content/wuzhi-2024). */
export function hasBand(lines: readonly SourceLine[]): boolean {
  return lines.some((line) => parseBand(line.text) !== undefined);
}
