/**
 * `folio preview <issue-dir>` (issue 18): the issue's pages side by side as
 * spreads (A1 alone, then A2|A3), each page its own preview with its folio
 * line filled from issue.yaml, shown in a real browser inside the spreads'
 * frames; saving one page file rebuilds that page and no other.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIssuePreview, type IssuePreviewServer } from '../../src/preview/issue-preview.ts';
import { sharedBrowser } from './support/browser.ts';

let root: string;
let dir: string;
let preview: IssuePreviewServer;
let context: BrowserContext;

const state = async (url: string) => (await (await fetch(new URL('/_folio/state', url))).json()) as { status: string; pageVersion: number };

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'folio-preview-issue-'));
  dir = path.join(root, '2024-01-26');
  cpSync('test/fixtures/issues/2024-01-26', dir, { recursive: true });
  const browser = await sharedBrowser();
  preview = await startIssuePreview({ dir, port: 0, browser, log: () => {} });
  await preview.ready;
  context = await browser.browser.createBrowserContext();
}, 180_000);

afterAll(async () => {
  await context?.close();
  await preview?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('folio preview of an issue', () => {
  it('shows the pages as spreads in printed order, each in a frame the page allows', async () => {
    const tab = await context.newPage();
    await tab.setViewport({ width: 1600, height: 1000 });
    await tab.goto(preview.url);
    const spreads = await tab.$$eval('.spread', (sections) => sections.map((s) => [...s.querySelectorAll('figure')].map((f) => ({ label: f.dataset.page, src: f.querySelector('iframe')!.src }))));
    expect(spreads.map((s) => s.map((p) => p.label))).toEqual([['A1'], ['A2', 'A3']]);
    expect(spreads.flat().map((p) => p.src)).toEqual(preview.pages.map((p) => p.url));
    // Each frame shows its page's own preview shell: a frame the page refused would hold Chromium's error page.
    const frames = tab.frames().filter((f) => f.parentFrame() === tab.mainFrame());
    expect(frames.map((f) => f.url())).toEqual(preview.pages.map((p) => p.url));
    for (const frame of frames) {
      await frame.waitForSelector('button', { timeout: 30_000 });
      expect(await frame.evaluate(() => document.querySelectorAll('button').length)).toBeGreaterThan(0);
    }
    await tab.close();
  }, 120_000);

  it('fills each page\'s folio line from issue.yaml', async () => {
    for (const page of preview.pages.slice(1)) {
      const html = await (await fetch(new URL('/_folio/page', page.url))).text();
      expect(html, page.label).toContain(page.label);
      expect(html, page.label).toContain(page.name);
    }
  });

  it('rebuilds only the page whose file was saved', async () => {
    const [, a2, a3] = preview.pages;
    const before = { a2: (await state(a2!.url)).pageVersion, a3: (await state(a3!.url)).pageVersion };
    appendFileSync(path.join(dir, 'a3.yaml'), '\n# saved again by the test\n');
    const deadline = Date.now() + 60_000;
    while ((await state(a3!.url)).pageVersion === before.a3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect((await state(a3!.url)).pageVersion).toBe(before.a3 + 1);
    // Give a wrong rebuild of A2 the same time to show, then check it did not happen.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await state(a2!.url)).pageVersion).toBe(before.a2);
  }, 90_000);
});
