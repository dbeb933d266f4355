/**
 * What a batch renders: every `*\/edition.yaml` under a folder (in name
 * order), or the editions a manifest lists (in its order). A problem with the
 * input itself (no such folder, no editions, a bad manifest) stops the batch;
 * a problem with one edition is left for that edition to report.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ContentError, type SourceLocation } from '../errors.ts';
import { t } from '../i18n/locale.ts';
import { parseManifest } from './manifest.ts';
import { ISSUE_FILE, PAPER_FILE } from '../issue/load.ts';
import type { EditionOverride } from './overrides.ts';
import { relative } from './summary.ts';

export const EDITION_FILE = 'edition.yaml';

export interface BatchEntry {
  /** Absolute path of the edition folder or .yaml file. */
  input: string;
  /** The id the edition gets when its file does not set one (its folder name). */
  fallbackId: string;
  overrides: readonly EditionOverride[];
  /** The manifest entry that names it. */
  location?: SourceLocation;
  /** Set when the entry is an issue folder (issue.yaml): the plan expands it into its pages. */
  issue?: true;
}

export interface BatchInput {
  kind: 'folder' | 'manifest';
  /** Absolute path of the folder or manifest. */
  path: string;
  entries: BatchEntry[];
  volumeTitle?: string;
  /** Edition ids to put first in the volume, from the manifest. */
  order: { id: string; location: SourceLocation }[];
}

const inputHint = () => t('batch.inputHint');

export async function discover(input: string): Promise<BatchInput> {
  const resolved = path.resolve(input);
  const info = await stat(resolved).catch(() => undefined);
  if (info?.isDirectory()) return discoverFolder(resolved);
  if (info?.isFile() && /\.ya?ml$/i.test(resolved)) {
    const source = await readFile(resolved, 'utf8');
    const manifest = parseManifest(source, relative(resolved));
    const entries = manifest.editions.map((edition) => ({
      input: edition.input,
      fallbackId: fallbackId(edition.input),
      overrides: edition.overrides,
      location: edition.location,
    }));
    return { kind: 'manifest', path: resolved, entries, volumeTitle: manifest.volumeTitle, order: manifest.order };
  }
  throw new ContentError(t(info === undefined ? 'batch.inputMissing' : 'batch.inputNotFolder', { path: resolved }), { hint: inputHint() });
}

async function discoverFolder(dir: string): Promise<BatchInput> {
  const children = await readdir(dir, { withFileTypes: true });
  const entries: BatchEntry[] = [];
  for (const child of children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (child.name.startsWith('.')) continue;
    const folder = path.join(dir, child.name);
    const isFolder = child.isDirectory() || (child.isSymbolicLink() && (await stat(folder).catch(() => undefined))?.isDirectory());
    if (!isFolder) continue;
    const file = await stat(path.join(folder, EDITION_FILE)).catch(() => undefined);
    if (file?.isFile()) entries.push({ input: folder, fallbackId: child.name, overrides: [] });
    else entries.push(...(await issueEntries(folder)));
  }
  // The folder may itself be one issue.
  if (entries.length === 0) entries.push(...(await issueEntries(dir, false)));
  if (entries.length === 0) {
    const single = await stat(path.join(dir, EDITION_FILE)).catch(() => undefined);
    throw new ContentError(t('batch.noEditions', { dir, file: EDITION_FILE }), {
      hint: single?.isFile() ? t('batch.oneEditionHint') : inputHint(),
    });
  }
  return { kind: 'folder', path: dir, entries, order: [] };
}

const isFile = async (file: string) => (await stat(file).catch(() => undefined))?.isFile() ?? false;

/**
 * An issue folder (issue.yaml) is one entry the plan expands into its pages;
 * a year folder (paper.yaml above issue folders) gives its issues in name
 * order, so `content/` may mix single editions, issues and years.
 */
async function issueEntries(folder: string, lookInside = true): Promise<BatchEntry[]> {
  if (await isFile(path.join(folder, ISSUE_FILE))) return [{ input: folder, fallbackId: path.basename(folder), overrides: [], issue: true }];
  if (!lookInside || !(await isFile(path.join(folder, PAPER_FILE)))) return [];
  const entries: BatchEntry[] = [];
  const names = (await readdir(folder, { withFileTypes: true })).filter((child) => child.isDirectory() && !child.name.startsWith('.')).map((child) => child.name).sort();
  for (const name of names) entries.push(...(await issueEntries(path.join(folder, name), false)));
  return entries;
}

/** The edition file of a folder or .yaml path, or a message saying why there is none. */
export async function editionFile(input: string): Promise<string> {
  const info = await stat(input).catch(() => undefined);
  if (info?.isDirectory()) {
    const file = path.join(input, EDITION_FILE);
    if ((await stat(file).catch(() => undefined))?.isFile()) return file;
    throw new ContentError(t('content.folderHasNoEdition', { path: input, file: EDITION_FILE }), { hint: inputHint() });
  }
  if (info?.isFile() && /\.ya?ml$/i.test(input)) return input;
  throw new ContentError(t(info ? 'batch.entryNotEdition' : 'content.noEdition', { path: input }), {
    hint: t('batch.entryHint'),
  });
}

function fallbackId(input: string): string {
  return /\.ya?ml$/i.test(input) ? path.basename(path.dirname(input)) : path.basename(input);
}
