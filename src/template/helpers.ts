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

/** YYYY-MM-DD → 2024年1月5日, as Chinese folio lines print dates. */
export function formatDate(iso: unknown): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso ?? ''));
  if (!match) return String(iso ?? '');
  const [, year, month, day] = match;
  return `${year}年${Number(month)}月${Number(day)}日`;
}

export const HELPERS: Readonly<Record<string, HelperDelegate>> = Object.freeze({
  breakParts,
  stripStar,
  formatDate,
});
