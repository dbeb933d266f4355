/**
 * Loads an issue folder (issue 18): paper.yaml (here or in the year folder
 * above), issue.yaml, and every page file, each validated by its own schema
 * with errors at file:line:column. The folio-line fields a page does not set
 * are filled from the two files as build overrides (the mechanism batch
 * manifests use); a page's own value wins and is reported as a warning.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isScalar, type Document, type LineCounter } from 'yaml';
import { z } from 'zod';
import { displayPath, loadContent, parseYamlMapping, type EditionOverride } from '../content/load.ts';
import { decodeEditionSource } from '../content/encoding.ts';
import { formatFieldPath, schemaError } from '../content/schema-errors.ts';
import type { JsonSchemaNode } from '../content/json-schema.ts';
import { ContentError, formatLocation, type SourceLocation } from '../errors.ts';
import { t } from '../i18n/locale.ts';
import { IssueFileSchema, PaperFileSchema, type IssueFile, type PaperFile } from './schema.ts';
import type { Page } from '../content/v2/page.ts';
import { indexEntry, jumpTargetOf } from './jumps.ts';

export const ISSUE_FILE = 'issue.yaml';
export const PAPER_FILE = 'paper.yaml';

/** One page of a loaded issue: its file and what the issue sets over it. */
export interface IssuePage {
  label: string;
  /** 版名. */
  name: string;
  /** Absolute path of the page file (a .yaml file, or a folder's edition.yaml). */
  file: string;
  /** The folio-line fields the page leaves to the issue, for `build({ overrides })`. */
  overrides: readonly EditionOverride[];
  /** Fields the page sets itself, differing from the issue's (the page's value is used). */
  warnings: readonly string[];
  /** The page as loaded (a v2 page; undefined for a feature edition): the 导读 box and the jumps read it. */
  page?: Readonly<Page>;
  /** A feature edition's (v1) headline, for the 导读 box. */
  featureTitle?: string;
  /** Stories of this page that continue on a later page (转版): story id → index of the target page in `pages`. */
  jumps: ReadonlyMap<string, number>;
}

export interface LoadedIssue {
  /** Absolute path of the issue folder. */
  dir: string;
  paper: Readonly<PaperFile>;
  issue: Readonly<IssueFile>;
  pages: readonly IssuePage[];
}

/** A parsed YAML file kept for locating fields in it. */
interface Located<T> {
  data: T;
  file: string;
  doc: Document;
  lineCounter: LineCounter;
}

/** The issue folder `input` names (the folder, or its issue.yaml), or undefined when it is not one. */
export async function findIssueDir(input: string): Promise<string | undefined> {
  const resolved = path.resolve(input);
  const dir = path.basename(resolved) === ISSUE_FILE ? path.dirname(resolved) : resolved;
  const info = await stat(path.join(dir, ISSUE_FILE)).catch(() => undefined);
  return info?.isFile() ? dir : undefined;
}

/** Loads and validates the issue in `dir`: paper.yaml, issue.yaml and every page file. */
export async function loadIssue(dir: string): Promise<LoadedIssue> {
  const issueDir = path.resolve(dir);
  const paper = await readYamlFile(await findPaperFile(issueDir), PaperFileSchema);
  const issue = await readYamlFile(path.join(issueDir, ISSUE_FILE), IssueFileSchema);
  const pages: IssuePage[] = [];
  for (const [index, entry] of issue.data.pages.entries()) {
    const file = await resolvePageFile(issueDir, issue, index);
    const fills = issueFields(paper, issue, index);
    const own = await readYamlFile(file);
    const version2 = (own.data as { version?: unknown }).version === 2;
    const overrides: EditionOverride[] = [];
    const warnings: string[] = [];
    for (const fill of fills) {
      // A v1 feature edition's paper has no masthead fields (cn, publisher, issue number).
      if (fill.v2Only && !version2) continue;
      const node: unknown = own.doc.getIn(['paper', fill.field], true);
      if (node === undefined) {
        overrides.push({ path: ['paper', fill.field], value: fill.value, location: fill.location });
        continue;
      }
      const ownValue = isScalar(node) ? node.value : node;
      if (String(ownValue) === String(fill.value)) continue;
      const where = locate(own, ['paper', fill.field]);
      const message = t('issue.ownField', { field: `paper.${fill.field}`, own: String(ownValue), source: formatLocation(fill.location), value: String(fill.value) });
      warnings.push(`${formatLocation(where)}: ${message}`);
    }
    // Validate the page now, with what the issue sets: a bad page fails before any page is rendered.
    const loaded = await loadContent(file, overrides);
    const page = 'page' in loaded ? loaded.page : undefined;
    const jumps = resolveJumps(page, own, issue, index, overrides);
    const featureTitle = 'edition' in loaded ? loaded.edition.headline.title : undefined;
    pages.push({ label: entry.label, name: entry.name, file, overrides, warnings, page, featureTitle, jumps });
  }
  fillIndexBoxes(pages);
  return Object.freeze({ dir: issueDir, paper: paper.data, issue: issue.data, pages: Object.freeze(pages) });
}

/**
 * The later page each `continue:` names (by label or file), checked against
 * the issue's page list. The page then prints the label the issue gives that
 * page, not the typed value, so the jump lines follow any page move.
 */
function resolveJumps(page: Readonly<Page> | undefined, own: Located<unknown>, issue: Located<IssueFile>, index: number, overrides: EditionOverride[]): Map<string, number> {
  const jumps = new Map<string, number>();
  const entries = issue.data.pages;
  page?.modules.forEach((module, m) => {
    if (module.kind !== 'story' || module.continue === undefined) return;
    const target = jumpTargetOf(module.continue, entries);
    if (target <= index) {
      const later = entries.slice(index + 1).map((entry) => entry.label);
      throw new ContentError(t('issue.badJump', { story: module.id, page: entries[index]!.label, target: module.continue }), {
        location: locate(own, ['modules', m, 'continue']),
        hint: later.length > 0 ? t('issue.badJumpHint', { labels: later.join(', ') }) : t('issue.badJumpLastHint'),
      });
    }
    jumps.set(module.id, target);
    overrides.push({ path: ['modules', m, 'continue'], value: entries[target]!.label, location: locate(issue, ['pages', target, 'label']) });
  });
  return jumps;
}

/** A box with `index: true` (导读) gets every later page's label, 版名 and lead headlines, from the pages as loaded (not rendered). */
function fillIndexBoxes(pages: IssuePage[]): void {
  // A feature page (v1) is listed by its one headline.
  const entryOf = (page: IssuePage) =>
    page.page ? indexEntry({ label: page.label, name: page.name, file: page.file, page: page.page }) : { label: page.label, name: page.name, headlines: page.featureTitle ? [page.featureTitle] : [] };
  pages.forEach((page, index) => {
    page.page?.modules.forEach((module, m) => {
      if (module.kind !== 'box' || module.index !== true) return;
      (page.overrides as EditionOverride[]).push({ path: ['modules', m, 'index'], value: pages.slice(index + 1).map(entryOf) });
    });
  });
}

interface IssueField {
  /** The field under `paper:` in the page file. */
  field: string;
  value: string | number;
  location: SourceLocation;
  v2Only?: boolean;
}

/** What paper.yaml and issue.yaml set on page `index`, each with where it is written. */
function issueFields(paper: Located<PaperFile>, issue: Located<IssueFile>, index: number): IssueField[] {
  const page = issue.data.pages[index]!;
  const fromPaper = (field: 'name' | 'cn' | 'publisher' | 'preset', v2Only = false): IssueField[] =>
    paper.data[field] === undefined ? [] : [{ field, value: paper.data[field], location: locate(paper, [field]), v2Only }];
  const fromIssue = (field: string, value: string | number | undefined, at: (string | number)[], v2Only = false): IssueField[] =>
    value === undefined ? [] : [{ field, value, location: locate(issue, at), v2Only }];
  return [
    ...fromPaper('name'),
    ...fromPaper('preset'),
    ...fromPaper('cn', true),
    ...fromPaper('publisher', true),
    ...fromIssue('date', issue.data.date, ['date']),
    ...fromIssue('issueNumber', issue.data.issueNumber, ['issueNumber'], true),
    ...fromIssue('page', page.label, ['pages', index, 'label']),
    ...fromIssue('section', page.name, ['pages', index, 'name']),
    ...fromIssue('editor', page.editor, ['pages', index, 'editor']),
  ];
}

/** paper.yaml in the issue folder, else in the folder above it (a year of issues shares one). */
async function findPaperFile(issueDir: string): Promise<string> {
  for (const dir of [issueDir, path.dirname(issueDir)]) {
    const file = path.join(dir, PAPER_FILE);
    if ((await stat(file).catch(() => undefined))?.isFile()) return file;
  }
  throw new ContentError(t('issue.noPaperFile', { dir: displayPath(issueDir) }), { hint: t('issue.noPaperFileHint') });
}

async function resolvePageFile(issueDir: string, issue: Located<IssueFile>, index: number): Promise<string> {
  const page = issue.data.pages[index]!;
  const file = path.resolve(issueDir, page.file);
  const info = await stat(file).catch(() => undefined);
  if (info?.isFile()) return file;
  const inner = path.join(file, 'edition.yaml');
  if (info?.isDirectory() && (await stat(inner).catch(() => undefined))?.isFile()) return inner;
  throw new ContentError(t('issue.noPageFile', { label: page.label, file: page.file }), {
    location: locate(issue, ['pages', index, 'file']),
    hint: t('issue.noPageFileHint'),
  });
}

/** Reads a YAML mapping; with a schema, validates it and points any problem at its line in the file. */
async function readYamlFile<S extends z.ZodType>(file: string, schema?: S): Promise<Located<z.infer<S>>> {
  const shown = displayPath(file);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    throw new ContentError(t('issue.cannotRead', { file: shown }), { cause, hint: t('issue.cannotReadHint') });
  }
  const { doc, lineCounter, data } = parseYamlMapping(decodeEditionSource(bytes, shown), shown);
  if (schema === undefined) return { data: data as z.infer<S>, file: shown, doc, lineCounter };
  const result = schema.safeParse(data);
  if (!result.success) {
    const root = z.toJSONSchema(schema, { io: 'input' }) as JsonSchemaNode;
    // The listing and location are the editions' own; the heading and hint name this file and its README section.
    const located = schemaError(result.error.issues, doc, lineCounter, shown, [], root);
    const listing = located.message.split('\n').slice(1).join('\n');
    throw new ContentError(`${t('issue.schemaMismatch', { file: path.basename(file) })}\n${listing}`, { location: located.location, hint: t('issue.schemaHint') });
  }
  return { data: result.data, file: shown, doc, lineCounter };
}

/** file:line:column of the node at `fieldPath` (or the file alone when it is not written there). */
function locate(source: Located<unknown>, fieldPath: (string | number)[]): SourceLocation {
  const node = source.doc.getIn(fieldPath, true) as { range?: [number, number, number] } | undefined;
  if (!node?.range) return { file: source.file, path: formatFieldPath(fieldPath) };
  const { line, col } = source.lineCounter.linePos(node.range[0]);
  return { file: source.file, line, column: col, path: formatFieldPath(fieldPath) };
}
