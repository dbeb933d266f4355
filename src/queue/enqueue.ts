/**
 * `folio batch --queue`: the batch of src/batch (planning, the cache, the
 * progress bar, the summary, the volume) with its renders done by `folio
 * worker` processes on any machine. One job per edition to render; the batch
 * waits for their results (BullMQ's QueueEvents stream), records each in the
 * cache as it arrives (only the batch writes the cache, so several workers
 * never race on it) and builds the volume once every job has finished.
 * Ctrl-C takes the batch's waiting jobs off the queue; those already being
 * rendered finish, and the same batch run again takes their PDFs.
 */
import { stat } from 'node:fs/promises';
import { runBatch, type BatchOptions, type BatchRenderer, type RenderEvents } from '../batch/batch.ts';
import type { Plan } from '../batch/plan.ts';
import type { BatchSummary, EditionSummary } from '../batch/summary.ts';
import { QUEUE, type QueueSettings } from '../defaults.ts';
import { FolioError } from '../errors.ts';
import { t } from '../i18n/locale.ts';
import { pressPdfPath } from '../pdf/press.ts';
import type { QueueAddress } from './address.ts';
import { loadBullmq, reachRedis, reportErrors } from './bullmq.ts';
import { JOB_NAME, jobOf, jobOptions, type PageJob, type PageResult } from './jobs.ts';

export interface EnqueueOptions extends Omit<BatchOptions, 'renderer' | 'jobs' | 'browser' | 'launch' | 'startedChromium' | 'restartAfter'> {
  queue: QueueAddress;
  /** Aborted by Ctrl-C: waiting jobs are taken off the queue and the batch fails. */
  signal?: AbortSignal;
  /** Overrides of src/defaults.ts QUEUE (tests). */
  settings?: Partial<QueueSettings>;
}

export async function enqueueBatch(options: EnqueueOptions): Promise<BatchSummary> {
  const renderer = await queueRenderer(options);
  try {
    return await runBatch({ ...options, renderer });
  } finally {
    await renderer.close();
  }
}

async function queueRenderer(options: EnqueueOptions): Promise<BatchRenderer> {
  const { Job, Queue, QueueEvents } = await loadBullmq();
  const settings = { ...QUEUE, ...options.settings };
  const note = options.log ?? ((line: string) => console.log(line));
  const connection = options.queue.connection;
  const queue = new Queue<PageJob, PageResult>(settings.name, { connection });
  const events = new QueueEvents(settings.name, { connection });
  reportErrors(queue, note);
  reportErrors(events, note);
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= Promise.allSettled([events.close(), queue.close()]).then(() => undefined));
  try {
    await reachRedis(queue, options.queue);
    await reachRedis(events, options.queue);
  } catch (error) {
    await close();
    throw error;
  }
  const connected = (await queue.getWorkers()).length;
  const workers = new Set<string>();
  const where = t('queue.where', { url: options.queue.url, count: connected }) + (connected === 0 ? t('queue.noWorkerHint') : '') + t('queue.whereEnd');

  async function render(plans: readonly Plan[], on: RenderEvents): Promise<void> {
    const pending = new Map<string, { plan: Plan; data: PageJob }>();
    let stopping = false;
    events.on('active', ({ jobId }) => {
      const entry = pending.get(jobId);
      if (entry) on.started(entry.plan);
    });
    // Another batch's Ctrl-C took off a job this batch also waits for: put it back.
    events.on('removed', ({ jobId }) => {
      const entry = pending.get(jobId);
      if (entry && !stopping) void queue.add(JOB_NAME, entry.data, { ...jobOptions(settings), jobId }).catch((error: Error) => note(t('queue.warning', { message: error.message })));
    });

    const wait = async (plan: Plan, job: InstanceType<typeof Job<PageJob, PageResult>>) => {
      let result: EditionSummary;
      try {
        const { written: _written, ...value } = await job.waitUntilFinished(events);
        result = { ...value, source: plan.file };
      } catch (error) {
        if (stopping) return;
        const finished = await Job.fromId<PageJob, PageResult>(queue, job.id!);
        if (finished?.processedBy) workers.add(finished.processedBy);
        const reason = error instanceof Error ? error.message : String(error);
        result = { id: plan.id, source: plan.file, pdf: null, status: 'failed', timeMs: 0, pages: null, warnings: [], fit: null, attempts: finished?.attemptsMade ?? 0, error: reason };
      }
      pending.delete(job.id!);
      if (result.worker) workers.add(result.worker);
      await on.finished(plan, result);
    };

    const waits: Promise<void>[] = [];
    for (const plan of plans) {
      const { id, data } = jobOf(plan, options.press);
      pending.set(id, { plan, data });
      const job = await addOnce(id, data);
      waits.push(wait(plan, job));
    }
    const finished = new AbortController();
    const interrupted = new Promise<never>((_, reject) => {
      const stop = async () => {
        stopping = true;
        let removed = 0;
        for (const id of pending.keys()) removed += await queue.remove(id).catch(() => 0);
        const running = pending.size - removed;
        reject(new FolioError(t('queue.interrupted', { removed, running }), {
          hint: t('queue.interruptedHint'),
        }));
      };
      if (options.signal?.aborted) void stop();
      else options.signal?.addEventListener('abort', () => void stop(), { once: true, signal: finished.signal });
    });
    try {
      await Promise.race([Promise.all(waits), interrupted]);
    } finally {
      // Ctrl-C from now on (the volume, the summary) takes nothing off the queue.
      finished.abort();
    }
  }

  /** The job for this page: the one already queued (rendered once for everyone), or a new one. */
  async function addOnce(id: string, data: PageJob) {
    const existing = await queue.getJob(id);
    if (existing) {
      const state = await existing.getState();
      if (state === 'waiting' || state === 'active' || state === 'delayed' || state === 'prioritized') return existing;
      if (state === 'completed' && !options.force && (await stillWritten(data, existing.returnvalue))) return existing;
      // Failed before, or its PDF has changed since: render it again.
      await existing.remove().catch(() => undefined);
    }
    return queue.add(JOB_NAME, data, { ...jobOptions(settings), jobId: id });
  }

  return {
    get jobs() {
      return workers.size;
    },
    browserLaunches: 0,
    get queue() {
      return { url: options.queue.url, workers: [...workers].sort() };
    },
    describe: () => where,
    render,
    close,
  };
}

/** Whether the PDF is still the one a finished job wrote (same size and modification time), and its press PDF is there when asked for. */
async function stillWritten(job: PageJob, result: PageResult | undefined): Promise<boolean> {
  const now = await stat(job.pdf).catch(() => undefined);
  if (job.press && !(await stat(pressPdfPath(job.pdf)).catch(() => undefined))) return false;
  return Boolean(result?.written && now && now.size === result.written.size && now.mtimeMs === result.written.mtimeMs);
}
