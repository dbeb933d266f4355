/**
 * Render tabs, kept open between builds on the same browser. A tab that is
 * used again keeps its renderer process warm: no new tab to open, no request
 * guard and watcher to install, and the page runtime already compiled. A
 * batch or the test suite saves about 100 ms a page this way; a one-shot
 * render closes the browser, and its tab with it.
 *
 * Only a tab whose render succeeded goes back to the pool: one that failed
 * may hold a broken document or a crashed renderer.
 */
import type { Page } from 'puppeteer-core';
import type { ManagedBrowser } from './browser.ts';
import { watchPage, type PageWatcher } from './page-events.ts';
import { guardRequests, type RequestGuard } from './request-guard.ts';

export interface RenderTab {
  readonly page: Page;
  readonly guard: RequestGuard;
  readonly watcher: PageWatcher;
  /** Renders done in this tab. */
  uses: number;
}

/** More idle tabs than renders running at once would only hold memory. */
const MAX_IDLE_TABS = 4;
/**
 * A renderer's memory grows a little with every page it lays out (about
 * 2 MiB a render since each page no longer gets a frame host of its own, see
 * chromium-process.mjs; 50 MiB before), and navigating away does not give it
 * back: a fresh tab after this many renders keeps a long-lived browser
 * bounded. A batch restarts its browser after as many. Measured over 100
 * editions with -j 2: peak PSS 773–859 MiB in each fifth of the run.
 */
const MAX_TAB_USES = 50;

const RENDER_VIEWPORT = { width: 1, height: 1 };

const idleTabs = new WeakMap<ManagedBrowser, RenderTab[]>();

/** An idle tab of this browser, ready for a render that may load from `allowedRoots`, or a new one. */
export async function takeTab(browser: ManagedBrowser, allowedRoots: readonly string[]): Promise<RenderTab> {
  const idle = idleTabs.get(browser) ?? [];
  for (let tab = idle.pop(); tab; tab = idle.pop()) {
    if (tab.page.isClosed() || !browser.browser.connected) continue;
    await tab.guard.reset(allowedRoots);
    tab.watcher.reset();
    tab.uses += 1;
    return tab;
  }
  return openTab(browser, allowedRoots);
}

async function openTab(browser: ManagedBrowser, allowedRoots: readonly string[]): Promise<RenderTab> {
  // The launch's own blank tab first; then a window of its own for each tab:
  // a second tab in one window would be hidden, and a hidden page gets no animation frames.
  const page = (await browser.takeStartupTab()) ?? (await browser.browser.newPage({ type: 'window' }));
  try {
    // Nobody looks at a render tab: Chromium rasterizes, and decodes photos
    // for, only what its window shows (about 20 ms of CPU a page at 800×600).
    // Layout, the PDF and the PNG preview do not depend on it.
    await page.setViewport(RENDER_VIEWPORT);
    const guard = await guardRequests(page, allowedRoots);
    const watcher = await watchPage(page, guard);
    // tsx/esbuild wrap named functions passed to page.evaluate in __name(); give the page a no-op one.
    await page.evaluateOnNewDocument('globalThis.__name = (fn) => fn;');
    return { page, guard, watcher, uses: 1 };
  } catch (error) {
    await page.close().catch(() => undefined);
    throw error;
  }
}

/** Gives a tab back after a render: kept for the next one when `reusable`, closed otherwise. */
export async function returnTab(browser: ManagedBrowser, tab: RenderTab, reusable: boolean): Promise<void> {
  const idle = idleTabs.get(browser) ?? [];
  idleTabs.set(browser, idle);
  if (reusable && tab.uses < MAX_TAB_USES && idle.length < MAX_IDLE_TABS && !tab.page.isClosed() && browser.browser.connected) {
    idle.push(tab);
    return;
  }
  tab.watcher.dispose();
  await tab.page.close().catch(() => undefined);
}
