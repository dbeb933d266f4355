/**
 * YAML faults the parser reports badly, located for the user: an alias with
 * no anchor (text starting with *), and a quote that is never closed.
 */
import { isAlias, Parser, visit, type Document } from 'yaml';

/** Offset of the first alias (*name), to point at it when aliases cannot be resolved. */
export function firstAlias(doc: Document): { range?: [number, number, number] | null } | undefined {
  let found: { range?: [number, number, number] | null } | undefined;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && !node.resolve(doc)) {
        found = node;
        return visit.BREAK;
      }
      found ??= node;
    },
  });
  return found;
}

/** Offset of a quoted scalar that is never closed, from the CST. */
export function unclosedQuoteOffset(source: string): number | undefined {
  let found: number | undefined;
  const walk = (token: unknown): void => {
    if (found !== undefined || token === null || typeof token !== 'object') return;
    const t = token as { type?: string; offset?: number; source?: string };
    if ((t.type === 'double-quoted-scalar' || t.type === 'single-quoted-scalar') && typeof t.source === 'string' && typeof t.offset === 'number') {
      const quote = t.source[0];
      const body = t.source.slice(1);
      const closed = quote === '"' ? /(^|[^\\])(\\\\)*"$/.test(body) : /'$/.test(body.replace(/''/g, ''));
      if (!closed || body.length === 0) found = t.offset;
      return;
    }
    for (const value of Object.values(token)) {
      if (Array.isArray(value)) value.forEach(walk);
      else walk(value);
    }
  };
  for (const token of new Parser().parse(source)) walk(token);
  return found;
}
