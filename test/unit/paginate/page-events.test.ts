import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { watchPage, type PageEvent } from '../../../src/paginate/page-events.ts';
import type { RequestGuard } from '../../../src/paginate/request-guard.ts';

/** A page whose runtime report the test calls itself. */
function fakePage() {
  let report: ((event: PageEvent) => void) | undefined;
  const page = {
    on: () => page,
    removeAllListeners: () => page,
    browser: () => ({ once: () => undefined, off: () => undefined }),
    exposeFunction: async (_name: string, fn: (event: PageEvent) => void) => void (report = fn),
  };
  const guard = { onFailed: () => undefined } as unknown as RequestGuard;
  return { page: page as unknown as Page, guard, report: (event: PageEvent) => report!(event) };
}

const rendered: PageEvent = { type: 'rendered', pages: 1, overflow: [] };

describe('watchPage().next', () => {
  it('resolves with an event that comes in time', async () => {
    const { page, guard, report } = fakePage();
    const watcher = await watchPage(page, guard);
    const next = watcher.next('rendered', 1_000);
    report(rendered);
    await expect(next).resolves.toEqual(rendered);
  });

  it('times out on an event handed over after the deadline, even before its timer has run', async () => {
    const { page, guard, report } = fakePage();
    const watcher = await watchPage(page, guard);
    const next = watcher.next('rendered', 5);
    // The event loop is busy past the deadline; the event then comes first.
    const busyUntil = performance.now() + 20;
    while (performance.now() < busyUntil);
    report(rendered);
    await expect(next).rejects.toThrow(/did not finish within 0\.005 s/);
  });
});
