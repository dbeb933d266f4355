/**
 * Paginate stage: the only code that touches the browser. It loads the page
 * by file:// URL, fits it (measure → arrange → verify), lets the image stage
 * crop photos to their frames, runs Paged.js and prints the PDF.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import type { PageGeometry } from '../defaults.ts';
import { PRESS_COLOURS, TIMEOUTS, type Timeouts } from '../defaults.ts';
import { OverflowError, PaginationError } from '../errors.ts';
import { t } from '../i18n/locale.ts';
import type { ManagedBrowser } from './browser.ts';
import { fitPage, waitForFonts, type FitReport, type Frame } from './fit-page.ts';
import { FONT_PACKAGE_DIRS, PAGE_RUNTIME_SCRIPTS, PAGED_DIST_DIR, PAGED_POLYFILL, RUNTIME_DIR } from './runtime-files.ts';
import { makeTempDir, removeTempDir } from './temp-dirs.ts';
import { TargetCrashedError, type PageEvent, type PageWatcher } from './page-events.ts';
import { returnTab, takeTab } from './render-tabs.ts';
import { showProofAds, type ProofAd } from './proof-ads.ts';

// Folio's own files the page may load: its runtime, Paged.js and the npm font packages.
const FOLIO_ASSET_ROOTS = [RUNTIME_DIR, PAGED_DIST_DIR, ...FONT_PACKAGE_DIRS];

/** What the page runtime draws in the slug, with the press colours as CSS (src/defaults.ts PRESS_COLOURS). */
export interface PageMarks {
  mode: 'crop' | 'slug' | 'none';
  /** Paper, date and page for the slug line. */
  slug?: string;
  registration: string;
  plates: Record<string, string>;
  red: string;
}

const css = (rgb: readonly number[]) => `rgb(${rgb.join(',')})`;

/** The marks of a page in `mode`, with the slug line's text. */
export function pageMarks(mode: PageMarks['mode'], slug?: string): PageMarks {
  const plates = Object.fromEntries(Object.entries(PRESS_COLOURS.plates).map(([plate, rgb]) => [plate, css(rgb)]));
  return { mode, slug, registration: css(PRESS_COLOURS.registration), plates, red: css(PRESS_COLOURS.designRed) };
}

export interface PaginateInput<F = FitReport> {
  html: string;
  geometry: PageGeometry;
  /** The marks in the slug (issue 20); default crop marks and registration targets. */
  marks?: PageMarks;
  browser: ManagedBrowser;
  /** Crops or generates each photo for its placed frame and returns file:// URLs. */
  resolveImages: (frames: Frame[]) => Promise<Record<string, string>>;
  /** How the loaded page is fitted: the feature's copyfit (default), or a general page's module solver. */
  fit?: (tab: Page, resolveImages: (frames: Frame[]) => Promise<Record<string, string>>) => Promise<F>;
  /** Folders the page may load files from besides Folio's own (the edition, the image cache). */
  allowedRoots?: readonly string[];
  /** Pages the design has; more means the content spilled. */
  expectedPages?: number;
  /** Overrides of the default timeouts (src/defaults.ts). */
  timeouts?: Partial<Timeouts>;
  /** Also capture a PNG preview of the paginated sheet. */
  preview?: boolean;
  /** Supplied ads the preview shows in their slots (the PDF gets them after printing). */
  previewAds?: readonly ProofAd[];
  signal?: AbortSignal;
}

export interface PaginateResult<F = FitReport> {
  pdf: Uint8Array;
  pages: number;
  fit: F;
  png?: Uint8Array;
  /** Milliseconds per step inside the browser: load, fit, paged, print. */
  timings: Record<string, number>;
  /** Requests the page made that were refused (anything outside Folio's files and the edition's). */
  blockedRequests: readonly string[];
}

export async function paginate<F = FitReport>(input: PaginateInput<F>): Promise<PaginateResult<F>> {
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
  const render = async (): Promise<PaginateResult<F>> => {
    const file = path.join(workDir, 'page.html');
    await writeFile(file, withRuntime(input.html));
    await step('load the page', watcher, () =>
      page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: timeouts.loadMs }),
    );
    await waitForFonts(page);
    lap('load');
    const fit = input.fit ? await input.fit(page, input.resolveImages) : ((await fitPage(page, input.resolveImages)) as F);
    lap('fit');
    input.signal?.throwIfAborted();
    const rendered = await runPagedJs(page, { ...input.geometry, marks: input.marks }, watcher, timeouts.paginateMs);
    lap('paged');
    checkRendered(rendered, input.expectedPages ?? 1);
    watcher.throwIfBroken();
    // Untagged, as press PDF presets make it: a structure tree serves screen
    // readers, not the printer, and doubles pdf-lib's work on the file. The
    // fonts were awaited before the fit, so Puppeteer need not wait again.
    const pdf = await step('print the PDF', watcher, () =>
      page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: false, waitForFonts: false, timeout: timeouts.printMs }),
    );
    lap('print');
    const png = input.preview ? await capturePreview(page, input.previewAds ?? []) : undefined;
    succeeded = true;
    return { pdf, pages: rendered.pages, fit, png, timings, blockedRequests: [...guard.blocked] };
  };
  try {
    // A crashed tab answers no more calls: its crash ends the render at once.
    return await Promise.race([render(), watcher.crashed]);
  } catch (error) {
    const crash = watcher.crash();
    if (crash && !(error instanceof TargetCrashedError)) throw new TargetCrashedError(crash.message, { cause: error, hint: crash.hint });
    throw error;
  } finally {
    await returnTab(input.browser, tab, succeeded);
    await removeTempDir(workDir);
  }
}

/**
 * The page as Chromium loads it: the fit runtime, Folio's Paged.js handlers
 * and Paged.js itself load with it, by file:// URL, while its fonts load.
 * Sending them as script text over the DevTools connection after the load
 * (page.addScriptTag) cost about 80 ms a render, most of it for Paged.js's
 * 900 kB. Paged.js waits (auto: false) until runPagedJs starts it.
 */
function withRuntime(html: string): string {
  const script = (file: string) => `<script defer src="${pathToFileURL(file).href}"></script>`;
  const tags = [
    '<script>window.PagedConfig = { auto: false };</script>',
    ...[...PAGE_RUNTIME_SCRIPTS, PAGED_POLYFILL].map(script),
  ].join('\n');
  // In the head, where there is one: Paged.js moves the body's content into its pages.
  const head = html.search(/<\/head>|<body/i);
  return head < 0 ? tags + '\n' + html : html.slice(0, head) + tags + '\n' + html.slice(head);
}

async function runPagedJs(page: Page, geometry: PageGeometry & { marks?: PageMarks }, watcher: PageWatcher, timeoutMs: number) {
  const done = watcher.next('rendered', timeoutMs);
  // It may fail (timeout, page fault) while Paged.js is being started.
  done.catch(() => undefined);
  await page.evaluate((geometryJson: string) => {
    type PagedWindow = {
      folioReport(event: unknown): void;
      folio: { registerHandlers(geometry: unknown, report: (event: unknown) => void): void };
      PagedPolyfill: { preview(): Promise<unknown> };
    };
    const w = window as unknown as PagedWindow;
    w.folio.registerHandlers(JSON.parse(geometryJson), (event) => w.folioReport(event));
    // Not awaited: the handlers report the result (or a page error fails the watcher).
    void w.PagedPolyfill.preview();
  }, JSON.stringify(geometry));
  return done;
}

function checkRendered(rendered: Extract<PageEvent, { type: 'rendered' }>, expectedPages: number): void {
  const overflow = rendered.overflow.filter((entry) => entry.module !== '版面');
  if (overflow.length > 0) {
    const first = overflow[0]!;
    throw new OverflowError(
      overflow.map((o) => t('overflow.module', { module: o.module, lines: o.lines })).join(t('preflight.factSeparator')),
      { hint: t('overflow.moduleHint', { module: first.module }) },
    );
  }
  if (rendered.pages > expectedPages) {
    throw new OverflowError(
      t('overflow.spilled', { pages: rendered.pages, expected: expectedPages }),
      { hint: t('overflow.spilledHint') },
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
async function capturePreview(page: Page, ads: readonly ProofAd[]): Promise<Uint8Array> {
  const sheet = await page.$('.pagedjs_sheet');
  if (!sheet) throw new PaginationError('no paginated sheet to capture for the preview');
  // After printing: the PDF has its ads placed later, untouched; the picture shows them now.
  await showProofAds(page, ads);
  return sheet.screenshot({ type: 'png', captureBeyondViewport: true });
}
