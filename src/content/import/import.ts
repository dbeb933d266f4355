/**
 * Import: raw page text (as extracted from a printed page: blocks separated by
 * blank lines, some repeated, some cut off, half-width punctuation) → an
 * edition the schema accepts, as commented YAML, with a warning for every
 * change and every guess. The stages: blocks (lines with their numbers) →
 * classify (what each line is) → assemble (draft structure) → clean (repeats,
 * merges) → to-edition (schema rules) → write-yaml.
 *
 * Decisions where the page text leaves a choice:
 * - One line is one unit: lines of a block are never joined (the extracted
 *   text has one paragraph per line); blank lines only separate, but wider
 *   gaps (2+ blank lines) mark a caption standing apart inside the body.
 * - The first line is always the headline. No kicker (引题) is guessed.
 * - List items become honors only before the body starts; in the body they
 *   stay paragraphs, verbatim. A short one-sentence block in the page head is
 *   a caption; a line above a credit (…摄) is its caption.
 * - Where the schema needs a word the source lacks (a section label when there
 *   is no band, an article title when a section has no subhead) the neutral
 *   正文 is used, warned about and commented in the YAML. Several paragraphs
 *   before the first subhead are joined into the lead, one per line.
 * - A subhead or band with nothing under it is kept as a paragraph; a credit
 *   with no caption above it goes to the nearest earlier caption without one,
 *   else to the page credit. Nothing is dropped but exact repeats and markers.
 * - No id is written unless --id is given (the loader uses the folder name).
 * - Unusable (ContentError): empty, NUL bytes, over a quarter control or
 *   undecodable characters, or a headline with no body text under it.
 */
import { readFile, stat } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import path from 'node:path';
import { refuseOutputOverInput } from '../../same-file.ts';
import { decodeImportText } from '../encoding.ts';
import { ContentError, FolioError } from '../../errors.ts';
import { parseEdition } from '../load.ts';
import type { EditionInput } from '../schema.ts';
import { assemble, Report, type ImportWarning } from './assemble.ts';
import { assertUsableText, splitBlocks, type SourceLine } from './blocks.ts';
import { chooseShape, importStories, type ImportShape, type PageImportResult } from './stories/import-stories.ts';
import { classify, ensureBody, type Unit } from './classify.ts';
import { dedupe, reportLineFixes, type CleanStats } from './clean.ts';
import { toEdition } from './to-edition.ts';
import { DEFAULT_SCHEMA_PATH, editionYaml, schemaPathFor, writeTextAtomic } from './write-yaml.ts';
import { importReportLines } from './report-lines.ts';
import { t } from '../../i18n/locale.ts';

export type { ImportWarning } from './assemble.ts';
export type { ImportShape, PageImportResult } from './stories/import-stories.ts';

/** A text read as one feature: a v1 edition, as before issue 17. */
export interface FeatureImportResult {
  shape: 'feature';
  edition: EditionInput;
  yaml: string;
  warnings: ImportWarning[];
  summary: string[];
}

/** A feature edition (v1) or a page of stories (schema v2), told apart by `shape`. */
export type ImportResult = FeatureImportResult | PageImportResult;

export interface ImportTextOptions {
  /** Edition id written to the YAML; by default none (the loader then uses the folder name). */
  id?: string;
  /** Names the source in the YAML header, warnings and errors. */
  sourceName?: string;
  /** The `$schema` path of the modeline; default ../../schema/edition.schema.json (content/<id>/edition.yaml). */
  schemaPath?: string;
  /** One feature (v1 edition), a page of stories (v2), or auto (default): stories when a second headline has a dateline or byline under it. */
  as?: ImportShape | 'auto';
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** Imports page text. Throws ContentError only when the text is unusable (empty, binary, no body). */
export function importText(text: string, options: ImportTextOptions & { as: 'feature' }): FeatureImportResult;
export function importText(text: string, options: ImportTextOptions & { as: 'stories' }): PageImportResult;
export function importText(text: string, options?: ImportTextOptions): ImportResult;
export function importText(text: string, options: ImportTextOptions = {}): ImportResult {
  const sourceName = options.sourceName ?? 'text';
  if (options.id !== undefined && !SLUG.test(options.id)) {
    throw new ContentError(t('import.badId', { id: options.id }), { hint: t('import.badIdHint') });
  }
  assertUsableText(text, sourceName);
  const lines = splitBlocks(text).flatMap((block) => block.lines);
  if (lines.length === 0) {
    throw new ContentError(t('import.noText', { file: sourceName }), { location: { file: sourceName }, hint: t('import.noTextHint') });
  }
  const as = options.as ?? 'auto';
  const choice = as === 'auto' ? chooseShape(lines) : { shape: as, reason: `asked for with --as ${as}` };
  if (choice.shape === 'stories') return importStories(lines, { sourceName, id: options.id, reason: choice.reason });
  const result = importFeature(lines, options, sourceName);
  if (as === 'auto') result.summary.splice(-1, 0, `read as one feature: ${choice.reason} (--as stories reads it as separate stories)`);
  return result;
}

function importFeature(lines: SourceLine[], options: ImportTextOptions, sourceName: string): FeatureImportResult {
  const report = new Report();
  const units = classify(lines);
  const reclassified = ensureBody(units);
  if (reclassified > 0) {
    report.warn(lines[1]?.line ?? lines[0]!.line, `no paragraph or subhead found: ${plural(reclassified, 'block')} that looked like captions or credits kept as paragraphs`);
  }
  reportMarkers(units, report);
  const draft = assemble(units);
  const stats: CleanStats = { dropped: 0, merged: 0, punctuation: 0 };
  dedupe(draft, report, stats);
  const { edition, notes, cutOff } = toEdition(draft, report, options.id, sourceName);
  reportLineFixes(draft, report, stats);
  const warnings = report.warnings.sort((a, b) => a.line - b.line);

  const photos = edition.photos ?? [];
  const header = [
    `${plural(warnings.length, 'warning')} at import; the comments below mark what was cleaned or guessed.`,
    ...(stats.punctuation > 0 ? [`Half-width punctuation in Chinese text was made full-width (GB/T 15834): ${plural(stats.punctuation, 'mark')}.`] : []),
    ...(photos.length > 0 ? ['The source has no images: every photo is a declared placeholder; add `file:` when the picture arrives.'] : []),
  ];
  const yaml = editionYaml(edition, notes, { schemaPath: options.schemaPath ?? DEFAULT_SCHEMA_PATH, sourceName, header });
  try {
    parseEdition(yaml, `${sourceName} (imported)`);
  } catch (cause) {
    throw new FolioError(`the import of ${sourceName} produced an edition that does not load: this is a bug in folio import`, { cause });
  }

  const articles = edition.sections.flatMap((section) => section.articles);
  const paragraphs = articles.reduce((n, article) => n + article.paragraphs.length, 0) + edition.sections.filter((s) => s.lead).length;
  const summary = [
    t('import.summary', { source: sourceName, title: edition.headline.title, sections: edition.sections.length, subheads: articles.length, paragraphs, honors: edition.honors?.length ?? 0, photos: photos.length }),
    t('import.cleaned', { dropped: stats.dropped, merged: stats.merged, marks: stats.punctuation }),
    ...(cutOff.length > 0 ? [t('import.cutOff', { count: cutOff.length, lines: cutOff.join(', ') })] : []),
    t('import.warnings', { count: warnings.length }),
  ];
  return { shape: 'feature', edition, yaml, warnings, summary };
}

/** Markers the importer removes are reported too: list markers and ★, the □ before a byline, a deck dash rewritten. */
function reportMarkers(units: readonly Unit[], report: Report): void {
  const honors = units.filter((unit) => unit.kind === 'honor' && unit.removed);
  if (honors.length > 0) {
    const markers = [...new Set(honors.map((unit) => unit.removed))].join(' ');
    report.warn(
      honors[0]!.source.line,
      `honors: removed the list markers (${markers}) from ${plural(honors.length, 'item')}; the template sets its own ★`,
      honors.at(-1)!.source.line,
      'markers',
    );
  }
  for (const unit of units) {
    if (unit.kind === 'byline' && unit.removed) report.warn(unit.source.line, `byline: removed the ${unit.removed} marker`, undefined, 'markers');
    if (unit.kind === 'deck' && unit.removed) report.warn(unit.source.line, `deck: the leading ${unit.removed} written as ——`, undefined, 'markers');
  }
}

export interface ImportFileOptions {
  id?: string;
  /** See ImportTextOptions.as. */
  as?: ImportShape | 'auto';
  /** Edition YAML to write (atomically); the result is returned either way. */
  output?: string;
  /** Refuse an `output` that exists already (the CLI without --force). */
  keepExisting?: boolean;
}

/** Reads page text (UTF-8, or the encoding decodeImportText recognises), imports it and writes the YAML when `output` is given. */
export async function importFile(file: string, options: ImportFileOptions & { as: 'feature' }): Promise<FeatureImportResult>;
export async function importFile(file: string, options: ImportFileOptions & { as: 'stories' }): Promise<PageImportResult>;
export async function importFile(file: string, options?: ImportFileOptions): Promise<ImportResult>;
export async function importFile(file: string, options: ImportFileOptions = {}): Promise<ImportResult> {
  if (options.output !== undefined) {
    // Writing over the text itself is refused whatever --force says (issue 16), and said so first.
    refuseOutputOverInput([{ path: options.output, role: t('role.importOutput') }], [{ path: file, role: t('role.importInput') }]);
    if (options.keepExisting && (await stat(options.output).catch(() => undefined))) {
      // An edition an editor has worked on is not overwritten by a re-import by accident (issue 15, item 8).
      throw new ContentError(t('import.outputExists', { file: options.output }), { hint: t('import.outputExistsHint') });
    }
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    throw new ContentError(t('content.cannotRead', { file }), { cause, location: { file }, hint: t('content.cannotReadHint') });
  }
  const { text, encoding } = decodeImportText(bytes, file);
  const result = importText(text, { id: options.id, as: options.as, sourceName: path.basename(file), schemaPath: schemaPathFor(options.output) });
  if (encoding !== 'utf-8') result.warnings.unshift({ line: 1, message: `the file is not UTF-8: decoded as ${encoding}` });
  if (options.output !== undefined) {
    await writeTextAtomic(path.resolve(options.output), result.yaml);
    result.summary.push(`wrote ${options.output}`);
  }
  return result;
}

/**
 * `folio import <raw.txt> [-o edition.yaml] [--id ID] [--as auto|feature|stories]`. With -o the YAML goes
 * to the file and the summary to stdout; without it the YAML goes to stdout
 * (so it can be redirected) and the summary to stderr. Warnings always go to
 * stderr, one per line, as `file:line: warning: …`. Unusable text throws
 * ContentError, which the CLI reports with exit status 2.
 */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(t('help.import'))
    .argument('<raw>', t('help.rawArg'))
    .option('-o, --output <file>', t('help.importOutput'))
    .option('--id <id>', t('help.importId'))
    .option('--force', t('help.importForce'))
    .addOption(new Option('--as <shape>', t('help.importAs')).choices(['auto', 'feature', 'stories']).default('auto'))
    .action(async (raw: string, options: { output?: string; id?: string; force?: boolean; as: ImportShape | 'auto' }) => {
      const result = await importFile(raw, { output: options.output, id: options.id, as: options.as, keepExisting: !options.force });
      if (options.output === undefined) process.stdout.write(result.yaml);
      const print = options.output === undefined ? console.error : console.log;
      for (const line of result.summary) print(line);
      for (const line of importReportLines(raw, result.warnings)) console.error(line);
    });
}
