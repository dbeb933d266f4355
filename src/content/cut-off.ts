/**
 * Copy that stops mid-sentence. A body paragraph (or a section lead) that ends
 * without terminal punctuation was most likely cut in the source; Folio keeps
 * it as written (it never invents the missing words) and warns, naming the
 * paragraph, so that an editor restores or cuts it before press (issue 19).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { formatLocation } from '../errors.ts';
import type { LoadedEdition, LoadedPage } from './load.ts';
import { endsComplete } from './import/text.ts';
import { formatFieldPath } from './schema-errors.ts';

export interface CutOffParagraph {
  /** Field path, e.g. `['sections', 0, 'articles', 2, 'paragraphs', 0]`. */
  path: (string | number)[];
  /** The subhead the paragraph stands under, when it is in an article. */
  subhead?: string;
  text: string;
}

/** Paragraphs and leads that end without terminal punctuation, in edition (or page) order. */
export function findCutOffParagraphs(edition: LoadedEdition['edition'] | LoadedPage['page']): CutOffParagraph[] {
  const found: CutOffParagraph[] = [];
  const check = (text: string, fieldPath: (string | number)[], subhead?: string) => {
    // The same rule the import applies to raw copy.
    if (!endsComplete(text.trim())) found.push({ path: fieldPath, subhead, text });
  };
  if ('modules' in edition) {
    edition.modules.forEach((module, m) => {
      if (module.kind !== 'story') return;
      if (module.lead) check(module.lead, ['modules', m, 'lead']);
      let subhead = module.headline.title;
      module.body.forEach((item, b) => {
        if (typeof item === 'string') check(item, ['modules', m, 'body', b], subhead);
        else subhead = item.subhead;
      });
    });
    return found;
  }
  edition.sections.forEach((section, s) => {
    if (section.lead) check(section.lead, ['sections', s, 'lead']);
    section.articles.forEach((article, a) => {
      const subhead = [article.label, article.title].filter(Boolean).join(' ');
      article.paragraphs.forEach((text, p) => check(text, ['sections', s, 'articles', a, 'paragraphs', p], subhead));
    });
  });
  return found;
}

/** One warning per cut-off paragraph, with file:line:column, field path, subhead and the words it ends on. */
export async function cutOffCopyWarnings(loaded: LoadedEdition | LoadedPage): Promise<string[]> {
  const cut = findCutOffParagraphs('page' in loaded ? loaded.page : loaded.edition);
  if (cut.length === 0) return [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(await readFile(loaded.file, 'utf8'), { lineCounter, logLevel: 'silent' });
  const file = path.relative(process.cwd(), loaded.file);
  return cut.map((paragraph) => {
    const node = doc.getIn(paragraph.path, true) as { range?: [number, number, number] } | undefined;
    const pos = node?.range ? lineCounter.linePos(node.range[0]) : undefined;
    const where = formatLocation({ file, line: pos?.line, column: pos?.col });
    const under = paragraph.subhead ? ` (under 「${paragraph.subhead}」)` : '';
    const ending = [...paragraph.text.trim()].slice(-12).join('');
    return `${where}: ${formatFieldPath(paragraph.path)}${under} ends without terminal punctuation (…${ending}): the copy looks cut; restore the missing words or cut the sentence before press`;
  });
}
