// The floor: plain Chromium printing the feature's HTML with no Paged.js and
// no fitting. Run as its own process for the cold figure; `warm N` prints N
// renders in one browser. Plain JS so no TypeScript loader is timed.
import puppeteer from 'puppeteer-core';
import { pathToFileURL } from 'node:url';

const [html, output, mode = 'cold', count = '1'] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.FOLIO_BENCH_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--font-render-hinting=none', '--allow-file-access-from-files'],
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
if (mode === 'warm') console.log(JSON.stringify(times));
