/**
 * Typed events from the page runtime, plus the page faults that fail a build
 * (an uncaught exception, a console error, a failed request).
 */
import type { Page } from 'puppeteer-core';
import { PaginationError } from '../errors.ts';
import { t } from '../i18n/locale.ts';
import type { RequestGuard } from './request-guard.ts';

export interface OverflowEntry {
  module: string;
  lines: number;
  columns: number;
}

export type PageEvent = { type: 'rendered'; pages: number; overflow: OverflowEntry[] };

/**
 * The tab's renderer crashed or the browser dropped the connection, as
 * Puppeteer reports it (the page's 'error' event on Inspector.targetCrashed,
 * the browser's 'disconnected'): a batch retries such a render once (issue 16:
 * a killed renderer ended as "Printing failed", matched by no error text).
 */
export class TargetCrashedError extends PaginationError {}

export interface PageWatcher {
  /** Resolves with the next event of that type, or fails after the timeout or a page fault. */
  next<T extends PageEvent['type']>(type: T, timeoutMs: number): Promise<Extract<PageEvent, { type: T }>>;
  throwIfBroken(): void;
  /** Rejects with TargetCrashedError when the tab crashes or the browser goes. */
  readonly crashed: Promise<never>;
  /** The crash, once there was one. */
  crash(): TargetCrashedError | undefined;
  /** Forgets the faults and waits of the last render, for a tab that is used again. */
  reset(): void;
  dispose(): void;
}

export async function watchPage(page: Page, requests: RequestGuard): Promise<PageWatcher> {
  let faults: string[] = [];
  const waiting = new Map<string, { resolve(event: PageEvent): void; reject(error: Error): void }>();
  const fail = (message: string) => {
    faults.push(message);
    for (const waiter of waiting.values()) waiter.reject(brokenPage(faults));
    waiting.clear();
  };
  page.on('pageerror', (error) => fail(`page script error: ${error instanceof Error ? error.message : String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error') fail(`console error: ${message.text()}`);
  });
  // A request the guard refused is reported as blocked, not as a broken page.
  requests.onFailed((url, errorText) => fail(`request failed: ${url} (${errorText})`));
  let crash: TargetCrashedError | undefined;
  let rejectCrashed: (error: TargetCrashedError) => void = () => undefined;
  const crashed = new Promise<never>((_, reject) => (rejectCrashed = reject));
  crashed.catch(() => undefined);
  const markCrash = (what: string) => {
    crash ??= new TargetCrashedError(what, { hint: t('browser.crashedHint') });
    rejectCrashed(crash);
    fail(what);
  };
  page.on('error', (error) => markCrash(`the page crashed: ${error.message}`));
  const onDisconnected = () => markCrash('the browser closed its connection');
  page.browser().once('disconnected', onDisconnected);
  await page.exposeFunction('folioReport', (event: PageEvent) => {
    waiting.get(event.type)?.resolve(event);
    waiting.delete(event.type);
  });
  const timers = new Set<NodeJS.Timeout>();
  return {
    next(type, timeoutMs) {
      return new Promise((resolve, reject) => {
        if (faults.length > 0) return reject(brokenPage(faults));
        const deadline = performance.now() + timeoutMs;
        const timedOut = () =>
          new PaginationError(t('browser.pagedTimeout', { seconds: timeoutMs / 1000 }), {
            hint: t('browser.pagedTimeoutHint'),
          });
        const timer = setTimeout(() => {
          waiting.delete(type);
          reject(timedOut());
        }, timeoutMs);
        timers.add(timer);
        waiting.set(type, {
          resolve: (event) => {
            clearTimeout(timer);
            // The event loop may hand over a late event before the timer's turn comes: the clock decides.
            if (performance.now() > deadline) reject(timedOut());
            else resolve(event as never);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
      });
    },
    throwIfBroken() {
      if (crash) throw crash;
      if (faults.length > 0) throw brokenPage(faults);
    },
    crashed,
    crash: () => crash,
    reset() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      waiting.clear();
      faults = [];
    },
    dispose() {
      for (const timer of timers) clearTimeout(timer);
      page.removeAllListeners();
      page.browser().off('disconnected', onDisconnected);
    },
  };
}

function brokenPage(faults: string[]): PaginationError {
  return new PaginationError(t('browser.pageFailed', { faults: faults.join('; ') }), {
    hint: t('browser.pageFailedHint'),
  });
}
