/**
 * Character-level cleaning of imported text: stray whitespace and control
 * characters, and half-width punctuation made full-width where it sits in
 * Chinese text (GB/T 15834). Every function reports what it changed, so the
 * importer can tell the editor; none of them drops a letter or a digit.
 */

/** Chinese characters and the punctuation set with them (full-width forms, curly quotes, ——, ……, ·). */
const WIDE = /[\p{Script=Han}\u2E80-\u2FFF\u3000-\u303F\u3100-\u31FF\uFE30-\uFE4F\uFF00-\uFFEF\u2018\u2019\u201C\u201D\u2014\u2026\u00B7]/u;

export function isWide(char: string | undefined): boolean {
  return char !== undefined && WIDE.test(char);
}

/** The start of a text for a warning: up to 24 characters, then …. */
export function excerpt(text: string, max = 24): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

/** Visible length in characters (code points), not counting whitespace. */
export function visibleLength(text: string): number {
  return Array.from(text.replace(/\s+/gu, '')).length;
}

const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/** Counts of conversions, keyed like `, → ，`. */
export type Fixes = Map<string, number>;

export function describeFixes(fixes: Fixes): string {
  return [...fixes].map(([change, count]) => (count > 1 ? `${change} ×${count}` : change)).join(', ');
}

export function countFixes(fixes: Fixes): number {
  let total = 0;
  for (const count of fixes.values()) total += count;
  return total;
}

/**
 * Half-width , ; : ? ! ( ) next to a Chinese character (or full-width mark)
 * become full-width, and the spaces around them go (full-width marks carry
 * their own space); so does a , or ; right after a number with its unit in
 * Chinese text (82.4%,34项). Marks inside Latin or number runs stay: 8.15,
 * 1:2, 1,200, S308,S232, f(x) (a pair opening right after a letter or digit, with no
 * Chinese inside), example.com/?q=1. Parentheses are converted as pairs, so （1） never ends up
 * half converted.
 */
export function normalisePunctuation(text: string): { text: string; fixes: Fixes } {
  const chars = Array.from(text);
  const fixes: Fixes = new Map();
  const convert = new Set<number>();
  const prevSolid = (index: number) => {
    let i = index - 1;
    while (i >= 0 && chars[i] === ' ') i -= 1;
    return chars[i];
  };
  const nextSolid = (index: number) => {
    let i = index + 1;
    while (i < chars.length && chars[i] === ' ') i += 1;
    return chars[i];
  };
  const wideNeighbour = (index: number) => isWide(prevSolid(index)) || isWide(nextSolid(index));
  // In Chinese text a , or ; after a number with its unit (82.4%,34项) ends the run: it is sentence punctuation.
  const chinese = /\p{Script=Han}/u.test(text);
  const endsNumberRun = (index: number) =>
    chinese && (chars[index] === ',' || chars[index] === ';') && /[%‰℃°]/u.test(prevSolid(index) ?? '') && nextSolid(index) !== undefined;

  const open: number[] = [];
  chars.forEach((char, index) => {
    if (char === '(') open.push(index);
    else if (char === ')') {
      const start = open.pop();
      if (start === undefined) {
        if (wideNeighbour(index)) convert.add(index);
        return;
      }
      const inner = chars.slice(start + 1, index);
      const latinCall = /[A-Za-z0-9]/.test(chars[start - 1] ?? '');
      if (inner.some((c) => isWide(c)) || (!latinCall && (isWide(prevSolid(start)) || isWide(nextSolid(index))))) {
        convert.add(start);
        convert.add(index);
      }
    } else if (char in FULL_WIDTH && (wideNeighbour(index) || endsNumberRun(index))) convert.add(index);
  });
  for (const start of open) if (wideNeighbour(start)) convert.add(start);
  if (convert.size === 0) return { text, fixes };

  // Spaces touching a converted mark go with it.
  const drop = new Set<number>();
  for (const index of convert) {
    for (let i = index - 1; i >= 0 && chars[i] === ' '; i -= 1) drop.add(i);
    for (let i = index + 1; i < chars.length && chars[i] === ' '; i += 1) drop.add(i);
  }
  let out = '';
  chars.forEach((char, index) => {
    if (drop.has(index)) return;
    if (convert.has(index)) {
      const wide = FULL_WIDTH[char]!;
      const key = `${char} → ${wide}`;
      fixes.set(key, (fixes.get(key) ?? 0) + 1);
      out += wide;
    } else out += char;
  });
  return { text: out, fixes };
}

export interface WhitespaceReport {
  text: string;
  /** Leading or trailing whitespace was removed. */
  trimmed: boolean;
  /** Runs of spaces, tabs or ideographic spaces inside the text became one space. */
  collapsed: boolean;
  /** Control characters (not text) were removed. */
  controls: number;
}

const CONTROL = /[\p{Cc}\u200B\u2060]/gu;

/** Removes control characters, collapses whitespace runs to one space and trims. */
export function normaliseWhitespace(text: string): WhitespaceReport {
  const withoutControls = text.replace(CONTROL, (char) => (char === '\t' ? ' ' : ''));
  const controls = Array.from(text).length - Array.from(withoutControls).length;
  const trimmedText = withoutControls.trim();
  const collapsedText = trimmedText.replace(/\s+/gu, ' ');
  return {
    text: collapsedText,
    trimmed: trimmedText !== withoutControls,
    collapsed: collapsedText !== trimmedText,
    controls,
  };
}

/** In prose a space between two Chinese characters is an extraction artefact: remove it. */
export function closeCjkSpaces(text: string): { text: string; removed: number } {
  let removed = 0;
  const out = text.replace(/(?<=[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF\u201C\u201D\u2018\u2019]) (?=[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF\u201C\u201D\u2018\u2019])/gu, () => {
    removed += 1;
    return '';
  });
  return { text: out, removed };
}

/** Sentence-final punctuation. */
const TERMINAL = /[。！？!?…；;.]$/u;
const CLOSERS = /[”’"'」』】》]+$/u;

/**
 * Whether a paragraph ends like a finished sentence: 。！？… (also before a
 * closing quote), or a closing parenthesis such as （记者 张三）.
 */
export function endsComplete(text: string): boolean {
  if (TERMINAL.test(text) || /[)）]$/u.test(text)) return true;
  const withoutClosers = text.replace(CLOSERS, '');
  return withoutClosers !== text && TERMINAL.test(withoutClosers);
}

/** Number of sentence ends (。！？) inside the text. */
export function sentenceCount(text: string): number {
  return (text.match(/[。！？]+/gu) ?? []).length;
}
