/**
 * `folio queue status`: the queue's jobs by state, and per worker the jobs
 * it is rendering, has rendered and has failed (BullMQ records the worker
 * that took each job), with the workers connected now.
 */
import { QUEUE } from '../defaults.ts';
import { t } from '../i18n/locale.ts';
import { pad, width } from '../batch/summary.ts';
import type { QueueAddress } from './address.ts';
import { loadBullmq, reachRedis } from './bullmq.ts';
import type { PageJob, PageResult } from './jobs.ts';

export interface WorkerCounts {
  active: number;
  completed: number;
  failed: number;
}

export interface QueueStatus {
  url: string;
  name: string;
  counts: { waiting: number; active: number; completed: number; failed: number; delayed: number };
  /** By worker name; a worker that stopped still has its finished jobs here. */
  workers: Record<string, WorkerCounts>;
  /** Names of the workers connected now. */
  connected: string[];
}

export async function queueStatus(address: QueueAddress, name = QUEUE.name): Promise<QueueStatus> {
  const { Queue } = await loadBullmq();
  const queue = new Queue<PageJob, PageResult>(name, { connection: address.connection });
  queue.on('error', () => undefined); // reachRedis reports a failed connection
  try {
    await reachRedis(queue, address);
    const raw = await queue.getJobCounts('waiting', 'prioritized', 'active', 'completed', 'failed', 'delayed');
    const workers: Record<string, WorkerCounts> = {};
    for (const state of ['active', 'completed', 'failed'] as const) {
      for (const job of await queue.getJobs([state])) {
        if (!job?.processedBy) continue;
        workers[job.processedBy] ??= { active: 0, completed: 0, failed: 0 };
        workers[job.processedBy]![state] += 1;
      }
    }
    // BullMQ names a connected worker's client `bull:<base64 queue name>:w:<worker name>` (its `rawname`).
    const connected = (await queue.getWorkers())
      .map((client) => /:w:(.+)$/.exec(String(client.rawname ?? ''))?.[1])
      .filter((name): name is string => name !== undefined)
      .sort();
    return {
      url: address.url,
      name,
      counts: { waiting: (raw.waiting ?? 0) + (raw.prioritized ?? 0), active: raw.active ?? 0, completed: raw.completed ?? 0, failed: raw.failed ?? 0, delayed: raw.delayed ?? 0 },
      workers,
      connected,
    };
  } finally {
    await queue.close();
  }
}

export function statusLines(status: QueueStatus): string[] {
  const { waiting, active, completed, failed, delayed } = status.counts;
  const lines = [t('queue.counts', { name: status.name, url: status.url, waiting, active, completed, failed }) + (delayed ? t('queue.toRetry', { count: delayed }) : '')];
  const names = [...new Set([...Object.keys(status.workers), ...status.connected])].sort();
  if (names.length === 0) return [...lines, t('queue.noWorkers')];
  // Column heads in the language of the run; each column is as wide as its head or its numbers.
  const heads = (['worker', 'active', 'completed', 'failed', 'connected'] as const).map((column) => t(`queue.column.${column}`));
  const widths = [Math.max(width(heads[0]!), ...names.map((n) => width(n))), ...heads.slice(1).map((head) => Math.max(width(head), 6))];
  const last = heads.length - 1;
  const row = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? pad(cell, widths[0]!) : i === last ? cell : ' '.repeat(Math.max(0, widths[i]! - width(cell))) + cell)).join('  ');
  lines.push(row(heads));
  for (const n of names) {
    const c = status.workers[n] ?? { active: 0, completed: 0, failed: 0 };
    lines.push(row([n, String(c.active), String(c.completed), String(c.failed), t(status.connected.includes(n) ? 'queue.yes' : 'queue.no')]));
  }
  return lines;
}
