/**
 * The copyfit half of the paginate stage, for the preview: load the rendered
 * page in headless Chromium by file:// URL, inject the same page runtime and
 * run the same fitPage() as src/paginate/paginate.ts, then hand back the
 * fitted document as HTML. The user's browser paginates that HTML with the
 * same Paged.js and handlers, so the preview and the PDF share one renderer,
 * one set of templates and CSS, and one fit.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'puppeteer-core';
import { TIMEOUTS } from '../defaults.ts';
import { exitCodeOf, PaginationError } from '../errors.ts';
import type { ManagedBrowser } from '../paginate/browser.ts';
import { fitPage, injectFitRuntime, type FitReport, type Frame } from '../paginate/fit-page.ts';
import { watchPage, type PageWatcher } from '../paginate/page-events.ts';
import { guardRequests } from '../paginate/request-guard.ts';
import { makeTempDir, removeTempDir } from '../paginate/temp-dirs.ts';

export interface FitDocumentInput<F = FitReport> {
  html: string;
  /** Crops or generates each photo for its placed frame and returns file:// URLs. */
  resolveImages: (frames: Frame[]) => Promise<Record<string, string>>;
  /** How the page is fitted: the feature's copyfit (default, shown over-full when content does not fit), or a general page's solver. */
  fit?: (tab: Page, resolveImages: (frames: Frame[]) => Promise<Record<string, string>>) => Promise<F>;
}

/** What fit.js changed besides the arrangement: display type sized to its measure. */
export interface DisplayAdjustments {
  headlinePt?: number;
  deckPt?: number;
  /** Subheads set smaller so each part keeps to one line. */
  smallerSubheads: number;
}

export interface FittedDocument<F = FitReport> {
  /** The fitted page, doctype included; its URLs are still file:// URLs. */
  html: string;
  fit: F;
  display: DisplayAdjustments;
}

const SCRIPT_ID_PREFIX = 'folio-fit-runtime-';

/**
 * Fits documents in one long-lived tab. Reusing the tab keeps its renderer
 * process warm (compiled page runtime, decoded fonts): a fit in a fresh tab
 * after a pause takes about three times as long. A tab that failed is
 * replaced, because its watcher keeps the fault. Calls must not overlap
 * (the preview session runs one build at a time).
 */
export class DocumentFitter {
  private tab?: Promise<Tab>;

  constructor(private readonly browser: ManagedBrowser) {}

  async fit<F = FitReport>(input: FitDocumentInput<F>): Promise<FittedDocument<F>> {
    this.tab ??= openTab(this.browser);
    try {
      const { page, watcher } = await this.tab;
      await loadHtml(page, input.html);
      watcher.throwIfBroken();
      await injectFitRuntime(page, SCRIPT_ID_PREFIX);
      // Content that does not fit is shown over-full, its overflowing section marked (issue 15, item 2).
      const fit = input.fit ? await input.fit(page, input.resolveImages) : ((await fitPage(page, input.resolveImages, { overfull: true })) as F);
      watcher.throwIfBroken();
      const { html, display } = await page.evaluate(serializeFitted, SCRIPT_ID_PREFIX);
      return { html, fit, display };
    } catch (error) {
      // Bad input (content that does not fit, an unreadable photo) leaves the tab usable.
      if (exitCodeOf(error) !== 2) await this.closeTab();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.closeTab();
  }

  private async closeTab(): Promise<void> {
    const tab = await this.tab?.catch(() => undefined);
    this.tab = undefined;
    if (!tab) return;
    tab.watcher.dispose();
    await tab.context.close().catch(() => undefined);
  }
}

/**
 * Loads the page from a file, as paginate.ts does (its fonts and images are
 * file:// URLs), and deletes the file once loaded, so that a preview killed
 * by Ctrl-C leaves no temporary files behind.
 */
async function loadHtml(page: Page, html: string): Promise<void> {
  const workDir = await makeTempDir('folio-preview-');
  try {
    const file = path.join(workDir, 'page.html');
    await writeFile(file, html);
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: TIMEOUTS.loadMs });
  } catch (cause) {
    throw new PaginationError('could not load the page', { cause });
  } finally {
    await removeTempDir(workDir);
  }
}

interface Tab {
  context: BrowserContext;
  page: Page;
  watcher: PageWatcher;
}

/**
 * A tab in a browser context of its own, which opens its own window: a tab
 * sharing a window with another (the proofing tab, when the tests share one
 * browser) is hidden behind it, and Chromium then never decodes its images.
 */
async function openTab(browser: ManagedBrowser): Promise<Tab> {
  const context = await browser.browser.createBrowserContext();
  const page = await context.newPage();
  // No allow-list here, as before: the fitting tab loads the preview's own page; only its failed requests are watched.
  const watcher = await watchPage(page, await guardRequests(page));
  // tsx/esbuild wrap named functions passed to page.evaluate in __name(); give the page a no-op one.
  await page.evaluateOnNewDocument('globalThis.__name = (fn) => fn;');
  return { context, page, watcher };
}

/** Runs in the page: notes the display-type sizes, drops the injected runtime and serialises the DOM. */
function serializeFitted(scriptIdPrefix: string): { html: string; display: DisplayAdjustments } {
  const inlinePt = (selector: string) => {
    const element = document.querySelector<HTMLElement>(selector);
    if (!element?.style.fontSize) return undefined;
    return Math.round(((parseFloat(getComputedStyle(element).fontSize) * 72) / 96) * 10) / 10;
  };
  const display = {
    headlinePt: inlinePt('.headline__title'),
    deckPt: inlinePt('.headline__deck'),
    smallerSubheads: [...document.querySelectorAll<HTMLElement>('.subhead')].filter((subhead) => subhead.style.fontSize).length,
  };
  for (const script of document.querySelectorAll(`script[id^="${scriptIdPrefix}"]`)) script.remove();
  // Without the doctype the user's browser would lay the page out in quirks mode.
  return { html: `<!DOCTYPE html>\n${document.documentElement.outerHTML}`, display };
}
