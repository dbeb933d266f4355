/**
 * BullMQ, loaded only by the commands that use a queue: a local batch, a
 * render or a preview never loads it (nor ioredis), so their start-up stays
 * as fast as before issue 21. The import is dynamic so that the bundle
 * (bin/folio.js, where bullmq is external) does not hoist it to the top.
 */
import { QUEUE } from '../defaults.ts';
import { FolioError } from '../errors.ts';
import { t } from '../i18n/locale.ts';
import type { QueueAddress } from './address.ts';

export type BullMQ = typeof import('bullmq');

export function loadBullmq(): Promise<BullMQ> {
  return import('bullmq');
}

/** Anything with BullMQ's `waitUntilReady`: resolves once it reached Redis, or fails with a message saying where it tried. */
export async function reachRedis(client: { waitUntilReady(): Promise<unknown> }, address: QueueAddress, timeoutMs = QUEUE.connectMs): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(t('queue.noAnswer', { seconds: timeoutMs / 1000 }))), timeoutMs);
  });
  try {
    await Promise.race([client.waitUntilReady(), late]);
  } catch (cause) {
    throw new FolioError(t('queue.unreachable', { url: address.url }), { cause, hint: t('queue.unreachableHint') });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * BullMQ objects emit 'error' for every lost connection (ioredis reconnects
 * by itself); without a listener that would end the process. Each distinct
 * message is reported once.
 */
export function reportErrors(emitter: { on(event: 'error', listener: (error: Error) => void): unknown }, note: (line: string) => void): void {
  const seen = new Set<string>();
  emitter.on('error', (error) => {
    if (seen.has(error.message)) return;
    seen.add(error.message);
    note(t('queue.warning', { message: error.message }));
  });
}
