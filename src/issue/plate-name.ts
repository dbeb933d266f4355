/**
 * Plate-file names (issue 18): plants expect one PDF per page named by date
 * and page, e.g. `20240126_A01.pdf`. The pattern is set once in paper.yaml;
 * `{date:YYYYMMDD}` writes the issue date in that shape and `{label:A01}`
 * the page label with its number zero-padded to the width of the digits
 * given (A1 → A01, B12 → B12, 3 → 03).
 */

export const DEFAULT_PLATE_PATTERN = '{date:YYYYMMDD}_{label:A01}';

/** A page label as printed: letters then a number, e.g. A1, B12 or 3. */
export const PAGE_LABEL = /^([A-Za-z]*)(\d+)$/;

const TOKEN = /\{([a-z]+)(?::([^{}]*))?\}/g;
const DATE_FORMAT = /^(YYYY|MM|DD|[^A-Za-z])+$/;
const LABEL_FORMAT = /^[A-Za-z]*(\d+)$/;
/** Characters a file name on any plant's file server may not hold. */
const UNSAFE = /[/\\:*?"<>|\u0000-\u001f]/;

export interface PlateNameFields {
  /** YYYY-MM-DD. */
  date: string;
  label: string;
}

/** What is wrong with a pattern, in words for the editor, or undefined when it is usable. */
export function plateNameProblem(pattern: string): string | undefined {
  let hasLabel = false;
  for (const [token, name, format] of pattern.matchAll(TOKEN)) {
    if (name === 'label') {
      hasLabel = true;
      if (format !== undefined && !LABEL_FORMAT.test(format)) return `${token}: write the label's shape as a letter and a number, e.g. {label:A01}`;
    } else if (name === 'date') {
      if (format !== undefined && !DATE_FORMAT.test(format)) return `${token}: write the date's shape with YYYY, MM and DD, e.g. {date:YYYYMMDD}`;
    } else {
      return `unknown field ${token}; the pattern may use {date:…} and {label:…}`;
    }
  }
  // Two pages would otherwise write the same plate file.
  if (!hasLabel) return 'the pattern must contain {label} or {label:A01}, so each page gets its own file';
  const literal = pattern.replace(TOKEN, '');
  if (UNSAFE.test(literal) || /[{}]/.test(literal)) return `the pattern holds a character a file name cannot: ${JSON.stringify(literal)}`;
  return undefined;
}

/** The plate file's name for one page, `.pdf` included. The pattern must be valid (see plateNameProblem). */
export function formatPlateName(pattern: string, fields: PlateNameFields): string {
  const name = pattern.replace(TOKEN, (_token, field: string, format: string | undefined) =>
    field === 'date' ? formatDate(fields.date, format) : formatLabel(fields.label, format),
  );
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}

/** The issue PDF's name: the date, e.g. `20240126.pdf`. */
export function issuePdfName(date: string): string {
  return `${formatDate(date, 'YYYYMMDD')}.pdf`;
}

function formatDate(date: string, format = 'YYYY-MM-DD'): string {
  const [year = '', month = '', day = ''] = date.split('-');
  return format.replace(/YYYY|MM|DD/g, (part) => (part === 'YYYY' ? year : part === 'MM' ? month : day));
}

function formatLabel(label: string, format: string | undefined): string {
  const match = PAGE_LABEL.exec(label);
  const width = format === undefined ? 0 : (LABEL_FORMAT.exec(format)?.[1]?.length ?? 0);
  if (!match) return label;
  return `${match[1]}${match[2]!.padStart(width, '0')}`;
}
