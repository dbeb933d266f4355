/**
 * `folio batch`: renders many editions with one browser and N pages in
 * parallel, skips the ones whose inputs have not changed, and reports every
 * edition (summary.json, a table). One edition's failure never stops the
 * others; a browser crash restarts the browser and retries the edition once.
 * Memory stays flat: PDFs go straight to disk and only small records are kept.
 */
import { stat } from 'node:fs/promises';
import { ensureDir } from '../files/ensure-dir.ts';
import os from 'node:os';
import path from 'node:path';
import { pressPdfPath } from '../pdf/press.ts';
import { launchBrowser, type ManagedBrowser } from '../paginate/browser.ts';
import type { StartedChromium } from '../paginate/chromium-process.mjs';
import { DEFAULT_OUTPUT_DIR } from '../defaults.ts';
import { ContentError, describeError, withoutErrorPrefix } from '../errors.ts';
import { BatchCache, CACHE_FILE, environmentFingerprint } from './cache.ts';
import { discover } from './discover.ts';
import { planAll, type Plan } from './plan.ts';
import { BrowserPool, runQueue } from './pool.ts';
import { Progress } from './progress.ts';
import { pressFingerprint, renderEdition, type PressRequest } from './render-edition.ts';
import { relative, SUMMARY_FILE, summaryLines, writeSummary, type BatchSummary, type EditionSummary, type QueueSummary, type VolumeSummary } from './summary.ts';
import { lockOutputFolder } from './output-lock.ts';
import { refuseVolumeOverBatchFiles, writeVolume } from './volume.ts';
import { t } from '../i18n/locale.ts';
import { buildIssueVolume } from './volume-issues.ts';

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
  press?: PressRequest;
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
  /** Where the renders happen; default a browser pool in this process (`localRenderer`). */
  renderer?: BatchRenderer;
}

/** What a renderer reports about each edition as it goes. */
export interface RenderEvents {
  started(plan: Plan): void;
  finished(plan: Plan, result: EditionSummary): Promise<void>;
  note(line: string): void;
}

/** Where a batch's renders happen: a browser pool here, or workers behind a queue (src/queue). */
export interface BatchRenderer {
  /** How the start line says where `count` editions will render, e.g. `with 2 job(s)`. */
  describe(count: number): string;
  /** Renders every plan, reporting each through `events`; one edition's failure never rejects it. */
  render(plans: readonly Plan[], events: RenderEvents): Promise<void>;
  /** Releases what the renderer holds (browsers, connections); safe to repeat. */
  close(): Promise<void>;
  /** For the summary: editions rendered at once, and browsers this process launched. */
  readonly jobs: number;
  readonly browserLaunches: number;
  /** Set when the renders went through a queue. */
  readonly queue?: QueueSummary;
}

export const DEFAULT_RESTART_AFTER = 50;

export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const outDir = path.resolve(options.outDir ?? DEFAULT_OUTPUT_DIR);
  // Output folders that cannot be made fail now, before any edition is rendered (issue 15, item 10).
  await ensureDir(outDir);
  if (options.volume) await ensureDir(path.dirname(path.resolve(options.volume)));
  // One batch at a time per output folder: two lost each other's cache entries and summary (issue 16).
  const unlock = await lockOutputFolder(outDir);
  try {
    return await runBatchLocked(options, outDir);
  } finally {
    await unlock();
  }
}

async function runBatchLocked(options: BatchOptions, outDir: string): Promise<BatchSummary> {
  const startedAt = new Date();
  const t0 = performance.now();
  const log = options.log ?? ((line: string) => console.log(line));

  const renderer = options.renderer ?? localRenderer(options);
  const input = await discover(options.input);
  const environment = await environmentFingerprint();
  const cache = await BatchCache.load(outDir);
  const plans = await planAll(input.entries, environment, outDir);
  for (const item of input.order) {
    if (!plans.some((plan) => plan.id === item.id)) {
      throw new ContentError(t('batch.orderUnknown', { id: item.id }), {
        location: item.location,
        hint: t('batch.orderUnknownHint', { ids: plans.map((plan) => plan.id).join(', ') }),
      });
    }
  }

  if (options.volume) {
    refuseVolumeOverBatchFiles(path.resolve(options.volume), [
      ...plans.flatMap((plan) => (plan.ok ? [{ path: plan.pdfPath, role: t('role.editionPdf', { id: plan.id }) }, { path: plan.file, role: t('role.editionFileOf', { id: plan.id }) }] : [])),
      { path: input.path, role: t('role.batchInput') },
      { path: path.join(outDir, SUMMARY_FILE), role: t('role.batchSummary') },
      { path: path.join(outDir, CACHE_FILE), role: t('role.batchCache') },
    ]);
  }

  // Issue pages write their plates into a folder per issue date.
  for (const dir of new Set(plans.flatMap((plan) => (plan.ok ? [path.dirname(plan.pdfPath)] : [])))) await ensureDir(dir);

  const results: EditionSummary[] = new Array(plans.length);
  const toRender: Plan[] = [];
  for (const plan of plans) {
    if (!plan.ok) {
      results[plan.index] = { id: plan.id, source: plan.source, pdf: null, status: 'failed', timeMs: 0, pages: null, warnings: [], fit: null, attempts: 0, error: plan.error };
      continue;
    }
    const cached = cache.get(plan.id);
    if (!options.force && cached?.key === plan.key && (await exists(plan.pdfPath)) && (await pressUnchanged(options.press, cached.press, plan.pdfPath))) {
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
  const early = t('batch.unchanged', { count: unchanged }) + (failedEarly ? t('batch.failedEarly', { count: failedEarly }) : '');
  log(toRender.length === 0
    ? t('batch.nothingToRender', { early })
    : t('batch.start', { count: plans.length, input: relative(input.path), output: relative(outDir), toRender: toRender.length, how: renderer.describe(toRender.length), early }));
  for (const result of results) if (result) progress.finished(result);

  try {
    if (toRender.length > 0) {
      await renderer.render(toRender, {
        started: (plan) => progress.started(plan.id),
        note: (line) => progress.note(line),
        finished: async (plan, found) => {
          // An issue page also carries its loader's warnings (a page's own folio field).
          const result = plan.issue?.warnings.length ? { ...found, warnings: [...plan.issue.warnings, ...found.warnings] } : found;
          results[plan.index] = result;
          // A failed render leaves the previous PDF in place (writes are atomic), so its cache entry stays true.
          if (result.status === 'rendered') {
            const entry = { key: plan.key, pdf: result.pdf!, ...(options.press ? { press: pressFingerprint(options.press) } : {}), pages: result.pages!, timeMs: result.timeMs, warnings: result.warnings, fit: result.fit!, renderedAt: new Date().toISOString() };
            await cache.update(plan.id, entry).catch((error: unknown) => progress.note(t('batch.cacheNotWritten', { reason: describeError(error).split('\n')[0]! })));
          }
          progress.finished(result);
        },
      });
    }
  } finally {
    await renderer.close();
  }
  progress.end();

  let volume: VolumeSummary | null = null;
  if (options.volume) {
    volume = plans.some((plan) => plan.ok && plan.issue)
      ? await buildIssueVolume(path.resolve(options.volume), plans, results, options)
      : await buildVolume(path.resolve(options.volume), plans, results, input.order.map((o) => o.id), input.volumeTitle);
  }

  const failed = results.filter((r) => r.status === 'failed').map((r) => r.id);
  const summary: BatchSummary = {
    folioVersion: environment.folioVersion,
    input: input.path,
    outDir,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    jobs: renderer.jobs,
    browserLaunches: renderer.browserLaunches,
    ...(renderer.queue ? { queue: renderer.queue } : {}),
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

/** Renders in this process: one browser pool, `jobs` editions at a time. */
export function localRenderer(options: Pick<BatchOptions, 'jobs' | 'browser' | 'launch' | 'startedChromium' | 'restartAfter' | 'press'>): BatchRenderer {
  const jobs = options.jobs ?? os.availableParallelism();
  if (!Number.isInteger(jobs) || jobs < 1) throw new RangeError(`jobs must be a whole number of at least 1, not ${jobs}`);
  const pool = poolFor(options);
  return {
    jobs,
    get browserLaunches() {
      return pool.launches;
    },
    describe: (count) => t('batch.withJobs', { count: Math.min(jobs, count) }),
    render: (plans, events) =>
      runQueue(plans, jobs, async (plan) => {
        events.started(plan);
        await events.finished(plan, await renderEdition({ ...plan, press: options.press }, pool, events.note));
      }),
    close: () => pool.close(),
  };
}

/** The browser pool of a batch or a worker: the caller's browser, or launched ones (the first may take over an early Chromium). */
export function poolFor(options: Pick<BatchOptions, 'browser' | 'launch' | 'startedChromium' | 'restartAfter'>): BrowserPool {
  let started = options.browser || options.launch ? undefined : options.startedChromium;
  if (!started) options.startedChromium?.killNow();
  const launch = options.launch ?? (() => {
    const early = started;
    started = undefined;
    return launchBrowser({ started: early });
  });
  return new BrowserPool({ launch, shared: options.browser, restartAfter: options.restartAfter ?? DEFAULT_RESTART_AFTER });
}

async function buildVolume(target: string, plans: readonly (Plan | { ok: false; id: string })[], results: readonly EditionSummary[], order: readonly string[], title?: string): Promise<VolumeSummary> {
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  const ordered = plans.map((plan, index) => ({ plan, index })).sort((a, b) => rank(a.plan.id) - rank(b.plan.id) || a.index - b.index);
  const parts = ordered.flatMap(({ plan, index }) => (plan.ok && results[index]!.status !== 'failed' ? [{ file: plan.pdfPath, id: plan.id, title: plan.bookmark }] : []));
  const editions = parts.map((part) => part.id);
  if (parts.length === 0) return { path: target, pages: 0, editions, error: 'no edition has a PDF' };
  try {
    await ensureDir(path.dirname(target));
    const { pages } = await writeVolume(target, parts, title ?? path.basename(target, path.extname(target)));
    return { path: target, pages, editions };
  } catch (error) {
    return { path: target, pages: 0, editions, error: withoutErrorPrefix(describeError(error)) };
  }
}

/** Without press, nothing to check; with it, the press PDF exists and was made for the same request (issue 20). */
async function pressUnchanged(press: PressRequest | undefined, cached: string | undefined, pdfPath: string): Promise<boolean> {
  return !press || (cached === pressFingerprint(press) && (await exists(pressPdfPath(pdfPath))));
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}
