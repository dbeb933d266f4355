import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { BrowserPool, runQueue } from '../../../src/batch/pool.ts';
import type { ManagedBrowser } from '../../../src/paginate/browser.ts';

/** A stand-in for a Chromium: it can be closed or "crash" (drop its connection). */
class FakeBrowser extends EventEmitter {
  connected = true;
  closed = false;
  crash(): void {
    this.connected = false;
    this.emit('disconnected');
  }
}

function fakeLauncher() {
  const browsers: FakeBrowser[] = [];
  let open = 0;
  let maxOpen = 0;
  const launch = async (): Promise<ManagedBrowser> => {
    const browser = new FakeBrowser();
    browsers.push(browser);
    open += 1;
    maxOpen = Math.max(maxOpen, open);
    return {
      browser: browser as never,
      pid: undefined,
      wsEndpoint: undefined,
      takeStartupTab: async () => undefined,
      async close() {
        if (browser.closed) return;
        browser.closed = true;
        open -= 1;
        if (browser.connected) browser.crash();
      },
    };
  };
  return { launch, browsers, maxOpen: () => maxOpen };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('BrowserPool', () => {
  it('replaces the browser after restartAfter renders, closing the old one, never two at once', async () => {
    const fake = fakeLauncher();
    const pool = new BrowserPool({ launch: fake.launch, restartAfter: 2 });
    await runQueue([1, 2, 3, 4, 5], 3, async () => {
      const lease = await pool.lease();
      await tick();
      expect(lease.crashed()).toBe(false);
      lease.release();
    });
    expect(pool.launches).toBe(3);
    expect(fake.maxOpen()).toBe(1);
    expect(fake.browsers.slice(0, 2).every((b) => b.closed)).toBe(true);
    await pool.close();
    expect(fake.browsers.every((b) => b.closed)).toBe(true);
  });

  it('reports a crash to the leases that held the browser and launches a new one for the next lease', async () => {
    const fake = fakeLauncher();
    const pool = new BrowserPool({ launch: fake.launch, restartAfter: 50 });
    const first = await pool.lease();
    const second = await pool.lease();
    fake.browsers[0]!.crash();
    expect(first.crashed()).toBe(true);
    expect(second.crashed()).toBe(true);
    first.release();
    second.release();
    const retry = await pool.lease();
    expect(retry.browser.browser).toBe(fake.browsers[1]);
    expect(retry.crashed()).toBe(false);
    retry.release();
    expect(pool.launches).toBe(2);
    await pool.close();
  });

  it('never restarts or closes a shared browser', async () => {
    const fake = fakeLauncher();
    const shared = await fake.launch();
    const pool = new BrowserPool({ launch: () => Promise.reject(new Error('must not launch')), shared, restartAfter: 1 });
    for (let i = 0; i < 3; i += 1) (await pool.lease()).release();
    await pool.close();
    expect(pool.canRestart).toBe(false);
    expect(pool.launches).toBe(0);
    expect(fake.browsers[0]!.closed).toBe(false);
  });

  it('gives up launching after two failures in a row', async () => {
    let attempts = 0;
    const pool = new BrowserPool({ launch: () => Promise.reject(new Error(`no browser ${(attempts += 1)}`)), restartAfter: 50 });
    await expect(pool.lease()).rejects.toThrow('no browser 1');
    await expect(pool.lease()).rejects.toThrow('no browser 2');
    await expect(pool.lease()).rejects.toThrow('no browser 2');
    expect(attempts).toBe(2);
  });
});

describe('runQueue', () => {
  it('runs every item with at most `concurrency` at a time', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    await runQueue([1, 2, 3, 4, 5, 6, 7], 2, async (item) => {
      running += 1;
      peak = Math.max(peak, running);
      await tick();
      seen.push(item);
      running -= 1;
    });
    expect(peak).toBe(2);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
