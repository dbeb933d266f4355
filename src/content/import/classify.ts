/**
 * Recognises what each source line is: headline, deck, byline, honors item,
 * photo caption and credit, page credit, section band, subhead or paragraph.
 * One pass in reading order with a little context: the page head (everything
 * before the body starts) holds the honors list and free-standing captions;
 * the body starts at the first band, subhead or paragraph.
 */
import type { SourceLine } from './blocks.ts';
import { sentenceCount, visibleLength } from './text.ts';

export type UnitKind = 'headline' | 'deck' | 'byline' | 'honor' | 'caption' | 'credit' | 'pageCredit' | 'band' | 'subhead' | 'para';

export interface Unit {
  kind: UnitKind;
  /** Cleaned text; for an honor, without its list marker. */
  text: string;
  source: SourceLine;
  /** Band or subhead label word. */
  label?: string;
  /** Subhead title (without the label). */
  title?: string;
  /** Band year. */
  year?: number;
  /** A marker removed from the text (list marker, ★, byline box, deck dash rewrite). */
  removed?: string;
}

/** - ★, • , ★, 1. 1、 （1）: the markers of a list item. */
const LIST_MARKER = /^(?:(?:(?:[-－](?:\s+|(?=[★☆]))|[•●▪]\s*)(?:[★☆]\s*)?)|[★☆]\s*|\d{1,2}[.．、](?!\d)\s*|[（(]\d{1,2}[)）]\s*)/u;
const PAGE_CREDIT = /^[（(][^（()）]*(?:本版|提供|署名|供图|供圖|供稿)[^（()）]*[)）]$/u;
const PHOTO_CREDIT = /^\S.*(?:摄|攝|供图|供圖)[)）]?$/u;
const BYLINE = /^(?:[□■◎]\s*)?(?:(?:本报|本報|新华社|新華社|特约|特約|见习|見習)*(?:记者|記者|通讯员|通訊員|实习生|實習生|撰稿人)|文[\/／]|文·图[\/／]|图文[\/／]|圖文[\/／])\s*\S/u;
const BAND = /^(\p{Script=Han}{1,6}) ?((?:19|20|21)\d{2})$/u;
const DECK_DASH = /^(?:——|—|--|－－|──)/u;
const LABELLED = /^(\p{Script=Han}{2}) (\S.*)$/u;
const SENTENCE_PUNCTUATION = /[，。；！？：,;!?:]/u;
const CAPTION_END = /[。！？](?:[”’」』]*)$/u;

const MAX_TITLE = 32;
const MAX_SHORT_LINE = 40;
const MAX_HEAD_CAPTION = 80;
const MAX_BODY_CAPTION = 40;
const MAX_CREDITED_CAPTION = 150;

export function listMarker(text: string): string | undefined {
  return LIST_MARKER.exec(text)?.[0];
}

export function isPageCredit(text: string): boolean {
  return PAGE_CREDIT.test(text);
}

export function isPhotoCredit(text: string): boolean {
  return PHOTO_CREDIT.test(text) && visibleLength(text) <= MAX_SHORT_LINE && !/[。！？，；]/u.test(text) && !isPageCredit(text);
}

export function isByline(text: string): boolean {
  return BYLINE.test(text) && visibleLength(text) <= MAX_SHORT_LINE && !/[。！？，；]/u.test(text) && !isPhotoCredit(text);
}

export function parseBand(text: string): { label: string; year: number } | undefined {
  const match = BAND.exec(text);
  if (!match) return undefined;
  const year = Number(match[2]);
  return year >= 1900 && year <= 2200 ? { label: match[1]!, year } : undefined;
}

/** A short line with no sentence punctuation: a headline, deck or subhead. */
export function isTitleLike(text: string): boolean {
  return visibleLength(text) <= MAX_TITLE && !SENTENCE_PUNCTUATION.test(text) && !/[、…]$/u.test(text) && /[\p{L}\p{N}]/u.test(text);
}

/** Splits `产业 计划谋篇破局 转型发展势头强劲` into a 2-character label word and the title. */
export function splitSubhead(text: string): { label?: string; title: string } {
  const match = LABELLED.exec(text);
  return match ? { label: match[1]!, title: match[2]! } : { title: text };
}

function isHeadCaption(text: string): boolean {
  return CAPTION_END.test(text) && visibleLength(text) <= MAX_HEAD_CAPTION && sentenceCount(text) <= 1;
}

/** Inside the body a caption must stand apart: one short sentence with wide gaps around it. */
function isBodyCaption(line: SourceLine, previous: UnitKind | undefined): boolean {
  const { text } = line;
  return (
    CAPTION_END.test(text) &&
    visibleLength(text) <= MAX_BODY_CAPTION &&
    sentenceCount(text) <= 1 &&
    !/[，；]/u.test(text) &&
    (line.gapBefore >= 2 || line.gapAfter >= 2) &&
    previous !== 'subhead' &&
    previous !== 'band'
  );
}

/** Classifies every line, in reading order. */
export function classify(lines: readonly SourceLine[]): Unit[] {
  const units: Unit[] = [];
  let inBody = false;
  let hasDeck = false;
  // A credit makes the line above it a caption, unless that line is far too long for one.
  const nextIsCredit = (index: number) => {
    const next = lines[index + 1];
    return next !== undefined && isPhotoCredit(next.text) && visibleLength(lines[index]!.text) <= MAX_CREDITED_CAPTION;
  };

  lines.forEach((source, index) => {
    const text = source.text;
    const previous = units.at(-1)?.kind;
    const push = (kind: UnitKind, extra: Partial<Unit> = {}) => units.push({ kind, text, source, ...extra });

    if (index === 0) return push('headline');
    if (isPageCredit(text)) return push('pageCredit');
    if (isPhotoCredit(text)) return push('credit');
    if (isByline(text)) {
      const box = /^[□■◎]\s*/u.exec(text)?.[0];
      return push('byline', box ? { text: text.slice(box.length), removed: box.trim() } : {});
    }
    const band = parseBand(text);
    if (band) {
      inBody = true;
      return push('band', band);
    }
    if (!inBody) {
      const marker = listMarker(text);
      if (marker !== undefined) return push('honor', { text: text.slice(marker.length).trim(), removed: marker.trim() });
      if (!hasDeck && (DECK_DASH.test(text) || (previous === 'headline' && isTitleLike(text)))) {
        hasDeck = true;
        const dash = /^(?:--|－－|──|—(?!—))/u.exec(text)?.[0];
        return push('deck', dash ? { text: `——${text.slice(dash.length)}`, removed: dash } : {});
      }
    }
    if (/^(?:组图|組圖)/u.test(text) || nextIsCredit(index)) return push('caption');
    if (isTitleLike(text)) {
      inBody = true;
      return push('subhead', splitSubhead(text));
    }
    if (!inBody && isHeadCaption(text)) return push('caption');
    if (inBody && isBodyCaption(source, previous)) return push('caption');
    inBody = true;
    return push('para');
  });
  return units;
}

/**
 * With no paragraph or subhead anywhere (a band alone holds nothing), the
 * short blocks after the head were the body after all: captions (and any credits) become paragraphs.
 * Returns how many units changed.
 */
export function ensureBody(units: Unit[]): number {
  if (units.some((unit) => unit.kind === 'para' || unit.kind === 'subhead')) return 0;
  let changed = 0;
  for (const unit of units) {
    if (unit.kind === 'caption' || unit.kind === 'credit') {
      unit.kind = 'para';
      changed += 1;
    }
  }
  return changed;
}
