/**
 * Content never runs as code and the render page reaches nothing but Folio's
 * files and the edition's: a listener on 127.0.0.1 sees no request while
 * hostile content renders, and the request guard refuses what a page asks for.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { guardRequests } from '../../src/paginate/request-guard.ts';
import { sharedBrowser } from './support/browser.ts';
import { readPdfText } from './support/pdf.ts';

let server: http.Server;
let base: string;
const hits: string[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    hits.push(request.url ?? '');
    response.end('x');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('isolation', () => {
  it('sets hostile content strings as plain text and makes no request', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-hostile-'));
    const hostile = [
      `<script>fetch('${base}/script')</script>`,
      `<img src="${base}/img">`,
      `<a href="javascript:fetch('${base}/js')">链接</a>`,
      `<span style="background:url(${base}/css)">样式</span>`,
      `<style>@import url(${base}/import);</style>`,
    ];
    const yaml = [
      'headline:',
      `  title: ${JSON.stringify(hostile[0])}`,
      `byline: ${JSON.stringify(hostile[2])}`,
      'photos:',
      '  - id: p',
      `    caption: ${JSON.stringify(hostile[1])}`,
      'sections:',
      '  - id: s',
      '    label: 正文',
      '    articles:',
      `      - title: ${JSON.stringify(hostile[3])}`,
      `        paragraphs: [${JSON.stringify(hostile[4])}, ${JSON.stringify(hostile.join(''))}]`,
      '',
    ].join('\n');
    writeFileSync(path.join(dir, 'edition.yaml'), yaml);
    const output = path.join(dir, 'out.pdf');
    const result = await build({ input: dir, output, browser: await sharedBrowser() });
    expect(result.pages).toBe(1);
    const text = (await readPdfText(output)).joined.replace(/\s+/g, '');
    expect(text).toContain('<script>fetch(');
    expect(text).toContain('<imgsrc=');
    expect(hits).toEqual([]);
  });

  it('refuses and reports requests outside the allowed folders', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-guard-'));
    const outside = mkdtempSync(path.join(os.tmpdir(), 'folio-outside-'));
    writeFileSync(path.join(outside, 'secret.txt'), 'secret');
    writeFileSync(
      path.join(dir, 'page.html'),
      `<!doctype html><img src="${base}/guarded"><img src="${pathToFileURL(path.join(outside, 'secret.txt')).href}">`,
    );
    const page = await (await sharedBrowser()).browser.newPage();
    try {
      const guard = await guardRequests(page, [dir]);
      await page.goto(pathToFileURL(path.join(dir, 'page.html')).href, { waitUntil: 'load' });
      expect(guard.blocked).toContain(`${base}/guarded`);
      expect(guard.blocked.some((url) => url.endsWith('secret.txt'))).toBe(true);
      expect(hits).toEqual([]);
    } finally {
      await page.close();
    }
  });

  // A template (the user's own, through --templates) that reaches out of the allowed folders.
  function templatesWith(extra: string): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-guard-templates-'));
    cpSync(path.resolve(import.meta.dirname, '../../templates'), dir, { recursive: true });
    const layout = path.join(dir, 'layouts', 'page.hbs');
    // In a box of no height, so the page still fits on its one sheet.
    writeFileSync(layout, readFileSync(layout, 'utf8').replace('</main>', `<div style="height:0;overflow:hidden">${extra}</div></main>`));
    return dir;
  }

  it('renders a page whose template asks for a file outside, and warns that it was blocked', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'folio-outside-'));
    writeFileSync(path.join(outside, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');
    const logo = pathToFileURL(path.join(outside, 'logo.svg')).href;
    const templatesDir = templatesWith(`<img src="${logo}"><img src="${base}/tracker.gif">`);
    const output = path.join(mkdtempSync(path.join(os.tmpdir(), 'folio-guard-')), 'page.pdf');
    const result = await build({ input: 'content/wuzhi-2024', output, templatesDir, browser: await sharedBrowser() });
    expect(result.warnings).toContain(`blocked a request from the page: ${logo}`);
    expect(result.warnings).toContain(`blocked a request from the page: ${base}/tracker.gif`);
    expect(hits).toEqual([]);
  });

  it('fails the render when a file the page asks for inside the allowed folders cannot load', async () => {
    const missing = pathToFileURL(path.resolve('content/wuzhi-2024/no-such-photo.jpg')).href;
    const templatesDir = templatesWith(`<img src="${missing}">`);
    const output = path.join(mkdtempSync(path.join(os.tmpdir(), 'folio-guard-')), 'page.pdf');
    const failure = await build({ input: 'content/wuzhi-2024', output, templatesDir, browser: await sharedBrowser() }).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/request failed: .*no-such-photo\.jpg \(net::ERR_FILE_NOT_FOUND\)/);
  });

  it('loads files from a folder whose name has URL-pattern characters, spaces and Chinese, and only from it', async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'folio-guard-'));
    const dir = path.join(parent, '年鉴 (2024)+{a}:b*');
    const sibling = path.join(parent, '年鉴 (2024)+{a}:b*c');
    mkdirSync(dir);
    mkdirSync(sibling);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';
    writeFileSync(path.join(dir, 'ok.svg'), svg);
    writeFileSync(path.join(sibling, 'next-door.svg'), svg);
    writeFileSync(
      path.join(dir, 'page.html'),
      `<!doctype html><img id="ok" src="ok.svg"><img id="next" src="${pathToFileURL(path.join(sibling, 'next-door.svg')).href}">`,
    );
    const page = await (await sharedBrowser()).browser.newPage();
    try {
      const guard = await guardRequests(page, [dir]);
      const failed: string[] = [];
      guard.onFailed((url) => failed.push(url));
      await page.goto(pathToFileURL(path.join(dir, 'page.html')).href, { waitUntil: 'load' });
      const widths = await page.evaluate('[...document.images].map((image) => image.naturalWidth)');
      expect(widths).toEqual([10, 0]);
      expect(guard.blocked).toHaveLength(1);
      expect(guard.blocked[0]).toContain('next-door.svg');
      expect(failed).toEqual([]);
    } finally {
      await page.close();
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
