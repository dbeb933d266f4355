/**
 * What one line of a news page says about itself (issue 17, Import): a
 * dateline (本报讯, 本报X日电, 新华社X地X月X日电) with or without a byline
 * （记者 X） and the first paragraph run on after it, a byline line, a
 * sign-off （完） or （本报记者 X） at the end, a photo credit (…摄, …供图,
 * 图片…, 图/X), and a caption that names itself (图为…, 上图…, 组图…).
 * Every recogniser returns the pieces exactly as printed, so what a line
 * is split into joins back to the line: nothing is invented or lost.
 */
import { isByline, isPageCredit, isPhotoCredit } from '../classify.ts';
import { visibleLength } from '../text.ts';

const NUMBER = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})';
/** 本报讯, 本报北京讯; 本报26日电, 本报郑州1月26日电; 新华社北京1月26日电, 中新社…电 (the agency names end in 社). */
const DATELINE = new RegExp(
  `^(?:本报(?:\\p{Script=Han}{1,6})?讯|本报(?:\\p{Script=Han}{1,6})?(?:${NUMBER}月)?${NUMBER}日电|\\p{Script=Han}{1,4}社(?:\\p{Script=Han}{1,8})?${NUMBER}月${NUMBER}日电)`,
  'u',
);
/** （记者 X）, （本报记者 X 通讯员 Y）, （通讯员 X）: a byline in parentheses. */
const PAREN_BYLINE = /^[（(]\s*(?:本报|新华社|特约)?(?:记者|通讯员|实习生|见习记者)[^（）()。！？]{1,40}[）)]/u;
/** （完）, （本报记者 X）, （记者 X）, （通讯员 X）: how a story signs off. */
const SIGNOFF = /[（(]\s*(?:完|(?:本报|新华社)?(?:记者|通讯员)[^（）()。！？]{1,40})\s*[）)]$/u;
/** Captions that name themselves as captions. */
const PICTURE = /^(?:图为|上图|下图|左图|右图|中图|组图|圖為|組圖|图[①②③④⑤⑥⑦⑧⑨]|图\d[：:\s])/u;
const PICTURE_INSIDE = /[。！？]\s*(?:图为|圖為)/u;
/** 图片由X提供, 图片来源：X, 图/X, （图片：X）. */
const PICTURE_CREDIT = /^[（(]?(?:图片(?:由|来源|提供|：|:)|图[\/／]|圖[\/／])/u;
/** A credit run on at the end of a caption: …。本报记者 X 摄 / …。（X 摄）. */
const TRAILING_CREDIT = /^(.*[。！？”』」])\s*([（(]?[^。！？，；（）()]{1,30}?\s*(?:摄|攝|供图|供圖)[）)]?)$/u;

const MAX_CREDIT = 40;
/** A caption is at most this long: longer text is a paragraph, whatever it says. */
export const MAX_CAPTION = 150;

export interface DatelineParts {
  dateline: string;
  byline?: string;
  /** The first paragraph, when it is run on after the dateline. */
  rest?: string;
}

/** A line that starts with a dateline: its dateline, byline and the paragraph run on after them. */
export function parseDateline(text: string): DatelineParts | undefined {
  const match = DATELINE.exec(text);
  if (!match) return undefined;
  let rest = text.slice(match[0].length);
  // A paragraph never starts 本报讯是…: the dateline is followed by a space, a byline, or the paragraph's first words.
  if (/^[，。、；：]/u.test(rest)) return undefined;
  const spaced = rest.trimStart();
  const byline = PAREN_BYLINE.exec(spaced)?.[0];
  if (byline) rest = spaced.slice(byline.length);
  rest = rest.trim();
  return { dateline: match[0], ...(byline ? { byline } : {}), ...(rest ? { rest } : {}) };
}

/** A line that is only a byline: 本报记者 X, 记者 X 通讯员 Y, （记者 X）. */
export function isBylineLine(text: string): boolean {
  if (isByline(text)) return true;
  const paren = PAREN_BYLINE.exec(text);
  return paren !== null && paren[0].length === text.length;
}

/** A line that is only a sign-off. */
export function isSignoffLine(text: string): boolean {
  const match = SIGNOFF.exec(text);
  return match !== null && match.index === 0;
}

/** A paragraph ending in a sign-off: the paragraph and the sign-off, as printed. */
export function splitTrailingSignoff(text: string): { text: string; signoff: string } | undefined {
  const match = SIGNOFF.exec(text);
  if (!match || match.index === 0) return undefined;
  const before = text.slice(0, match.index).trimEnd();
  // Only after a finished sentence: 在（完）成… is no sign-off.
  if (!/[。！？”』」]$/u.test(before)) return undefined;
  return { text: before, signoff: match[0] };
}

/** A photo credit line: …摄, …供图, 图片由…提供, 图/X. */
export function isCreditLine(text: string): boolean {
  if (isPageCredit(text)) return false;
  return isPhotoCredit(text) || (PICTURE_CREDIT.test(text) && visibleLength(text) <= MAX_CREDIT && !/[。！？]/u.test(text));
}

/** The page credit: （本版照片除署名外均由…提供）. */
export { isPageCredit };

/** A line that says it is a caption: 图为…, 上图…, 组图…, or a sentence then 图为…. */
export function isPictureCaption(text: string): boolean {
  return visibleLength(text) <= MAX_CAPTION && (PICTURE.test(text) || PICTURE_INSIDE.test(text));
}

/** A caption with its credit run on at the end: the caption and the credit, as printed. */
export function splitTrailingCredit(text: string): { caption: string; credit: string } | undefined {
  const match = TRAILING_CREDIT.exec(text);
  if (!match || visibleLength(text) > MAX_CAPTION + MAX_CREDIT) return undefined;
  const credit = match[2]!;
  // The credit names someone: 本报记者 X 摄, X 摄 (a space before 摄), （X 摄）; not 拍摄 inside a sentence.
  if (!/^[（(]|(?:记者|通讯员|摄影)|\s(?:摄|攝)|供图|供圖/u.test(credit)) return undefined;
  return { caption: match[1]!, credit };
}
