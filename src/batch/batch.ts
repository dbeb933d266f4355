/**
 * `folio batch`: renders many editions with one browser and N pages in
 * parallel, skips the ones whose inputs have not changed, and reports every
 * edition (summary.json, a table). One edition's failure never stops the
 * others; a browser crash restarts the browser and retries the edition once.
 * Memory stays flat: PDFs go straight to disk and only small records are kept.
 */
import { mkdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from '../pipeline.ts';
import { pressPdfPath } from '../pdf/press.ts';
import type { PressSettings } from '../pdf/press/settings.ts';
import { launchBrowser, type ManagedBrowser } from '../paginate/browser.ts';
import type { StartedChromium } from '../paginate/chromium-process.mjs';
import { DEFAULT_OUTPUT_DIR } from '../defaults.ts';
import { ContentError, describeError } from '../errors.ts';
import { BatchCache, environmentFingerprint } from './cache.ts';
import { discover } from './discover.ts';
import { planAll, type Plan } from './plan.ts';
import { BrowserPool, runQueue } from './pool.ts';
import { Progress } from './progress.ts';
import { figuresOf, relative, SUMMARY_FILE, summaryLines, writeSummary, type BatchSummary, type EditionSummary, type VolumeSummary } from './summary.ts';
import { writeVolume } from './volume.ts';

export type { BatchSummary, EditionSummary } from './summary.ts';

export interface BatchOptions {
  /** A folder of edition folders, or a manifest .yaml. */
  input: string;
  /** PDFs, summary.json and the cache go here; default output/. */
  outDir?: string;
  /** Editions rendered in parallel; default the number of cores. */
  jobs?: number;
  /** Also merge every edition into this PDF. */
  volume?: string;
  /** Render every edition, changed or not. */
  force?: boolean;
  /** Also write each edition's press PDF, with these settings (a preflight error fails the edition, issue 20). */
  press?: { gray?: boolean; settings?: Partial<PressSettings> };
  /** A browser to use (the test suite's); it is never restarted or closed. */
  browser?: ManagedBrowser;
  /** Renders per browser before it is replaced; default 50. */
  restartAfter?: number;
  /** Permanent output lines; default console.log. */
  log?: (line: string) => void;
  /** Draw a progress bar instead of one line per edition. */
  isTTY?: boolean;
  /** Where the bar is drawn; default process.stderr. */
  write?: (text: string) => void;
  /** How to start a browser when none is given; default launchBrowser(). */
  launch?: () => Promise<ManagedBrowser>;
  /** A Chromium bin/folio.js started while Folio loaded: the first launch takes it over. */
  startedChromium?: StartedChromium;
}

export const DEFAULT_RESTART_AFTER = 50;

export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const startedAt = new Date();
  const t0 = performance.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const jobs = options.jobs ?? os.availableParallelism();
  if (!Number.isInteger(jobs) || jobs < 1) throw new RangeError(`jobs must be a whole number of at least 1, not ${jobs}`);
  const outDir = path.resolve(options.outDir ?? DEFAULT_OUTPUT_DIR);

  const input = await discover(options.input);
  await mkdir(outDir, { recursive: true });
  const environment = await environmentFingerprint();
  const cache = await BatchCache.load(outDir);
  const plans = await planAll(input.entries, environment, outDir);
  for (const item of input.order) {
    if (!plans.some((plan) => plan.id === item.id)) {
      throw new ContentError(`volume.order names "${item.id}", which is none of the manifest's editions`, {
        location: item.location,
        hint: `use the ids of the editions: ${plans.map((plan) => plan.id).join(', ')}`,
      });
    }
  }

  const results: EditionSummary[] = new Array(plans.length);
  const toRender: Plan[] = [];
  for (const plan of plans) {
    if (!plan.ok) {
      results[plan.index] = { id: plan.id, source: plan.source, pdf: null, status: 'failed', timeMs: 0, pages: null, warnings: [], fit: null, attempts: 0, error: plan.error };
      continue;
    }
    const cached = cache.get(plan.id);
    if (!options.force && cached?.key === plan.key && (await exists(plan.pdfPath)) && (!options.press || (await exists(pressPdfPath(plan.pdfPath))))) {
      const { timeMs, pages, warnings, fit } = cached;
      results[plan.index] = { id: plan.id, source: plan.file, pdf: path.basename(plan.pdfPath), status: 'unchanged', timeMs, pages, warnings, fit, attempts: 0 };
    } else {
      toRender.push(plan);
    }
  }

  const progress = new Progress({
    total: plans.length,
    toRender: toRender.length,
    isTTY: options.isTTY ?? false,
    log,
    write: options.write ?? ((text) => void process.stderr.write(text)),
    columns: process.stderr.columns || undefined,
  });
  const unchanged = results.filter((r) => r?.status === 'unchanged').length;
  const failedEarly = results.filter((r) => r?.status === 'failed').length;
  const early = `${unchanged} unchanged${failedEarly ? `, ${failedEarly} failed before rendering` : ''}`;
  log(toRender.length === 0
    ? `nothing to render: ${early} (--force renders them again)`
    : `batch: ${plans.length} edition${plans.length === 1 ? '' : 's'} from ${relative(input.path)} to ${relative(outDir)}: ${toRender.length} to render with ${Math.min(jobs, toRender.length)} job(s), ${early}`);
  for (const result of results) if (result) progress.finished(result);

  let started = options.browser || options.launch ? undefined : options.startedChromium;
  if (!started) options.startedChromium?.killNow();
  const launch = options.launch ?? (() => {
    const early = started;
    started = undefined;
    return launchBrowser({ started: early });
  });
  const pool = new BrowserPool({ launch, shared: options.browser, restartAfter: options.restartAfter ?? DEFAULT_RESTART_AFTER });
  if (toRender.length > 0) {
    try {
      await runQueue(toRender, jobs, async (plan) => {
        progress.started(plan.id);
        const result = await renderEdition(plan, pool, progress, options.press);
        results[plan.index] = result;
        // A failed render leaves the previous PDF in place (writes are atomic), so its cache entry stays true.
        if (result.status === 'rendered') {
          const entry = { key: plan.key, pdf: result.pdf!, pages: result.pages!, timeMs: result.timeMs, warnings: result.warnings, fit: result.fit!, renderedAt: new Date().toISOString() };
          await cache.update(plan.id, entry).catch((error: unknown) => progress.note(`warning: could not write the cache: ${describeError(error).split('\n')[0]}`));
        }
        progress.finished(result);
      });
    } finally {
      await pool.close();
    }
  }
  progress.end();

  let volume: VolumeSummary | null = null;
  if (options.volume) volume = await buildVolume(path.resolve(options.volume), plans, results, input.order.map((o) => o.id), input.volumeTitle);

  const failed = results.filter((r) => r.status === 'failed').map((r) => r.id);
  const summary: BatchSummary = {
    folioVersion: environment.folioVersion,
    input: input.path,
    outDir,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    jobs,
    browserLaunches: pool.launches,
    counts: { total: results.length, rendered: results.filter((r) => r.status === 'rendered').length, unchanged, failed: failed.length },
    failed,
    editions: results,
    volume,
    summaryFile: path.join(outDir, SUMMARY_FILE),
  };
  await writeSummary(summary);
  for (const line of summaryLines(summary)) log(line);
  return summary;
}

/** Renders one edition; after a browser crash, once more on a fresh browser. Never throws. */
async function renderEdition(plan: Plan, pool: BrowserPool, progress: Progress, press: BatchOptions['press']): Promise<EditionSummary> {
  const base = { id: plan.id, source: plan.file };
  let timeMs = 0;
  for (let attempts = 1; ; attempts += 1) {
    let lease;
    try {
      lease = await pool.lease();
    } catch (error) {
      return { ...base, pdf: null, status: 'failed', timeMs, pages: null, warnings: [], fit: null, attempts, error: describeError(error) };
    }
    const start = performance.now();
    try {
      const result = await build({ input: plan.file, output: plan.pdfPath, browser: lease.browser, overrides: plan.overrides, press: press !== undefined, gray: press?.gray, pressSettings: press?.settings });
      timeMs += performance.now() - start;
      return { ...base, pdf: path.basename(result.pdfPath), status: 'rendered', timeMs: Math.round(timeMs), pages: result.pages, warnings: result.warnings, fit: figuresOf(result.fit), attempts };
    } catch (error) {
      timeMs += performance.now() - start;
      if (attempts === 1 && pool.canRestart && (lease.crashed() || isCrash(error))) {
        progress.note(`${plan.id}: the browser crashed (${describeError(error).split('\n')[0]!.replace(/^error: /, '')}); retrying once`);
        continue;
      }
      return { ...base, pdf: null, status: 'failed', timeMs: Math.round(timeMs), pages: null, warnings: [], fit: null, attempts, error: describeError(error) };
    } finally {
      lease.release();
    }
  }
}

/** A crashed page or a dropped browser connection, anywhere in the cause chain. */
function isCrash(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 8; current = current.cause, depth += 1) {
    if (/page crashed|Target crashed|Target closed|Session closed|Connection closed/i.test(current.message)) return true;
  }
  return false;
}

async function buildVolume(target: string, plans: readonly (Plan | { ok: false; id: string })[], results: readonly EditionSummary[], order: readonly string[], title?: string): Promise<VolumeSummary> {
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  const ordered = plans.map((plan, index) => ({ plan, index })).sort((a, b) => rank(a.plan.id) - rank(b.plan.id) || a.index - b.index);
  const parts = ordered.flatMap(({ plan, index }) => (plan.ok && results[index]!.status !== 'failed' ? [{ file: plan.pdfPath, id: plan.id, title: plan.bookmark }] : []));
  const editions = parts.map((part) => part.id);
  if (parts.length === 0) return { path: target, pages: 0, editions, error: 'no edition has a PDF' };
  try {
    await mkdir(path.dirname(target), { recursive: true });
    const { pages } = await writeVolume(target, parts, title ?? path.basename(target, path.extname(target)));
    return { path: target, pages, editions };
  } catch (error) {
    return { path: target, pages: 0, editions, error: describeError(error).replace(/^error: /, '') };
  }
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}
