/**
 * Content never runs as code and the render page reaches nothing but Folio's
 * files and the edition's: a listener on 127.0.0.1 sees no request while
 * hostile content renders, and the request guard refuses what a page asks for.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
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
});
