/**
 * One browser, many pages. Workers lease the browser for one render each;
 * after `restartAfter` renders the pool lets the running ones finish, closes
 * it and launches a fresh one (Chromium's memory creeps up over hundreds of
 * pages), and after a crash it launches a new one at the next lease. A render
 * that was running when its browser died reports `crashed`, so the caller can
 * retry it once. A browser passed in (the test suite's) is never restarted
 * or closed.
 */
import type { ManagedBrowser } from '../paginate/browser.ts';

export interface Lease {
  readonly browser: ManagedBrowser;
  /** Whether the browser died while this lease was held. */
  crashed(): boolean;
  release(): void;
}

export interface PoolOptions {
  /** Launches a browser; not used when `shared` is given. */
  launch: () => Promise<ManagedBrowser>;
  /** A browser owned by the caller: leased as is, never restarted or closed. */
  shared?: ManagedBrowser;
  /** Renders per browser before it is replaced. */
  restartAfter: number;
}

interface Slot {
  managed: ManagedBrowser;
  uses: number;
  active: number;
  dead: boolean;
  /** Leases waiting for this spent browser's renders to end. */
  waiters: (() => void)[];
}

function wake(slot: Slot): void {
  for (const waiter of slot.waiters.splice(0)) waiter();
}

export class BrowserPool {
  /** Browsers launched so far (1 + restarts). */
  launches = 0;
  private current: Slot | undefined;
  private switching: Promise<void> | undefined;
  private launchFailures = 0;
  private lastLaunchError: unknown;
  private readonly options: PoolOptions;

  constructor(options: PoolOptions) {
    this.options = options;
  }

  /** Whether a crashed browser can be replaced (so a crashed render is worth retrying). */
  get canRestart(): boolean {
    return this.options.shared === undefined;
  }

  async lease(): Promise<Lease> {
    const shared = this.options.shared;
    if (shared) return { browser: shared, crashed: () => !shared.browser.connected, release: () => undefined };
    for (;;) {
      if (this.switching) {
        await this.switching;
        continue;
      }
      const slot = this.current;
      if (slot && !slot.dead && slot.uses < Math.max(1, this.options.restartAfter)) {
        slot.uses += 1;
        slot.active += 1;
        return this.leaseOf(slot);
      }
      if (slot && !slot.dead && slot.active > 0) {
        // Spent: let its renders finish before closing it, so only one browser runs at a time.
        await new Promise<void>((resolve) => slot.waiters.push(resolve));
        continue;
      }
      this.switching = this.replace(slot).finally(() => (this.switching = undefined));
    }
  }

  /** Closes the pool's own browser (a shared one stays open). */
  async close(): Promise<void> {
    await this.switching?.catch(() => undefined);
    const slot = this.current;
    this.current = undefined;
    await slot?.managed.close();
  }

  private leaseOf(slot: Slot): Lease {
    let released = false;
    return {
      browser: slot.managed,
      // `connected` turns false as soon as the connection drops, before the 'disconnected' event.
      crashed: () => slot.dead || !slot.managed.browser.connected,
      release: () => {
        if (released) return;
        released = true;
        slot.active -= 1;
        if (slot.active === 0) wake(slot);
      },
    };
  }

  private async replace(old: Slot | undefined): Promise<void> {
    this.current = undefined;
    if (old) await old.managed.close();
    // Two failed launches in a row: the browser will not start; fail the remaining leases at once.
    if (this.launchFailures >= 2) throw this.lastLaunchError;
    let managed: ManagedBrowser;
    try {
      managed = await this.options.launch();
    } catch (error) {
      this.launchFailures += 1;
      this.lastLaunchError = error;
      throw error;
    }
    this.launchFailures = 0;
    this.launches += 1;
    const slot: Slot = { managed, uses: 0, active: 0, dead: false, waiters: [] };
    managed.browser.once('disconnected', () => {
      slot.dead = true;
      wake(slot);
    });
    this.current = slot;
  }
}

/** Runs `work` over `items` with at most `concurrency` at a time; `work` must not throw. */
export async function runQueue<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next]!;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}
