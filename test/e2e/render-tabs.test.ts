/**
 * Render tabs are reused between builds on one browser: renders running at
 * once each get a visible window of their own (a hidden tab gets no animation
 * frames and stalls), a finished render's tab serves the next build, and a
 * failed render's tab is closed rather than reused.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type ManagedBrowser } from '../../src/paginate/browser.ts';
import { build } from '../../src/pipeline.ts';

let browser: ManagedBrowser;
const out = mkdtempSync(path.join(os.tmpdir(), 'folio-tabs-'));
const timeouts = { paginateMs: 30_000, loadMs: 30_000 };
const openTabs = async () => (await browser.browser.pages()).filter((page) => page.url().startsWith('file:')).length;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('render tabs', () => {
  it('renders two editions at once, then reuses their tabs instead of opening more', async () => {
    const editions = ['wuzhi-2024', 'wuzhi-2023-only'];
    const first = await Promise.all(editions.map((id) => build({ input: `content/${id}`, output: path.join(out, `${id}.pdf`), browser, timeouts })));
    expect(first.map((result) => result.pages)).toEqual([1, 1]);
    expect(await openTabs()).toBe(2);
    const again = await Promise.all(editions.map((id) => build({ input: `content/${id}`, output: path.join(out, `${id}-2.pdf`), browser, timeouts })));
    expect(again.map((result) => result.pages)).toEqual([1, 1]);
    expect(await openTabs()).toBe(2);
    // The same fit in a reused tab as in a fresh one.
    expect(again.map((result) => result.fit)).toEqual(first.map((result) => result.fit));
  });

  it('closes the tab of a render that failed in the browser', async () => {
    const before = await openTabs();
    await expect(build({ input: 'test/fixtures/overflow', output: path.join(out, 'overflow.pdf'), browser, timeouts })).rejects.toThrow(/overflow/i);
    expect(await openTabs()).toBe(before - 1);
  });
});
