/**
 * The preview as a proofing tool (issue 15, items 2–4), in a real browser:
 * a first build that fails says there is no page yet; content that does not
 * fit is shown over-full with the overflowing module and the lines it lacks
 * marked in the page; preflight findings (a low-resolution photo, missing
 * folio-line fields) are listed in the report beside the page, naming the
 * photo or field; the baseline grid shows at Fit zoom; the toolbar fits a
 * 420 px window; and only buttons are marked pressed.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'puppeteer-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/server.ts';
import { sharedBrowser } from './support/browser.ts';
import { inPage as inPageOf, shownVersion as shownVersionIn } from './support/preview-tab.ts';

let root: string;
let editionFile: string;
let preview: PreviewServer;
let context: BrowserContext;
let page: Page;

const wuzhi = readFileSync('content/wuzhi-2024/edition.yaml', 'utf8');
const overflowing = readFileSync('test/fixtures/overflow/edition.yaml', 'utf8');

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'folio-preview-proof-'));
  const edition = path.join(root, 'proof');
  cpSync('content/wuzhi-2024', edition, { recursive: true });
  editionFile = path.join(edition, 'edition.yaml');
  // A photo far too small for its frame: 120×80 px.
  await sharp({ create: { width: 120, height: 80, channels: 3, background: '#7a8a9a' } }).jpeg().toFile(path.join(edition, 'small.jpg'));
  // The first build fails: the YAML does not parse.
  writeFileSync(editionFile, wuzhi.replace('  title: 擎旗领跑', '  title: [擎旗领跑'));
  const browser = await sharedBrowser();
  preview = await startPreview({ input: edition, port: 0, browser, log: () => {} });
  await preview.ready;
  context = await browser.browser.createBrowserContext();
  page = await context.newPage();
  await page.setViewport({ width: 1200, height: 800 });
  await page.goto(preview.url);
});

afterAll(async () => {
  await context?.close();
  await preview?.close();
  rmSync(root, { recursive: true, force: true });
});

const shownVersion = (version: number) => shownVersionIn(page, version);
const inPage = <T>(run: (doc: Document) => T) => inPageOf(page, run);

describe('folio preview as a proofing tool', () => {
  it('does not claim a last good page when the first build fails', async () => {
    await page.waitForSelector('#folio-overlay:not([hidden])', { timeout: 30_000 });
    const status = await page.$eval('#folio-status', (element) => element.textContent ?? '');
    expect(status).toContain('no page built yet');
    expect(status).not.toContain('last good page');
    expect(await page.$eval('#folio-overlay-underneath', (element) => (element as HTMLElement).hidden)).toBe(true);
  });

  it('shows content that does not fit as the over-full page, the overflowing module and its missing lines marked', async () => {
    writeFileSync(editionFile, overflowing);
    await shownVersion(1);
    expect(await page.$eval('#folio-overlay', (element) => (element as HTMLElement).hidden)).toBe(true);
    const marked = await inPage((doc) => ({
      pages: doc.querySelectorAll('.pagedjs_page').length,
      overflowing: [...doc.querySelectorAll('.module.folio-overflowing')].map((m) => (m as HTMLElement).dataset.module),
      missing: [...doc.querySelectorAll('.folio-overflow-missing')].map((m) => {
        const box = m.getBoundingClientRect();
        const module = m.closest('.module')!.getBoundingClientRect();
        return { lines: Number((m as HTMLElement).dataset.lines), height: box.height, shown: getComputedStyle(m).display !== 'none', belowModule: Math.round(box.top - module.bottom) };
      }),
    }));
    expect(marked.pages).toBe(1);
    // The fixture's three sections share the name 蓄势 2024: only the one cut short is marked, with one band.
    expect(marked.overflowing).toEqual(['蓄势 2024']);
    expect(marked.missing).toHaveLength(1);
    for (const band of marked.missing) {
      expect(band.lines).toBeGreaterThan(0);
      expect(band.shown).toBe(true);
      expect(band.height).toBeGreaterThan(band.lines * 10);
      expect(band.belowModule).toBe(0);
    }
    const status = await page.$eval('#folio-status', (element) => element.textContent ?? '');
    expect(status).toMatch(/overflowing/);
  });

  it('lists preflight findings beside the page, naming the photo and the folio-line fields', async () => {
    writeFileSync(editionFile, wuzhi.replace('  - id: yuba-study-base\n', '  - id: yuba-study-base\n    file: small.jpg\n'));
    await shownVersion(2);
    await page.setViewport({ width: 1400, height: 800 });
    if ((await page.$eval('#folio-report', (element) => (element as HTMLElement).hidden))) await page.keyboard.press('r');
    const findings = await page.$$eval('#folio-report .finding', (items) => items.map((item) => ({ where: (item as HTMLElement).dataset.where, text: item.textContent ?? '' })));
    const photo = findings.find((f) => f.where === 'yuba-study-base');
    expect(photo?.text).toMatch(/small\.jpg, 120×80 px\) is placed at \d+ ppi/);
    expect(findings.map((f) => f.where)).toEqual(expect.arrayContaining(['paper.name', 'paper.date', 'paper.editor']));
    // The report stands beside the page: no overlap with the stage that shows it.
    const boxes = await page.evaluate(() => {
      const rect = (id: string) => document.getElementById(id)!.getBoundingClientRect().toJSON() as DOMRect;
      return { report: rect('folio-report'), stage: rect('folio-stage') };
    });
    expect(boxes.stage.right).toBeLessThanOrEqual(boxes.report.left + 0.5);
  });

  it('draws the baseline grid a visible pixel wide at Fit zoom', async () => {
    await page.click('button[data-zoom="fit"]');
    const scale = await page.$eval('#folio-sheet', (sheet) => Number((sheet as HTMLElement).dataset.scale));
    expect(scale).toBeLessThan(0.5);
    const blueRows = async () => {
      const png = await page.screenshot({ clip: await page.$eval('#folio-sheet', (sheet) => { const r = sheet.getBoundingClientRect(); return { x: r.x, y: r.y + r.height * 0.55, width: r.width, height: r.height * 0.3 }; }) });
      const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
      let rows = 0;
      for (let y = 0; y < info.height; y += 1) {
        let blue = 0;
        for (let x = 0; x < info.width; x += 1) {
          const i = (y * info.width + x) * info.channels;
          if (data[i + 2]! > 180 && data[i]! < 150 && data[i + 2]! - data[i]! > 60) blue += 1;
        }
        if (blue > info.width * 0.3) rows += 1;
      }
      return rows;
    };
    const before = await blueRows();
    await page.keyboard.press('g');
    const after = await blueRows();
    await page.keyboard.press('g');
    // A line across the page every baseline: many rows of the crop turn blue.
    expect(after - before).toBeGreaterThan(10);
  });

  it('marks only buttons as pressed, and fits the toolbar in a 420 px window', async () => {
    expect(await page.evaluate(() => document.documentElement.hasAttribute('aria-pressed'))).toBe(false);
    await page.setViewport({ width: 420, height: 700 });
    await page.waitForFunction(() => document.getElementById('folio-toolbar')!.offsetHeight > 45, { timeout: 5_000 });
    // The stage moves down once the shell's ResizeObserver has seen the taller toolbar (a callback after layout).
    await page
      .waitForFunction(() => document.getElementById('folio-stage')!.getBoundingClientRect().top >= document.getElementById('folio-toolbar')!.getBoundingClientRect().bottom - 0.5, { timeout: 5_000 })
      .catch(() => undefined);
    const layout = await page.evaluate(() => {
      const bar = document.getElementById('folio-toolbar')!.getBoundingClientRect();
      const stage = document.getElementById('folio-stage')!.getBoundingClientRect();
      const outside = [...document.querySelectorAll('#folio-toolbar button')]
        .map((b) => b.getBoundingClientRect())
        .filter((r) => r.left < 0 || r.right > window.innerWidth || r.bottom > bar.bottom + 0.5);
      return { outside: outside.length, stageTop: stage.top, barBottom: bar.bottom };
    });
    expect(layout.outside).toBe(0);
    expect(layout.stageTop).toBeGreaterThanOrEqual(layout.barBottom - 0.5);
  });
});
