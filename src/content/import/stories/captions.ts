/**
 * Which lines of a news page are photo captions — only on evidence (issue 17,
 * Import): a credit line under it (…摄, …供图, 图片…), a caption that names
 * itself (图为…, 组图…), a credit run on at its end, or the layout the Wuzhi
 * page prints: captions set apart by wide gaps, in a run that ends with its
 * credit line. A short paragraph is never a caption for being short (the
 * issue's three short lead paragraphs became three invented photo slots);
 * a line only set apart like a caption stays text, with a warning.
 */
import type { SourceLine } from '../blocks.ts';
import type { Report } from '../assemble.ts';
import { isTitleLike } from '../classify.ts';
import { sentenceCount, visibleLength } from '../text.ts';
import { isBylineLine, isCreditLine, isPageCredit, isPictureCaption, isSignoffLine, MAX_CAPTION, parseDateline, splitTrailingCredit } from './recognise.ts';

export interface CaptionMark {
  caption: string;
  credit?: string;
  /** The caption line, then its credit line when the credit stands on its own line. */
  sources: SourceLine[];
  /** What made it a caption, for the YAML comment. */
  evidence: string;
}

/** Blank lines the Wuzhi page sets around its captions (body paragraphs have one): the known caption layout. */
const CAPTION_LAYOUT_GAP = 3;
/** Blank lines that make a line look set apart, enough for a warning but not for a caption. */
const SET_APART = 2;

const setApart = (line: SourceLine, gap = SET_APART) => line.gapBefore >= gap && line.gapAfter >= gap;
const oneSentence = (line: SourceLine) => sentenceCount(line.text) <= 1 && visibleLength(line.text) <= MAX_CAPTION;

/** A line that is something else for sure (never a caption, whatever is under it). */
function isOther(line: SourceLine): boolean {
  const { text } = line;
  return isCreditLine(text) || isPageCredit(text) || isBylineLine(text) || isSignoffLine(text) || parseDateline(text) !== undefined;
}

/**
 * Marks captions by line index. Index 0 is never one: the first line is the
 * headline, as in the feature import. Credit lines taken by a caption are in
 * `credits`.
 */
export function findCaptions(lines: readonly SourceLine[], report: Report): { captions: Map<number, CaptionMark>; credits: Set<number> } {
  const captions = new Map<number, CaptionMark>();
  const credits = new Set<number>();
  const free = (index: number) => index > 0 && !captions.has(index) && !isOther(lines[index]!);

  lines.forEach((line, index) => {
    if (!isCreditLine(line.text)) return;
    const above = index - 1;
    if (!free(above) || visibleLength(lines[above]!.text) > MAX_CAPTION) return;
    credits.add(index);
    captions.set(above, { caption: lines[above]!.text, credit: line.text, sources: [lines[above]!, line], evidence: `the credit “${line.text}” under it` });
    // The Wuzhi layout: a run of captions set apart by wide gaps, the last one carrying the credit line.
    if (lines[above]!.gapBefore < CAPTION_LAYOUT_GAP) return;
    for (let up = above - 1; free(up) && setApart(lines[up]!, CAPTION_LAYOUT_GAP) && oneSentence(lines[up]!); up -= 1) {
      captions.set(up, { caption: lines[up]!.text, sources: [lines[up]!], evidence: `set apart like the captions above the credit “${line.text}” (line ${line.line})` });
    }
  });

  lines.forEach((line, index) => {
    if (!free(index) || credits.has(index)) return;
    if (isPictureCaption(line.text)) {
      captions.set(index, { caption: line.text, sources: [line], evidence: 'its own words (图为…, 组图…)' });
      return;
    }
    const run = splitTrailingCredit(line.text);
    if (run) {
      captions.set(index, { caption: run.caption, credit: run.credit, sources: [line], evidence: `the credit “${run.credit}” at its end` });
      return;
    }
    // Unsure: laid out like a caption, but nothing says it is one (issue 17: short is no evidence).
    if (setApart(line) && oneSentence(line) && !isTitleLike(line.text) && !credits.has(index + 1)) {
      report.warn(line.line, 'set apart like a photo caption, but no credit or 图为 says it is one: kept as a paragraph');
    }
  });
  return { captions, credits };
}
