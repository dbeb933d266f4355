/**
 * The queue's commands: `folio worker` and `folio queue status`, and the
 * runner behind `folio batch --queue`. Everything that loads BullMQ is
 * imported here on demand, so that registering these commands costs nothing.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { handleSignalsElsewhere } from '../paginate/browser.ts';
import { t } from '../i18n/locale.ts';
import type { BatchSummary } from '../batch/summary.ts';
import { parseQueueAddress, type QueueAddress } from './address.ts';
import type { EnqueueOptions } from './enqueue.ts';
import type { RunningWorker } from './worker.ts';

const QUEUE_HELP = 'the Redis server the batch and its workers share: redis://host:port[/db]';

function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1) throw new InvalidArgumentError(t('cli.badJobs'));
  return jobs;
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) throw new InvalidArgumentError(t('queue.badSeconds'));
  return seconds;
}

/** `folio batch --queue`: Ctrl-C or SIGTERM takes the waiting pages off the queue; a second one ends the batch at once. */
export async function runQueuedBatch(options: Omit<EnqueueOptions, 'signal'>): Promise<BatchSummary> {
  const { enqueueBatch } = await import('./enqueue.ts');
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await enqueueBatch({ ...options, signal: controller.signal });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

export function registerQueueCommands(program: Command): void {
  program
    .command('worker')
    .description(t('help.worker'))
    .requiredOption('--queue <url>', QUEUE_HELP, parseQueueAddress)
    .option('-j, --jobs <n>', t('help.workerJobs'), parseJobs)
    .option('--name <name>', t('help.workerName'))
    .option('--lock <seconds>', t('help.lock'), parseSeconds)
    .option('--stalled-check <seconds>', t('help.stalledCheck'), parseSeconds)
    .action(async (options: { queue: QueueAddress; jobs?: number; name?: string; lock?: number; stalledCheck?: number }) => {
      // A signal stops the worker in its own time: the running pages finish, their browsers close after them.
      handleSignalsElsewhere();
      let worker: RunningWorker | undefined;
      let signalled: NodeJS.Signals | undefined;
      let stop: ((signal: NodeJS.Signals) => void) | undefined;
      const stopped = new Promise<void>((resolve) => {
        stop = (signal) => {
          if (!worker) return void (signalled = signal);
          if (signalled) {
            console.log(t('worker.stoppingNow'));
            void worker.stop(true).then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
            return;
          }
          signalled = signal;
          console.log(t('worker.stopping'));
          void worker.stop().then(resolve);
        };
      });
      const onSignal = (signal: NodeJS.Signals) => stop!(signal);
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      const { runWorker } = await import('./worker.ts');
      const settings = {
        ...(options.lock === undefined ? {} : { lockMs: options.lock * 1000 }),
        ...(options.stalledCheck === undefined ? {} : { stalledCheckMs: options.stalledCheck * 1000 }),
      };
      worker = await runWorker({ queue: options.queue, jobs: options.jobs, name: options.name, settings });
      // A signal that came while the worker started.
      if (signalled) {
        const signal = signalled;
        signalled = undefined;
        stop!(signal);
      }
      await stopped;
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      console.log(t('worker.stopped', { name: worker.name }));
    });

  program
    .command('queue')
    .description(t('help.queueCommand'))
    .command('status')
    .description(t('help.queueStatus'))
    .requiredOption('--queue <url>', QUEUE_HELP, parseQueueAddress)
    .option('--json', t('help.statusJson'))
    .action(async (options: { queue: QueueAddress; json?: boolean }) => {
      const { queueStatus, statusLines } = await import('./status.ts');
      const status = await queueStatus(options.queue);
      console.log(options.json ? JSON.stringify(status, null, 2) : statusLines(status).join('\n'));
    });
}
