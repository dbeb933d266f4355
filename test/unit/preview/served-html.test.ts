/** The fitted page made servable: file:// URLs become allow-listed server paths, and the head gets the paged runtime. */
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectFontFaces } from '../../../src/assets/fonts.ts';
import { DUIKAI } from '../../../src/defaults.ts';
import { previewRoots } from '../../../src/preview/asset-roots.ts';
import { CONFIG_ELEMENT_ID, toServedHtml } from '../../../src/preview/served-html.ts';
import { ServedFiles } from '../../../src/preview/served-files.ts';

let root: string;
let files: ServedFiles;
let fontCss: string;

beforeAll(async () => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'folio-served-html-')));
  mkdirSync(join(root, 'edition'));
  mkdirSync(join(root, 'cache'));
  files = await ServedFiles.create(previewRoots(join(root, 'edition'), join(root, 'cache')));
  // A face cut into the cache, and package slices (what a face gets without a cache folder).
  fontCss =
    (await selectFontFaces([{ family: 'Noto Serif SC', weight: 400, text: '字' }], join(root, 'cache'))).css +
    (await selectFontFaces([{ family: 'LXGW WenKai', weight: 400, text: '图' }])).css;
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const page = (head: string, body: string) => `<!DOCTYPE html>\n<html><head>${head}</head><body>${body}</body></html>`;

describe('toServedHtml', () => {
  it('rewrites font and cached-image URLs to server paths', () => {
    const image = pathToFileURL(join(root, 'cache', `${'ab12'.repeat(16)}.jpg`)).href;
    const { html, unserved } = toServedHtml(page(`<style>${fontCss}</style>`, `<img src="${image}">`), DUIKAI, files);
    expect(unserved).toEqual([]);
    expect(html).not.toContain('file://');
    // The Noto face is cut for the page into the cache (src/assets/font-merge.ts); LXGW WenKai's slices are in its package.
    expect(html).toMatch(/url\("\/_folio\/cache\/fonts\/[0-9a-f]+\.ttf"\)/);
    expect(html).toMatch(/url\("\/_folio\/fonts\/lxgw-wenkai-webfont\/[^"]+\.woff2"\)/);
    expect(html).toContain(`<img src="/_folio/cache/${'ab12'.repeat(16)}.jpg">`);
  });

  it('leaves URLs outside the served folders alone and reports them', () => {
    const outside = pathToFileURL('/etc/hostname').href;
    const { html, unserved } = toServedHtml(page('', `<img src="${outside}">`), DUIKAI, files);
    expect(unserved).toEqual([outside]);
    expect(html).toContain(outside);
  });

  it('adds the runtime paginate.ts uses, the preview script before Paged.js, and the guides stylesheet', () => {
    const { html } = toServedHtml(page('<style>p{}</style>', '<p>正文</p>'), DUIKAI, files);
    const scripts = [...html.matchAll(/<script defer src="([^"]+)"><\/script>/g)].map((match) => match[1]);
    expect(scripts).toEqual([
      '/_folio/runtime/squeeze.js',
      '/_folio/runtime/captions.js',
      '/_folio/runtime/even-search.js',
      '/_folio/runtime/even-columns.js',
      '/_folio/runtime/display-type.js',
      '/_folio/runtime/text-measure.js',
      '/_folio/runtime/fit.js',
      '/_folio/runtime/module-base.js',
      '/_folio/runtime/module-text.js',
      '/_folio/runtime/story-jumps.js',
      '/_folio/runtime/modules.js',
      '/_folio/runtime/paged-handlers.js',
      '/_folio/client/page.js',
      '/_folio/pagedjs/paged.polyfill.js',
    ]);
    expect(html).toContain('<link rel="stylesheet" href="/_folio/client/guides.css" data-pagedjs-ignore>');
    // The body is untouched: only the head grows.
    expect(html).toContain('</head><body><p>正文</p></body>');
  });

  it('passes the geometry and grid as inert JSON', () => {
    const { html } = toServedHtml(page('', ''), { ...DUIKAI, name: '</script><script>alert(1)</script>' }, files);
    const json = html.match(new RegExp(`<script type="application/json" id="${CONFIG_ELEMENT_ID}">(.*?)</script>`))![1]!;
    expect(json).not.toContain('<');
    const config = JSON.parse(json);
    expect(config.geometry.slugMm).toBe(DUIKAI.slugMm);
    expect(config.grid).toEqual({ pitchPt: 13.5, bodySizePt: 9, colPt: 117, gutterPt: 9, safeMm: 5 });
  });
});
