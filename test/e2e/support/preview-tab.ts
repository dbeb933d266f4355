/** Helpers for a browser tab showing the preview shell (test/e2e/preview*.test.ts). */
import type { Page } from 'puppeteer-core';

/** Waits until the shell shows page version `version` (a build swapped in after Paged.js laid it out). */
export function shownVersion(page: Page, version: number, timeout = 60_000) {
  return page.waitForFunction((v) => document.documentElement.dataset.pageVersion === String(v), { timeout }, version);
}

/** Evaluates in the proofed page inside the shell's iframe. */
export function inPage<T>(page: Page, run: (doc: Document) => T): Promise<T> {
  return page.evaluate(`(${run.toString()})(document.querySelector('#folio-sheet iframe').contentDocument)`) as Promise<T>;
}
