/**
 * What a batch reports: one record per edition (status, time, pages,
 * warnings and the copyfit figures), written to summary.json in the output
 * folder and printed as a table at the end.
 */
import path from 'node:path';
import type { FitReport } from '../paginate/fit-page.ts';
import type { PageArrangement } from '../paginate/fit-modules.ts';
import { writeFileAtomic } from '../pdf/write-atomic.ts';
import { withoutErrorPrefix } from '../errors.ts';
import { t } from '../i18n/locale.ts';

export const SUMMARY_FILE = 'summary.json';

export type EditionStatus = 'rendered' | 'unchanged' | 'failed';

/** The copyfit result in whole lines of the type area. */
export interface FitFigures {
  rounds: number;
  headLines: number;
  galleryLines: number;
  galleryPhotos: number;
  sections: { id: string; name: string; lines: number; textColumns: number; photoSpan: number; blankLines: number }[];
  /** Lines left empty at the foot of the type area. */
  blankLines: number;
  /** A general page: where the solver placed each module. */
  modules?: { id: string; kind: string; column: number; line: number; columns: number; lines: number }[];
}

export interface EditionSummary {
  id: string;
  /** Absolute path of the edition file (or of the input that could not be read). */
  source: string;
  /** The PDF's file name in the output folder; null when the edition failed. */
  pdf: string | null;
  status: EditionStatus;
  /** Milliseconds of rendering in this run (for `unchanged`, the time of the render that made the PDF). */
  timeMs: number;
  pages: number | null;
  warnings: string[];
  fit: FitFigures | null;
  /** Renders tried in this run: 0 when unchanged or failed before rendering, 2 after a crash and a retry. */
  attempts: number;
  error?: string;
  /** The queue worker that rendered it (`folio batch --queue`). */
  worker?: string;
}

/** A batch rendered by queue workers: the queue (without its password) and the workers that took its pages. */
export interface QueueSummary {
  url: string;
  workers: string[];
}

export interface VolumeSummary {
  path: string;
  pages: number;
  editions: string[];
  error?: string;
}

export interface BatchSummary {
  folioVersion: string;
  input: string;
  outDir: string;
  startedAt: string;
  durationMs: number;
  jobs: number;
  browserLaunches: number;
  queue?: QueueSummary;
  counts: { total: number; rendered: number; unchanged: number; failed: number };
  /** Ids of the editions that failed, in batch order. */
  failed: string[];
  editions: EditionSummary[];
  volume: VolumeSummary | null;
  summaryFile: string;
}

/** The figures of a general page's arrangement, in the same record (its feature-only fields empty). */
export function pageFiguresOf(a: PageArrangement): FitFigures {
  return {
    rounds: a.rounds,
    headLines: 0,
    galleryLines: 0,
    galleryPhotos: 0,
    sections: [],
    blankLines: a.blankLines,
    modules: placedModulesOf(a),
  };
}

/** The placed modules of any page, feature or general, as summary.json and the cache keep them. */
function placedModulesOf(a: PageArrangement): NonNullable<FitFigures['modules']> {
  return a.modules.map(({ id, kind, column, line, columns, lines }) => ({ id, kind, column, line, columns, lines }));
}

export function figuresOf(fit: FitReport, arrangement?: PageArrangement): FitFigures {
  const a = fit.arrangement;
  return {
    rounds: fit.rounds,
    headLines: a.headLines,
    galleryLines: a.galleryLines,
    galleryPhotos: fit.measure.gallery.length,
    sections: a.sections.map((s) => ({ id: s.id, name: s.name, lines: s.lines, textColumns: s.textColumns, photoSpan: s.photoSpan, blankLines: s.blankLines })),
    blankLines: a.blankLines,
    modules: arrangement && placedModulesOf(arrangement),
  };
}

export async function writeSummary(summary: BatchSummary): Promise<void> {
  await writeFileAtomic(summary.summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
}

/** Terminal columns a string takes: CJK and full-width forms take two. */
export function width(text: string): number {
  let columns = 0;
  for (const char of text) columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return columns;
}

/** `text` padded with spaces to `columns` terminal columns (a CJK character takes two). */
export const pad = (text: string, columns: number) => text + ' '.repeat(Math.max(0, columns - width(text)));

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The end-of-run table and the totals line. */
export function summaryLines(summary: BatchSummary): string[] {
  const header = (['edition', 'status', 'time', 'pages', 'gallery', 'sections', 'blank', 'warnings'] as const).map((column) => t(`batch.column.${column}`));
  const rows = summary.editions.map((e) => [
    e.id,
    statusLabel(e.status),
    e.attempts > 0 ? seconds(e.timeMs) : '–',
    e.pages === null ? '–' : String(e.pages),
    e.fit ? String(e.fit.galleryLines) : '–',
    e.fit ? (e.fit.modules ?? []).map((m) => `${m.id} ${m.columns}×${m.lines}`).concat(e.fit.sections.map((s) => `${s.name} ${s.lines}×${s.textColumns}`)).join(', ') : '–',
    e.fit ? String(e.fit.blankLines) : '–',
    String(e.warnings.length),
  ]);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((row) => width(row[i]!))));
  const line = (cells: string[]) => cells.map((cell, i) => pad(cell, widths[i]!)).join('  ').trimEnd();
  const lines = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  const { rendered, unchanged, failed, total } = summary.counts;
  lines.push('');
  const how = summary.queue ? t('batch.workersOn', { count: summary.queue.workers.length, url: summary.queue.url }) : t('batch.jobs', { count: summary.jobs });
  lines.push(t('batch.totals', { total, rendered, unchanged, failed, time: seconds(summary.durationMs), how }));
  for (const e of summary.editions.filter((entry) => entry.status === 'failed')) {
    lines.push(t('batch.failedLine', { id: e.id, error: firstErrorLine(e.error) }));
    if (e.error) lines.push(...problemLines(e.error));
  }
  if (summary.volume?.error) lines.push(t('batch.volumeNotWritten', { error: summary.volume.error }));
  else if (summary.volume) {
    lines.push(t('batch.volume', { file: relative(summary.volume.path), pages: summary.volume.pages, editions: summary.volume.editions.length }));
    if (summary.failed.length > 0) lines.push(t('batch.volumeWithoutFailed', { count: summary.failed.length, ids: summary.failed.join(', ') }));
  }
  lines.push(t('batch.summaryFile', { file: relative(summary.summaryFile) }));
  return lines;
}

/** `rendered`, `unchanged` or `FAILED`, in the language of the run. */
export function statusLabel(status: EditionSummary['status']): string {
  return t(status === 'failed' ? 'batch.status.failed' : status === 'rendered' ? 'batch.status.rendered' : 'batch.status.unchanged');
}

/** The first line of an edition's error, without its `error: ` prefix. */
export function firstErrorLine(error: string | undefined | null): string {
  return error ? withoutErrorPrefix(error.split('\n')[0]!) : t('batch.unknownError');
}

/** Problems listed under a failed edition, as `folio render` prints them (issue 15, item 6). */
export const MAX_PROBLEM_LINES = 5;

/**
 * The lines after the first of a failed edition's error: each problem it
 * lists (at most five, then how many more), its causes and the fix, indented
 * under the `failed:` line. Stack traces (--debug) stay in summary.json.
 */
export function problemLines(error: string): string[] {
  const rest = error.split('\n').slice(1).filter((line) => line.trim() !== '' && !/^\s+at /.test(line));
  const isProblem = (line: string) => !/^\s*(fix|caused by|…and \d+ more)\b/.test(line) && !line.startsWith(t('cli.fix', { hint: '' })) && !line.startsWith(t('cli.causedBy', { message: '' }));
  const problems = rest.filter(isProblem);
  const shown = problems.slice(0, MAX_PROBLEM_LINES);
  const more = rest.find((line) => /^\s*…and (\d+) more/.test(line));
  const hidden = problems.length - shown.length + (more ? Number(more.match(/(\d+)/)![1]) : 0);
  const lines = shown.map((line) => `    ${line.trim()}`);
  if (hidden > 0) lines.push(`    ${t('batch.moreProblems', { count: hidden })}`);
  lines.push(...rest.filter((line) => !isProblem(line) && !/^\s*…and \d+ more/.test(line)).map((line) => `  ${line}`));
  return lines;
}

export function relative(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
