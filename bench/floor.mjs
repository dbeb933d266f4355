// The floor: plain Chromium printing the feature's HTML with no Paged.js and
// no fitting. Run as its own process for the cold figure; `warm N` prints N
// renders in one browser. Plain JS so no TypeScript loader is timed.
import puppeteer from 'puppeteer-core';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumArguments } from '../src/paginate/chromium-process.mjs';

const [html, output, mode = 'cold', count = '1'] = process.argv.slice(2);
// Chromium with exactly Folio's command line (src/paginate/chromium-process.mjs),
// started the plain way, by puppeteer.launch: a floor Folio's flags cannot beat.
const profile = mkdtempSync(path.join(os.tmpdir(), 'folio-floor-'));
const browser = await puppeteer.launch({
  executablePath: process.env.FOLIO_BENCH_CHROMIUM ?? '/usr/bin/chromium',
  ignoreDefaultArgs: true,
  pipe: true,
  args: chromiumArguments({ profile }).filter((arg) => arg !== '--remote-debugging-pipe'),
});
const times = [];
for (let i = 0; i < Number(count); i += 1) {
  const start = performance.now();
  const page = await browser.newPage();
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.pdf({ path: output, preferCSSPageSize: true, printBackground: true });
  await page.close();
  times.push(performance.now() - start);
}
await browser.close();
rmSync(profile, { recursive: true, force: true });
if (mode === 'warm') console.log(JSON.stringify(times));
