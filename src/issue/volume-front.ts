/**
 * Sets the annual volume's front matter (templates/volume/front-matter.hbs)
 * through the same browser the pages render in, as a plain print document
 * (no Paged.js: it has no grid to fit). Why the browser and not pdf-lib:
 * pdf-lib without fontkit cannot embed the CJK fonts, and line breaking,
 * leaders and columns across pages are what the browser already does; the
 * fonts are Folio's npm faces cut to the front matter's text.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Handlebars from 'handlebars';
import { PDFDocument } from 'pdf-lib';
import { selectFontFaces } from '../assets/fonts.ts';
import { CACHE_DIR, DUIKAI, FOLIO_ROOT } from '../defaults.ts';
import type { ManagedBrowser } from '../paginate/browser.ts';
import { writeFileAtomic } from '../pdf/write-atomic.ts';
import { frontMatterText, type FrontMatter } from './volume-contents.ts';

const TEMPLATE = path.join(FOLIO_ROOT, 'templates', 'volume', 'front-matter.hbs');
/** The volume's own headings, set in the sans face with the titles. */
const HEADINGS = '合订本目录标题索引共期个版面第年月日—· ';
/** Margins of the front matter's pages, in mm: a book's, wider at the foot. */
const MARGIN = { top: 36, side: 30, bottom: 44 };

/** Renders the front matter to `target` and returns its page count. */
export async function renderFrontMatter(front: FrontMatter, target: string, browser: ManagedBrowser, cacheDir = CACHE_DIR): Promise<number> {
  const text = frontMatterText(front, HEADINGS);
  const { css } = await selectFontFaces(
    [
      { family: 'Noto Serif SC', weight: 400, text },
      { family: 'Noto Sans SC', weight: 700, text },
    ],
    cacheDir,
  );
  const template = Handlebars.compile(await readFile(TEMPLATE, 'utf8'), { strict: false });
  const page = {
    width: DUIKAI.trimWidthMm,
    height: DUIKAI.trimHeightMm,
    marginTop: MARGIN.top,
    marginSide: MARGIN.side,
    marginBottom: MARGIN.bottom,
    // The title page fills the type area, less a hair so it never spills onto a second page.
    titleHeight: DUIKAI.trimHeightMm - MARGIN.top - MARGIN.bottom - 2,
  };
  const html = template({ front, fontFaces: css, page });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-volume-'));
  const tab = await browser.browser.newPage();
  try {
    const file = path.join(dir, 'front-matter.html');
    await writeFile(file, html);
    await tab.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await tab.evaluate(() => document.fonts.ready.then(() => undefined));
    const pdf = await tab.pdf({ preferCSSPageSize: true, printBackground: true });
    await writeFileAtomic(target, pdf);
    return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
  } finally {
    await tab.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}
