/**
 * Paginate stage: the only code that touches the browser. It loads the page
 * by file:// URL, fits it (measure → arrange → verify), lets the image stage
 * crop photos to their frames, runs Paged.js and prints the PDF.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer';
import type { PageGeometry } from '../defaults.ts';
import { TIMEOUTS, type Timeouts } from '../defaults.ts';
import { OverflowError, PaginationError } from '../errors.ts';
import type { ManagedBrowser } from './browser.ts';
import { fitPage, injectFitRuntime, type FitReport, type Frame } from './fit-page.ts';
import { FONT_PACKAGE_DIRS, PAGED_DIST_DIR, PAGED_POLYFILL, RUNTIME_DIR } from './runtime-files.ts';
import { makeTempDir, removeTempDir } from './temp-dirs.ts';
import type { PageEvent, PageWatcher } from './page-events.ts';
import { returnTab, takeTab } from './render-tabs.ts';

// Folio's own files the page may load: its runtime, Paged.js and the npm font packages.
const FOLIO_ASSET_ROOTS = [RUNTIME_DIR, PAGED_DIST_DIR, ...FONT_PACKAGE_DIRS];

export interface PaginateInput {
  html: string;
  geometry: PageGeometry;
  browser: ManagedBrowser;
  /** Crops or generates each photo for its placed frame and returns file:// URLs. */
  resolveImages: (frames: Frame[]) => Promise<Record<string, string>>;
  /** Folders the page may load files from besides Folio's own (the edition, the image cache). */
  allowedRoots?: readonly string[];
  /** Pages the design has; more means the content spilled. */
  expectedPages?: number;
  /** Overrides of the default timeouts (src/defaults.ts). */
  timeouts?: Partial<Timeouts>;
  /** Also capture a PNG preview of the paginated sheet. */
  preview?: boolean;
  signal?: AbortSignal;
}

export interface PaginateResult {
  pdf: Uint8Array;
  pages: number;
  fit: FitReport;
  png?: Uint8Array;
  /** Milliseconds per step inside the browser: load, fit, paged, print. */
  timings: Record<string, number>;
  /** Requests the page made that were refused (anything outside Folio's files and the edition's). */
  blockedRequests: readonly string[];
}

export async function paginate(input: PaginateInput): Promise<PaginateResult> {
  const workDir = await makeTempDir('folio-page-');
  const tab = await takeTab(input.browser, [workDir, ...FOLIO_ASSET_ROOTS, ...(input.allowedRoots ?? [])]);
  const { page, guard, watcher } = tab;
  let succeeded = false;
  const timeouts: Timeouts = { ...TIMEOUTS, ...input.timeouts };
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - mark);
    mark = now;
  };
  try {
    const file = path.join(workDir, 'page.html');
    await writeFile(file, input.html);
    await step('load the page', watcher, () =>
      page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: timeouts.loadMs }),
    );
    await injectFitRuntime(page);
    lap('load');
    const fit = await fitPage(page, input.resolveImages);
    lap('fit');
    input.signal?.throwIfAborted();
    const rendered = await runPagedJs(page, input.geometry, watcher, timeouts.paginateMs);
    lap('paged');
    checkRendered(rendered, input.expectedPages ?? 1);
    watcher.throwIfBroken();
    const pdf = await step('print the PDF', watcher, () =>
      page.pdf({ preferCSSPageSize: true, printBackground: true, timeout: timeouts.printMs }),
    );
    lap('print');
    const png = input.preview ? await capturePreview(page) : undefined;
    succeeded = true;
    return { pdf, pages: rendered.pages, fit, png, timings, blockedRequests: [...guard.blocked] };
  } finally {
    await returnTab(input.browser, tab, succeeded);
    await removeTempDir(workDir);
  }
}

async function runPagedJs(page: Page, geometry: PageGeometry, watcher: PageWatcher, timeoutMs: number) {
  await page.addScriptTag({ path: path.join(RUNTIME_DIR, 'paged-handlers.js') });
  const done = watcher.next('rendered', timeoutMs);
  // It may fail (timeout, page fault) while the scripts below are still being injected.
  done.catch(() => undefined);
  await page.evaluate((geometryJson: string) => {
    const report = (event: unknown) => (window as unknown as { folioReport(e: unknown): void }).folioReport(event);
    const folio = (window as unknown as { folio: { registerHandlers(g: unknown, r: unknown): void } }).folio;
    (window as unknown as { PagedConfig: unknown }).PagedConfig = {
      auto: true,
      before: () => folio.registerHandlers(JSON.parse(geometryJson), report),
    };
  }, JSON.stringify(geometry));
  await page.addScriptTag({ path: PAGED_POLYFILL });
  return done;
}

function checkRendered(rendered: Extract<PageEvent, { type: 'rendered' }>, expectedPages: number): void {
  const overflow = rendered.overflow.filter((entry) => entry.module !== '版面');
  if (overflow.length > 0) {
    const first = overflow[0]!;
    throw new OverflowError(
      overflow.map((o) => `「${o.module}」 overflows by ${o.lines} lines`).join('; '),
      { hint: `cut text in 「${first.module}」 or allow its photos to shrink` },
    );
  }
  if (rendered.pages > expectedPages) {
    throw new OverflowError(
      `the content spilled onto ${rendered.pages} pages; the design has ${expectedPages}`,
      { hint: 'cut text or photos until the page fits' },
    );
  }
}

async function step<T>(what: string, watcher: PageWatcher, run: () => Promise<T>): Promise<T> {
  try {
    const result = await run();
    watcher.throwIfBroken();
    return result;
  } catch (cause) {
    if (cause instanceof PaginationError) throw cause;
    throw new PaginationError(`could not ${what}`, { cause });
  }
}

/** A screen-resolution picture of the first sheet, crop marks included. */
async function capturePreview(page: Page): Promise<Uint8Array> {
  const sheet = await page.$('.pagedjs_sheet');
  if (!sheet) throw new PaginationError('no paginated sheet to capture for the preview');
  return sheet.screenshot({ type: 'png', captureBeyondViewport: true });
}
