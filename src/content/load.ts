/**
 * Loads an edition: finds edition.yaml, parses the YAML and validates it
 * against the schema. Every failure becomes one ContentError pointing at the
 * exact line and field, because the people writing editions are editors, not
 * programmers, and "invalid input" alone would leave them guessing.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { decodeEditionSource } from './encoding.ts';
import { ContentError, type SourceLocation } from '../errors.ts';
import { EDITION_LIMITS } from '../defaults.ts';
import { formatFieldPath, schemaHint, schemaError } from './schema-errors.ts';
import { t } from '../i18n/locale.ts';
import { firstAlias, unclosedQuoteOffset } from './yaml-errors.ts';
import { EditionSchema, type Edition } from './schema.ts';
import { PageSchema, type Page } from './v2/page.ts';
import { featurePageAsEdition } from './v2/upgrade.ts';

/**
 * A value set over the edition file's own, e.g. by a batch manifest
 * (`paper.date`, `paper.page`). It is applied to the parsed YAML before
 * validation; the edition file is never changed.
 */
export { formatFieldPath } from './schema-errors.ts';

export interface EditionOverride {
  /** Field path, e.g. `['paper', 'date']`; missing mappings on the way are created. */
  path: readonly (string | number)[];
  value: unknown;
  /** Where the override is written (the manifest), so a bad value is reported there. */
  location?: SourceLocation;
}

export interface LoadedEdition {
  edition: Readonly<Edition>;
  /** Absolute path of edition.yaml. */
  file: string;
  /** The folder holding edition.yaml; photo paths are relative to it. */
  dir: string;
  /** `edition.id`, or the folder name when the edition does not set one. */
  id: string;
}

const EDITION_FILE = 'edition.yaml';
const inputHint = () => t('content.inputHint', { file: EDITION_FILE });

/** A general page (schema v2 with stories, photos, boxes, ads), loaded. */
export interface LoadedPage {
  page: Readonly<Page>;
  file: string;
  dir: string;
  id: string;
}

/**
 * Loads an edition for the commands that read only the feature layout (the
 * preview, preflight's expectations): a general page is named as such.
 */
export async function loadEdition(input: string, overrides: readonly EditionOverride[] = []): Promise<LoadedEdition> {
  const loaded = await loadContent(input, overrides);
  if ('page' in loaded) {
    throw new ContentError(`${displayPath(loaded.file)} is a general page (schema v2 with ${loaded.page.modules.length} modules); this command reads feature editions only`, {
      location: { file: displayPath(loaded.file) },
      hint: 'render it with `folio render` or `folio preview`',
    });
  }
  return loaded;
}

/**
 * Loads `<input>/edition.yaml`, or `input` itself when it is a .yaml/.yml
 * file: a v1 edition, or a v2 page. A v2 page whose one module is a feature
 * is read as the feature edition it is, so it renders exactly as v1 does.
 */
export async function loadContent(input: string, overrides: readonly EditionOverride[] = []): Promise<LoadedEdition | LoadedPage> {
  const file = await resolveEditionFile(path.resolve(input));
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    throw new ContentError(t('content.cannotRead', { file }), { cause, hint: t('content.cannotReadHint') });
  }
  if (bytes.length > EDITION_LIMITS.fileBytes) {
    throw new ContentError(
      t('content.tooLarge', { file: displayPath(file), mb: (bytes.length / 1024 / 1024).toFixed(1), max: EDITION_LIMITS.fileBytes / 1024 / 1024 }),
      { hint: t('content.tooLargeHint') },
    );
  }
  const source = decodeEditionSource(bytes, displayPath(file));
  const content = parseContent(source, displayPath(file), overrides);
  const dir = path.dirname(file);
  const id = content.id ?? path.basename(dir);
  return 'modules' in content ? { page: content, file, dir, id } : { edition: content, file, dir, id };
}

// These errors carry no `location`: the message already names the path, and describeError would print it twice.
async function resolveEditionFile(resolved: string): Promise<string> {
  const info = await stat(resolved).catch(() => undefined);
  if (info === undefined) {
    throw new ContentError(t('content.noEdition', { path: resolved }), { hint: inputHint() });
  }
  if (info.isDirectory()) {
    const file = path.join(resolved, EDITION_FILE);
    const inner = await stat(file).catch(() => undefined);
    if (inner?.isFile()) return file;
    throw new ContentError(t('content.folderHasNoEdition', { path: resolved, file: EDITION_FILE }), { hint: inputHint() });
  }
  if (info.isFile() && /\.ya?ml$/i.test(resolved)) return resolved;
  throw new ContentError(t('content.notEdition', { path: resolved }), { hint: inputHint() });
}

/** Paths under the working directory are shown relative, so terminals make them clickable and short. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * Parses and validates edition YAML. `file` is used only in error locations.
 * The result is deeply frozen: templates and later stages share it and must
 * not be able to change the content under each other.
 */
export function parseEdition(source: string, file: string, overrides: readonly EditionOverride[] = []): Edition {
  const content = parseContent(source, file, overrides);
  if ('modules' in content) {
    throw new ContentError('this is a general page (schema v2 with stories); a feature edition was expected', { location: { file }, hint: 'render it with `folio render`' });
  }
  return content;
}

/** Parses and validates a v1 edition or a v2 page (told apart by `version: 2`). */
export function parseContent(source: string, file: string, overrides: readonly EditionOverride[] = []): Edition | Page {
  const { doc, lineCounter, data } = parseYamlMapping(source, file, overrides);
  return validateContent(data, doc, lineCounter, file, overrides);
}

/**
 * Parses YAML whose top level is a mapping and applies `overrides` to it.
 * Every failure is a ContentError at file:line:column; the document and its
 * line counter are returned so schema errors can point into it too. Editions,
 * pages and the issue files (src/issue) are read through it.
 */
export function parseYamlMapping(source: string, file: string, overrides: readonly EditionOverride[] = []): { doc: Document; lineCounter: LineCounter; data: unknown } {
  const lineCounter = new LineCounter();
  // logLevel 'error': the yaml library would otherwise print Node warnings (collection keys) beside Folio's message.
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true, lineCounter, logLevel: 'error' });

  const syntaxError = doc.errors[0];
  if (syntaxError) {
    // An unclosed quote is reported where the file ends; the editor needs the line where it opens.
    const quoteStart = syntaxError.code === 'MISSING_CHAR' ? unclosedQuoteOffset(source) : undefined;
    const pos = quoteStart === undefined ? syntaxError.linePos?.[0] : lineCounter.linePos(quoteStart);
    const location: SourceLocation = { file, line: pos?.line, column: pos?.col };
    // prettyErrors appends " at line L, column C:" and a code excerpt; the location already says where.
    const message = syntaxError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const more = doc.errors.length > 1 ? t('content.moreYamlErrors', { count: doc.errors.length - 1 }) : '';
    const line = pos?.line === undefined ? '' : (source.split(/\r\n|\r|\n/)[pos.line - 1] ?? '');
    throw new ContentError(t('content.invalidYaml', { message: `${message}${more}` }), {
      location,
      hint: /^[^:#]*：/.test(line) ? t('content.fullWidthColonHint') : t('content.yamlSyntaxHint'),
    });
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    throw new ContentError(t('content.empty'), { location: { file }, hint: schemaHint() });
  }
  if (!isMap(doc.contents)) {
    const start = lineCounter.linePos(doc.contents.range?.[0] ?? 0);
    throw new ContentError(t('content.notMapping'), {
      location: { file, line: start.line, column: start.col },
      hint: schemaHint(),
    });
  }

  for (const override of overrides) {
    try {
      doc.setIn(override.path, doc.createNode(override.value));
    } catch (cause) {
      // setIn cannot go through a scalar, e.g. `paper: x` under an override of `paper.date`.
      throw new ContentError(t('content.overrideNotMapping', { field: formatFieldPath(override.path) }), {
        cause,
        location: override.location ?? { file },
        hint: t('content.overrideNotMappingHint'),
      });
    }
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (cause) {
    // The yaml library throws ReferenceError for `*name` without `&name` and for alias bombs.
    const alias = firstAlias(doc);
    const start = alias?.range ? lineCounter.linePos(alias.range[0]) : undefined;
    throw new ContentError(t('content.invalidYaml', { message: cause instanceof Error ? cause.message : String(cause) }), {
      cause,
      location: { file, line: start?.line, column: start?.col },
      hint: t('content.aliasHint'),
    });
  }
  return { doc, lineCounter, data };
}

function validateContent(data: unknown, doc: Document, lineCounter: LineCounter, file: string, overrides: readonly EditionOverride[]): Edition | Page {
  const characters = textLength(data, EDITION_LIMITS.characters);
  if (characters > EDITION_LIMITS.characters) {
    throw new ContentError(t('content.tooManyCharacters', { max: EDITION_LIMITS.characters.toLocaleString('en') }), {
      location: { file },
      hint: t('content.tooManyCharactersHint'),
    });
  }
  if (isVersion2(data)) {
    const page = PageSchema.safeParse(data);
    if (!page.success) throw schemaError(page.error.issues, doc, lineCounter, file, overrides);
    return deepFreeze(featurePageAsEdition(page.data) ?? page.data);
  }
  const result = EditionSchema.safeParse(data);
  if (!result.success) throw schemaError(result.error.issues, doc, lineCounter, file, overrides);
  return deepFreeze(result.data);
}

function isVersion2(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { version?: unknown }).version === 2;
}

/** Characters in every string and key of `value`, counting no further than just past `limit`. */
function textLength(value: unknown, limit: number, seen = { total: 0 }): number {
  if (seen.total > limit) return seen.total;
  if (typeof value === 'string') seen.total += value.length;
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (!Array.isArray(value)) seen.total += key.length;
      textLength(child, limit, seen);
      if (seen.total > limit) break;
    }
  }
  return seen.total;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
