/**
 * Writes an imported edition as YAML an editor can read and review: the
 * schema modeline first (so editors validate and autocomplete), the source
 * named, paragraphs as folded block scalars, and a comment wherever the
 * importer cleaned or guessed something.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { ensureDir } from '../../files/ensure-dir.ts';
import path from 'node:path';
import { Document, isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { FOLIO_ROOT } from '../../defaults.ts';
import { FolioError } from '../../errors.ts';
import { t } from '../../i18n/locale.ts';
import type { EditionInput } from '../schema.ts';
import type { Notes } from './to-edition.ts';

/** The modeline path for an edition at content/<id>/edition.yaml. */
export const DEFAULT_SCHEMA_PATH = '../../schema/edition.schema.json';
/** Captions longer than this are written as block scalars too. */
const LONG_CAPTION = 30;

/** The path of schema/edition.schema.json relative to the folder of `output`. */
export function schemaPathFor(output: string | undefined): string {
  if (output === undefined) return DEFAULT_SCHEMA_PATH;
  const schema = path.join(FOLIO_ROOT, 'schema', 'edition.schema.json');
  return path.relative(path.dirname(path.resolve(output)), schema).split(path.sep).join('/');
}

export interface YamlOptions {
  schemaPath: string;
  sourceName: string;
  /** Further header comment lines (without #). */
  header: readonly string[];
}

export const comment = (lines: readonly string[]) => lines.map((line) => ` ${line}`).join('\n');

export function editionYaml(edition: EditionInput, notes: Notes, options: YamlOptions): string {
  const doc = new Document(edition);
  doc.commentBefore = comment([
    `yaml-language-server: $schema=${options.schemaPath}`,
    `Imported by \`folio import\` from ${options.sourceName}.`,
    ...options.header,
  ]);

  const folded = (node: unknown) => {
    if (isScalar(node) && typeof node.value === 'string') node.type = Scalar.BLOCK_FOLDED;
  };
  const sections = doc.get('sections', true);
  if (isSeq(sections)) {
    for (const section of sections.items) {
      if (!isMap(section)) continue;
      folded(section.get('lead', true));
      const articles = section.get('articles', true);
      if (!isSeq(articles)) continue;
      for (const article of articles.items) {
        const paragraphs = isMap(article) ? article.get('paragraphs', true) : undefined;
        if (isSeq(paragraphs)) paragraphs.items.forEach(folded);
      }
    }
  }
  const photos = doc.get('photos', true);
  if (isSeq(photos)) {
    for (const photo of photos.items) {
      const caption = isMap(photo) ? photo.get('caption', true) : undefined;
      if (isScalar(caption) && Array.from(String(caption.value)).length > LONG_CAPTION) folded(caption);
    }
  }

  // A blank line before each top-level group after the headline.
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && ['honors', 'photos', 'sections', 'credit'].includes(String(pair.key.value))) pair.key.spaceBefore = true;
    }
  }

  applyNotes(doc, notes);
  return doc.toString({ lineWidth: 0 });
}

/** Hangs each note as a comment above the node at its dotted path: above its key in a mapping, above its dash in a list. */
export function applyNotes(doc: Document, notes: Notes): void {
  for (const [dotted, lines] of notes) {
    const segments = dotted.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
    const key = segments.at(-1);
    const parent = doc.getIn(segments.slice(0, -1), true);
    // A note on a mapping value sits above its key; a note on a list item sits above its dash.
    let target: Node | undefined;
    if (isMap(parent) && typeof key === 'string') {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
      target = pair && isScalar(pair.key) ? pair.key : undefined;
    } else {
      const node = doc.getIn(segments, true);
      target = isScalar(node) || isMap(node) || isSeq(node) ? node : undefined;
    }
    if (target) target.commentBefore = [target.commentBefore, comment(lines)].filter(Boolean).join('\n');
  }
}

/** Writes `text` to a temporary file beside `target`, then renames it: never a half-written edition. */
export async function writeTextAtomic(target: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  await ensureDir(path.dirname(target));
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, target);
  } catch (cause) {
    await rm(temporary, { force: true });
    throw new FolioError(t('import.cannotWrite', { file: target }), { cause, hint: t('import.cannotWriteHint') });
  }
}
