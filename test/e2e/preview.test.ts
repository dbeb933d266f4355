/**
 * `folio preview` driven in a real browser: the served page paginates, saves
 * update the open tab with no reload, broken content shows the CLI's message
 * over the last good page, the toolbar works, and nothing outside the
 * allow-listed folders can be fetched.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEdition } from '../../src/content/load.ts';
import { describeError } from '../../src/errors.ts';
import { startPreview, type PreviewServer } from '../../src/preview/server.ts';
import { sharedBrowser } from './support/browser.ts';
import { inPage as inPageOf, shownVersion as shownVersionIn } from './support/preview-tab.ts';

let root: string;
let editionFile: string;
let original: string;
let preview: PreviewServer;
let context: BrowserContext;
let page: Page;
const log: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'folio-preview-e2e-'));
  const edition = path.join(root, 'wuzhi');
  cpSync('content/wuzhi-2024', edition, { recursive: true });
  editionFile = path.join(edition, 'edition.yaml');
  original = readFileSync(editionFile, 'utf8');
  // Bait for the traversal checks: a secret beside the edition, linked from inside it.
  writeFileSync(path.join(root, 'secret.jpg'), 'not for the browser');
  symlinkSync(path.join(root, 'secret.jpg'), path.join(edition, 'leak.jpg'));
  writeFileSync(path.join(edition, 'photo.jpg'), 'an edition image');

  const browser = await sharedBrowser();
  preview = await startPreview({ input: edition, port: 0, browser, log: (line) => log.push(line) });
  await preview.ready;
  // A window of its own: a tab behind another worker's tab would be hidden, and hidden tabs do not lay out.
  context = await browser.browser.createBrowserContext();
  page = await context.newPage();
  await page.setViewport({ width: 1200, height: 800 });
  await page.goto(preview.url);
  await shownVersion(1);
});

afterAll(async () => {
  await context?.close();
  await preview?.close();
  rmSync(root, { recursive: true, force: true });
});

const shownVersion = (version: number) => shownVersionIn(page, version);
const inPage = <T>(run: (doc: Document) => T) => inPageOf(page, run);

function rawGet(rawPath: string, host?: string): Promise<number> {
  const url = new URL(preview.url);
  return new Promise((resolve, reject) => {
    // node:http sends the path exactly as given: no client-side normalisation of `..`.
    const req = request({ host: url.hostname, port: url.port, path: rawPath, headers: host ? { host } : {} }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('folio preview', () => {
  it('prints the URL and the build to the terminal', () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(log[0]).toContain(preview.url);
    expect(log.some((line) => /^built wuzhi-2024 in \d+\.\d\d s \(first build\)$/.test(line))).toBe(true);
    // Every font and image of the page is served: none is left as a file:// URL.
    expect(log.filter((line) => line.startsWith('warning:'))).toEqual([]);
  });

  it('shows one page paginated by Paged.js, with the headline', async () => {
    const shown = await inPage((doc) => ({
      pages: doc.querySelectorAll('.pagedjs_page').length,
      headline: doc.querySelector('.pagedjs_page .headline__title')?.textContent ?? '',
      cropMarks: doc.querySelectorAll('.folio-crop-marks').length,
      images: [...doc.querySelectorAll('img.photo__image')].every((img) => (img as HTMLImageElement).naturalWidth > 0),
    }));
    expect(shown).toEqual({ pages: 1, headline: expect.stringContaining('擎旗领跑'), cropMarks: 1, images: true });
  });

  it('toggles the proofing aids from the toolbar and the keyboard', async () => {
    const guides = () =>
      inPage((doc) => {
        const shown = (selector: string) => getComputedStyle(doc.querySelector(selector)!).display !== 'none';
        return { baseline: shown('.folio-guide--baseline'), columns: shown('.folio-guide--columns'), trim: shown('.folio-guide--trim'), safe: shown('.folio-guide--safe') };
      });
    expect(await guides()).toEqual({ baseline: false, columns: false, trim: false, safe: false });
    await page.keyboard.press('g');
    await page.click('[data-toggle="columns"]');
    await page.keyboard.press('t');
    expect(await guides()).toEqual({ baseline: true, columns: true, trim: true, safe: true });
    expect(await page.$eval('[data-toggle="columns"]', (b) => b.getAttribute('aria-pressed'))).toBe('true');
    await page.keyboard.press('g');
    expect((await guides()).baseline).toBe(false);
    // Overflow highlights start on; the page has none to show.
    const overflowShown = () => inPage((doc) => doc.documentElement.classList.contains('folio-show-overflow'));
    expect(await overflowShown()).toBe(true);
    expect(await inPage((doc) => doc.querySelectorAll('.folio-overflowing').length)).toBe(0);
    await page.keyboard.press('o');
    expect(await overflowShown()).toBe(false);
    await page.keyboard.press('o');

    await page.keyboard.press('r');
    const report = await page.$eval('#folio-report', (panel) => ({ hidden: (panel as HTMLElement).hidden, text: panel.textContent ?? '' }));
    expect(report.hidden).toBe(false);
    expect(report.text).toMatch(/精彩 2023.*蓄势 2024/s);
    expect(report.text).toContain('headline set at');

    const scale = () => page.$eval('#folio-sheet', (sheet) => Number((sheet as HTMLElement).dataset.scale));
    await page.keyboard.press('1');
    expect(await scale()).toBe(1);
    await page.click('[data-zoom="fit"]');
    expect(await scale()).toBeLessThan(0.5);
    await page.keyboard.press('1');
  });

  it('updates the open page when the edition is saved, keeping scroll and zoom', async () => {
    await page.evaluate(() => document.getElementById('folio-stage')!.scrollTo(200, 400));
    writeFileSync(editionFile, original.replace('title: 擎旗领跑', 'title: 擎旗领跑再出发'));
    await shownVersion(2);
    expect(await inPage((doc) => doc.querySelector('.headline__title')?.textContent)).toContain('擎旗领跑再出发');
    const view = await page.evaluate(() => {
      const stage = document.getElementById('folio-stage')!;
      return { left: stage.scrollLeft, top: stage.scrollTop, scale: document.getElementById('folio-sheet')!.dataset.scale, frames: document.querySelectorAll('iframe').length };
    });
    expect(view).toEqual({ left: 200, top: 400, scale: '1', frames: 1 });
    // The guides chosen before the save are still on.
    expect(await inPage((doc) => doc.documentElement.classList.contains('folio-show-trim'))).toBe(true);
  });

  it('shows broken content as an overlay with the CLI message over the last good page, and recovers', async () => {
    const overlay = () => page.$eval('#folio-overlay', (element) => ({ hidden: (element as HTMLElement).hidden, text: element.querySelector('pre')!.textContent }));
    const cliMessage = () => loadEdition(editionFile).then(() => '', (error: unknown) => describeError(error));

    writeFileSync(editionFile, original.replace('  title: 擎旗领跑', '  title: [擎旗领跑'));
    await page.waitForSelector('#folio-overlay:not([hidden])', { timeout: 30_000 });
    expect((await overlay()).text).toBe(await cliMessage());
    expect((await overlay()).text).toMatch(/edition\.yaml:\d+:\d+: invalid YAML/);

    writeFileSync(editionFile, original.replace('  title: 擎旗领跑', '  title: 123'));
    await page.waitForFunction(() => document.querySelector('#folio-overlay pre')!.textContent!.includes('(headline.title)'), { timeout: 30_000 });
    expect((await overlay()).text).toBe(await cliMessage());
    // The last good page stays underneath.
    expect(await inPage((doc) => doc.querySelector('.headline__title')?.textContent)).toContain('擎旗领跑再出发');

    writeFileSync(editionFile, original);
    await page.waitForSelector('#folio-overlay[hidden]', { timeout: 30_000 });
    await shownVersion(3);
    expect(await inPage((doc) => doc.querySelector('.headline__title')?.textContent?.trim())).toBe('擎旗领跑');
  });

  it('serves allow-listed files and refuses every way out of them', async () => {
    const fontUrl = await inPage((doc) => [...doc.querySelectorAll('style')].map((s) => s.textContent).join('').match(/\/_folio\/fonts\/[^")]+\.woff2/)?.[0]);
    expect(fontUrl).toBeTruthy();
    expect(await rawGet(fontUrl!)).toBe(200);
    expect(await rawGet('/_folio/edition/photo.jpg')).toBe(200);
    expect(await rawGet('/_folio/runtime/fit.js')).toBe(200);
    for (const attempt of [
      '/../../../../etc/passwd',
      '/_folio/runtime/../../../package.json',
      '/_folio/runtime/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
      '/_folio/runtime/%2e%2e/%2e%2e/%2e%2e/package.json',
      '/_folio/runtime/..%2f..%2f..%2fpackage.json',
      '/_folio/cache/..%5c..%5cpackage.json',
      '/_folio/edition/leak.jpg',
      '/_folio/edition/edition.yaml',
      '/_folio/fonts/fontsource/noto-serif-sc/package.json',
      '/_folio/pagedjs/paged.js',
      '/package.json',
    ]) {
      expect([attempt, await rawGet(attempt)]).toEqual([attempt, 404]);
    }
    // A page elsewhere that rebinds its name to 127.0.0.1 is refused by its Host header.
    expect(await rawGet('/', 'attacker.example:80')).toBe(403);
  });

  it('sees every save of a long mixed sequence: plain writes, renames over the file, delete and recreate, a new photo', async () => {
    const headline = () => inPage((doc) => doc.querySelector('.headline__title')?.textContent?.trim() ?? '');
    const shows = (title: string) =>
      page.waitForFunction(
        (t) => (document.querySelector('#folio-sheet iframe') as HTMLIFrameElement | null)?.contentDocument?.querySelector('.headline__title')?.textContent?.trim() === t,
        { timeout: 60_000 },
        title,
      );
    const edition = path.dirname(editionFile);
    const withTitle = (title: string) => original.replace('title: 擎旗领跑', `title: ${title}`);
    const steps: [string, () => void][] = [
      ['擎旗领跑一', () => writeFileSync(editionFile, withTitle('擎旗领跑一'))],
      // sed -i writes a new file beside it and renames it over edition.yaml, as vim and many IDEs save.
      ['擎旗领跑二', () => execFileSync('sed', ['-i', 's/title: 擎旗领跑一/title: 擎旗领跑二/', editionFile])],
      ['擎旗领跑三', () => writeFileSync(editionFile, withTitle('擎旗领跑三'))],
      ['擎旗领跑四', () => {
        writeFileSync(`${editionFile}.new`, withTitle('擎旗领跑四'));
        renameSync(`${editionFile}.new`, editionFile);
      }],
      ['擎旗领跑五', () => {
        unlinkSync(editionFile);
        writeFileSync(editionFile, withTitle('擎旗领跑五'));
      }],
      ['擎旗领跑六', () => execFileSync('sed', ['-i', 's/title: 擎旗领跑五/title: 擎旗领跑六/', editionFile])],
      ['擎旗领跑七', () => writeFileSync(editionFile, withTitle('擎旗领跑七'))],
      ['擎旗领跑八', () => writeFileSync(editionFile, withTitle('擎旗领跑八'))],
    ];
    for (const [title, save] of steps) {
      save();
      await shows(title);
    }
    // A new photo in the edition folder is a change too: the page is rebuilt.
    const versionBefore = await page.evaluate(() => Number(document.documentElement.dataset.pageVersion));
    copyFileSync(path.join(edition, 'photo.jpg'), path.join(edition, 'new-photo.jpg'));
    await shownVersion(versionBefore + 1);
    writeFileSync(editionFile, withTitle('擎旗领跑九'));
    await shows('擎旗领跑九');
    expect(await headline()).toBe('擎旗领跑九');
    writeFileSync(editionFile, original);
    await shows('擎旗领跑');
  });
});
