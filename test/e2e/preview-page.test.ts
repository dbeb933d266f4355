/**
 * The preview of a general page (issue 17: one arrangement serves the CLI,
 * batch and preview): the page shows every module where the solver put it,
 * after Paged.js in a real browser, and the report beside it lists the
 * placed modules by id.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'puppeteer-core';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/server.ts';
import { sharedBrowser } from './support/browser.ts';
import { inPage, shownVersion } from './support/preview-tab.ts';

let root: string;
let preview: PreviewServer;
let context: BrowserContext;
let page: Page;
const ids = (parse(readFileSync('test/fixtures/pages/news-six/edition.yaml', 'utf8')) as { modules: { id: string }[] }).modules.map((m) => m.id);

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'folio-preview-page-'));
  const dir = path.join(root, 'news');
  cpSync('test/fixtures/pages/news-six', dir, { recursive: true });
  const browser = await sharedBrowser();
  preview = await startPreview({ input: dir, port: 0, browser, log: () => {} });
  await preview.ready;
  context = await browser.browser.createBrowserContext();
  page = await context.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  await page.goto(preview.url);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await preview?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('folio preview of a general page', () => {
  it('shows one page with every module placed on the grid, and lists them in the report', async () => {
    await shownVersion(page, 1);
    const shown = await inPage(page, (doc) => ({
      pages: doc.querySelectorAll('.pagedjs_page').length,
      modules: [...doc.querySelectorAll('[data-module-id]')].map((m) => {
        const el = m as HTMLElement;
        const box = el.getBoundingClientRect();
        return { id: el.dataset.moduleId!, column: el.style.gridColumn, row: el.style.gridRow, width: box.width, height: box.height };
      }),
    }));
    expect(shown.pages).toBe(1);
    expect(shown.modules.map((m) => m.id).sort()).toEqual([...ids].sort());
    for (const m of shown.modules) {
      expect(m.column, m.id).toMatch(/^\d+ \/ span \d+$/);
      expect(m.row, m.id).toMatch(/^\d+ \/ span \d+$/);
      expect(m.width * m.height, m.id).toBeGreaterThan(0);
    }
    if (await page.$eval('#folio-report', (element) => (element as HTMLElement).hidden)) await page.keyboard.press('r');
    const report = await page.$eval('#folio-report', (element) => element.textContent ?? '');
    for (const id of ids) expect(report).toContain(id);
  }, 120_000);
});
