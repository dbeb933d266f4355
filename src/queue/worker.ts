/**
 * `folio worker`: takes page jobs from the queue and renders them with the
 * local batch's own pieces: one browser pool (restarted after N renders or a
 * crash), renderEdition (one retry after a crash), the same timeouts. Before
 * rendering it computes the page's cache key itself, and refuses a job whose
 * key differs from the batch's: that worker runs another Folio, or sees
 * other files, and its PDF would not be the one the batch's cache records.
 * A render that fails throws, so BullMQ tries the page again (on any worker)
 * until its attempts are spent. stop() finishes the running renders first;
 * a worker killed outright loses its jobs only until their locks expire,
 * when another worker's stalled-job check puts them back on the queue.
 */
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Job } from 'bullmq';
import { DEFAULT_RESTART_AFTER, poolFor } from '../batch/batch.ts';
import { environmentFingerprint } from '../batch/cache.ts';
import { renderEdition } from '../batch/render-edition.ts';
import { seconds } from '../batch/summary.ts';
import { QUEUE, type QueueSettings } from '../defaults.ts';
import { t } from '../i18n/locale.ts';
import { withoutErrorPrefix } from '../errors.ts';
import type { ManagedBrowser } from '../paginate/browser.ts';
import type { QueueAddress } from './address.ts';
import { loadBullmq, reachRedis, reportErrors } from './bullmq.ts';
import type { PageJob, PageResult } from './jobs.ts';
import { planJob } from './plan-job.ts';
import { sharedFolder, type PageStore } from './store.ts';

export interface WorkerOptions {
  queue: QueueAddress;
  /** Pages rendered at once; default the number of cores. */
  jobs?: number;
  /** How `folio queue status` and summary.json name this worker; default host:pid. */
  name?: string;
  /** Overrides of src/defaults.ts QUEUE (tests: short locks). */
  settings?: Partial<QueueSettings>;
  restartAfter?: number;
  /** How to start a browser; default launchBrowser(). */
  launch?: () => Promise<ManagedBrowser>;
  store?: PageStore;
  log?: (line: string) => void;
}

export interface RunningWorker {
  readonly name: string;
  /** Stops taking jobs; resolves once the running renders finished (force: at once, their jobs go back after the lock expires). */
  stop(force?: boolean): Promise<void>;
}

export async function runWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { Worker, UnrecoverableError } = await loadBullmq();
  const settings = { ...QUEUE, ...options.settings };
  const log = options.log ?? ((line: string) => console.log(line));
  const name = options.name ?? `${os.hostname()}:${process.pid}`;
  const jobs = options.jobs ?? os.availableParallelism();
  const store = options.store ?? sharedFolder;
  const environment = await environmentFingerprint();
  const pool = poolFor({ launch: options.launch, restartAfter: options.restartAfter ?? DEFAULT_RESTART_AFTER });

  const processJob = async (job: Job<PageJob, PageResult>): Promise<PageResult> => {
    const attempt = t('worker.attempt', { attempt: job.attemptsMade + 1, of: job.opts.attempts ?? 1 });
    log(t('worker.started', { id: job.data.id, job: String(job.id), attempt }));
    try {
      return await renderJob(job);
    } catch (error) {
      log(t('worker.failed', { id: job.data.id, attempt, error: (error instanceof Error ? error.message : String(error)).split('\n')[0]! }));
      throw error;
    }
  };

  const renderJob = async (job: Job<PageJob, PageResult>): Promise<PageResult> => {
    const data = job.data;
    const file = await store.openInput(data.edition);
    const output = await store.openOutput(data.pdf);
    const issueDir = data.issue ? await store.openInput(data.issue.dir) : undefined;
    const plan = await planJob(data, { edition: file, issueDir }, environment, path.dirname(output.file));
    if (!plan.ok) throw new Error(plan.error.split('\n')[0]!.replace(/^error: /, ''));
    if (plan.key !== data.key) {
      throw new UnrecoverableError(t('worker.keyMismatch', { name, id: data.id }));
    }
    const result = await renderEdition({ ...plan, pdfPath: output.file, press: data.press }, pool, log);
    // The whole message, not its first line: the batch lists its problems (a refused press file names the photo) as a local batch does.
    if (result.status !== 'rendered') throw new Error(withoutErrorPrefix(result.error ?? t('batch.unknownError')));
    await output.publish();
    const written = await stat(output.file);
    log(t('worker.rendered', { id: data.id, time: seconds(result.timeMs) }));
    return { ...result, attempts: job.attemptsMade + result.attempts, worker: name, written: { size: written.size, mtimeMs: written.mtimeMs } };
  };

  const worker = new Worker<PageJob, PageResult>(settings.name, processJob, {
    connection: options.queue.connection,
    name,
    concurrency: jobs,
    lockDuration: settings.lockMs,
    stalledInterval: settings.stalledCheckMs,
    maxStalledCount: settings.maxStalled,
    autorun: false,
  });
  reportErrors(worker, log);
  try {
    await reachRedis(worker, options.queue);
  } catch (error) {
    await worker.close(true).catch(() => undefined);
    await pool.close();
    throw error;
  }
  void worker.run();
  log(t('worker.taking', { name, url: options.queue.url, jobs }));

  let stopping: Promise<void> | undefined;
  return {
    name,
    stop: (force = false) => {
      if (force) return worker.close(true).then(() => pool.close());
      stopping ??= worker.close().then(() => pool.close());
      return stopping;
    },
  };
}
