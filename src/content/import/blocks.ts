/**
 * Splits raw page text into blocks (runs of non-blank lines separated by
 * blank lines) and then into source lines: the units the importer classifies.
 * Each line keeps its 1-based line number and the number of blank lines
 * around it, because extracted page text sets photo captions apart with wider
 * gaps than body paragraphs.
 */
import { ContentError } from '../../errors.ts';
import { t } from '../../i18n/locale.ts';
import { normalisePunctuation, normaliseWhitespace, type Fixes } from './text.ts';

export interface SourceLine {
  /** 1-based line number in the source. */
  line: number;
  /** The line as printed. */
  raw: string;
  /** Whitespace collapsed and trimmed, control characters removed, punctuation made full-width. */
  text: string;
  /** Blank lines before this line (0 inside a block). */
  gapBefore: number;
  /** Blank lines after this line (0 inside a block). */
  gapAfter: number;
  /** Index of the block holding the line. */
  block: number;
  fixes: Fixes;
  trimmed: boolean;
  collapsed: boolean;
  controls: number;
}

export interface Block {
  /** 1-based first and last line. */
  startLine: number;
  endLine: number;
  lines: SourceLine[];
}

/** Characters that do not belong in text: C0/C1 controls (bar tab and line ends), lone surrogates, U+FFFD, private use. */
const NON_TEXT = /[\p{Cc}\p{Cs}\p{Co}\uFFFD]/gu;
/** Removed by normaliseWhitespace: a line of nothing else is blank. */
const CONTROLS = /[\p{Cc}\u200B\u2060]/gu;
const LINE_ENDS = /[\t\n\v\f\r\u0085]/gu;
/** Above this share of non-text characters, the input is binary or mis-decoded, not page text. */
const MAX_NON_TEXT_SHARE = 0.25;

/**
 * Throws ContentError for input that is no page text at all: empty, NUL
 * bytes, or mostly characters that are not text.
 */
export function assertUsableText(text: string, sourceName: string): void {
  const location = { file: sourceName };
  if (text.includes('\0')) {
    throw new ContentError(t('import.binary', { file: sourceName }), {
      location,
      hint: t('import.binaryHint'),
    });
  }
  const solid = text.replace(/\s+/gu, '');
  if (solid.length === 0) {
    throw new ContentError(t('import.empty', { file: sourceName }), {
      location,
      hint: t('import.emptyHint'),
    });
  }
  const nonText = (solid.replace(LINE_ENDS, '').match(NON_TEXT) ?? []).length;
  if (nonText / Array.from(solid).length > MAX_NON_TEXT_SHARE) {
    throw new ContentError(t('import.notText', { file: sourceName, count: nonText }), {
      location,
      hint: t('import.notTextHint'),
    });
  }
}

/** Splits text into blocks of cleaned source lines; blank lines only separate. */
export function splitBlocks(text: string): Block[] {
  const rawLines = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n|\u2028|\u2029/u);
  const blocks: Block[] = [];
  let current: SourceLine[] = [];
  let blank = 0;
  const close = () => {
    if (current.length === 0) return;
    blocks.push({ startLine: current[0]!.line, endLine: current.at(-1)!.line, lines: current });
    current = [];
  };
  rawLines.forEach((raw, index) => {
    if (raw.replace(CONTROLS, '').trim() === '') {
      if (current.length > 0) close();
      blank += 1;
      return;
    }
    const previous = current.at(-1) ?? blocks.at(-1)?.lines.at(-1);
    if (previous && current.length === 0) previous.gapAfter = blank;
    const spaced = normaliseWhitespace(raw);
    const punctuated = normalisePunctuation(spaced.text);
    current.push({
      line: index + 1,
      raw,
      text: punctuated.text,
      gapBefore: current.length === 0 ? blank : 0,
      gapAfter: 0,
      block: blocks.length,
      fixes: punctuated.fixes,
      trimmed: spaced.trimmed,
      collapsed: spaced.collapsed,
      controls: spaced.controls,
    });
    blank = 0;
  });
  close();
  const last = blocks.at(-1)?.lines.at(-1);
  if (last) last.gapAfter = blank;
  return blocks;
}
