/**
 * `npm run bench`: Folio against the anchors on this machine, in one run.
 * (a) cold `folio render` as a new process; (b) warm time per edition with
 * the browser reused; (c) a batch of 50 editions (when `folio batch` exists);
 * (d) the same HTML through pagedjs-cli 0.4.3 (installed for the benchmark
 * only, in bench/.tools); (e) plain Chromium page.pdf() with no Paged.js, the
 * floor, cold and warm; (f) the batch of (c) through the queue with two
 * workers (issue 21); (g) the PSNR of a photo through the press conversion
 * (issue 20); (h) the six-story news page against the feature, and the page
 * solver's time (issue 17). Writes bench/results.md. Asserts nothing.
 * FOLIO_BENCH_ONLY=queue (or =pages, =year) runs (f) (or (h), (i)) alone and only prints it; (i) is a
 * synthetic year of 52 four-page issues through `folio batch --volume` (bench/year.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../src/pipeline.ts';
import { launchBrowser } from '../src/paginate/browser.ts';
import { FOLIO_ROOT } from '../src/defaults.ts';
import { repeat, seconds, summarise, timeCommand, type Figure } from './stats.ts';
import { BATCH_COUNT, benchBatch, makeEditions, type BatchFigures } from './batch.ts';
import { benchQueue, type QueueFigures } from './queue.ts';
import { benchPhotoQuality, type PhotoQuality } from './photo-quality.ts';
import { benchPages, pageLines, type PageFigures } from './pages.ts';
import { benchYear, yearLines, type YearFigures } from './year.ts';

const RUNS = Number(process.env.FOLIO_BENCH_RUNS ?? 5);
const EDITION = path.join(FOLIO_ROOT, 'content', 'wuzhi-2024');
const work = mkdtempSync(path.join(os.tmpdir(), 'folio-bench-'));
const folio = path.join(FOLIO_ROOT, 'bin', 'folio.js');
const html = path.join(work, 'page.html');

function log(line: string) {
  process.stderr.write(`${line}\n`);
}

// FOLIO_BENCH_ONLY=queue: (f) alone, printed and not written to results.md (the full bench is long on a shared machine).
if (process.env.FOLIO_BENCH_ONLY === 'queue') {
  log('(f) the same 50 editions locally and through the queue');
  const figures = await benchQueue(makeEditions(work), BATCH_COUNT, work, log);
  process.stdout.write(`${figures ? queueLines(figures).join('\n') : '(f) not measured: redis-server is not installed'}\n`);
  process.exit(0);
}

if (process.env.FOLIO_BENCH_ONLY === 'year') {
  log('(i) a year of weekly issues, with its volume');
  process.stdout.write(`${yearLines(await benchYear(work, log)).join('\n')}\n`);
  process.exit(0);
}

if (process.env.FOLIO_BENCH_ONLY === 'pages') {
  log('(h) the six-story news page and the feature, warm');
  process.stdout.write(`${pageLines(await benchPages(work, RUNS, log)).join('\n')}\n`);
  process.exit(0);
}

// The bundle and the image cache are made once, as a user's first run would.
timeCommand(process.execPath, [folio, 'render', EDITION, '-o', path.join(work, 'first.pdf'), '--html', html]);

log('(a) folio render, cold process');
const cold = summarise(repeat(RUNS, () => timeCommand(process.execPath, [folio, 'render', EDITION, '-o', path.join(work, 'a.pdf')])));

log('(b) warm renders in one browser');
const warm = await (async () => {
  const browser = await launchBrowser();
  const times: number[] = [];
  try {
    await build({ input: EDITION, output: path.join(work, 'b.pdf'), browser });
    for (let i = 0; i < RUNS + 2; i += 1) {
      const start = performance.now();
      await build({ input: EDITION, output: path.join(work, 'b.pdf'), browser });
      times.push(performance.now() - start);
    }
  } finally {
    await browser.close();
  }
  return summarise(times);
})();

log('(c) batch of 50 editions');
const batch: BatchFigures | undefined = await benchBatch(work, log);

log('(f) the same 50 editions locally and through the queue');
const queue: QueueFigures | undefined = batch ? await benchQueue(path.join(work, 'batch-editions'), BATCH_COUNT, work, log) : undefined;

log('(h) the six-story news page and the feature, warm');
const pages: PageFigures = await benchPages(work, RUNS, log);

log('(d) pagedjs-cli 0.4.3');
const pagedjsCli = installPagedjsCli();
const chromium = process.env.FOLIO_BENCH_CHROMIUM ?? '/usr/bin/chromium';
const cliEnv = { ...process.env, PUPPETEER_EXECUTABLE_PATH: chromium };
const pagedjs = summarise(
  repeat(RUNS, () => timeCommand(pagedjsCli, [html, '-o', path.join(work, 'd.pdf'), '--browserArgs', '--no-sandbox,--disable-gpu,--disable-dev-shm-usage'], cliEnv)),
);

log('(e) Chromium floor');
const floorScript = path.join(FOLIO_ROOT, 'bench', 'floor.mjs');
const floorCold = summarise(repeat(RUNS, () => timeCommand(process.execPath, [floorScript, html, path.join(work, 'e.pdf')])));
const floorWarmRun = spawnSync(process.execPath, [floorScript, html, path.join(work, 'e.pdf'), 'warm', String(RUNS + 2)], { encoding: 'utf8' });
const floorWarm = summarise((JSON.parse(floorWarmRun.stdout) as number[]).slice(2));

log('(g) photo quality through the press conversion');
const photo = await benchPhotoQuality(work);

log('(i) a year of weekly issues, with its volume');
const year: YearFigures = await benchYear(work, log);

writeResults({ cold, warm, batch, queue, pages, pagedjs, floorCold, floorWarm, photo, year });

function installPagedjsCli(): string {
  const tools = path.join(FOLIO_ROOT, 'bench', '.tools');
  const bin = path.join(tools, 'node_modules', '.bin', 'pagedjs-cli');
  if (!existsSync(bin)) {
    log('installing pagedjs-cli 0.4.3 into bench/.tools (benchmark only)');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', tools, 'pagedjs-cli@0.4.3'], {
      stdio: 'inherit',
      env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: 'true' },
    });
  }
  return bin;
}

/** (f)'s rows: the two wall times and the overhead per page. */
function queueLines(q: QueueFigures): string[] {
  const ms = (f: Figure) => `${f.median.toFixed(0)} ms (${f.min.toFixed(0)}–${f.max.toFixed(0)}, n=${f.runs})`;
  const percent = (f: Figure) => `${(f.median * 100).toFixed(1)}% (${(f.min * 100).toFixed(1)}–${(f.max * 100).toFixed(1)})`;
  return [
    `| (f) batch of ${q.pages}, local -j 2 | ${seconds(q.local)} | \`folio batch <${q.pages} editions> -j 2 --force\` |`,
    `| (f) batch of ${q.pages}, queue, 2 workers × -j 1 | ${seconds(q.queued)} | \`folio batch … --queue redis://127.0.0.1:port --force\`, two \`folio worker -j 1\` |`,
    `| (f) queue overhead per page | ${ms(q.overheadMsPerPage)}, ${percent(q.overheadRatio)} of the local time (target < 5%) | (queue − local) / ${q.pages}, per round |`,
  ];
}

function writeResults(r: { cold: Figure; warm: Figure; batch?: BatchFigures; queue?: QueueFigures; pages: PageFigures; pagedjs: Figure; floorCold: Figure; floorWarm: Figure; photo: PhotoQuality; year: YearFigures }) {
  const ratio = (a: Figure, b: Figure) => (a.median / b.median).toFixed(2);
  const chromiumVersion = spawnSync(chromium, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const cpus = os.cpus();
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString()}.`,
    '',
    '| machine | |',
    '|---|---|',
    `| CPU | ${cpus[0]?.model ?? 'unknown'} × ${cpus.length} |`,
    `| memory | ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB |`,
    `| Node | ${process.version} |`,
    `| Chromium | ${chromiumVersion} |`,
    `| runs | n per figure, as given (median, min–max) |`,
    '',
    '| figure | time | command |',
    '|---|---|---|',
    `| (a) folio render, cold process | ${seconds(r.cold)} | \`node bin/folio.js render content/wuzhi-2024\` |`,
    `| (b) folio, warm, per edition | ${seconds(r.warm)} | \`build()\` with one browser reused |`,
    ...(r.batch
      ? [
          ...([1, 2] as const).map((jobs) => {
            const run = jobs === 1 ? r.batch!.j1 : r.batch!.j2;
            return `| (c) batch of 50, -j ${jobs} | ${seconds(run.wall)}, ${run.perSecond.toFixed(2)} editions/s, peak ${run.peakMiB.toFixed(0)} MiB, ${run.busyCores.toFixed(2)} cores busy, ${run.cpuMsPerEdition.toFixed(0)} ms of CPU per edition | \`folio batch <50 editions> -j ${jobs} --force\` |`;
          }),
        ]
      : ['| (c) batch of 50 | not measured: `folio batch` is not available | |']),
    ...(r.queue ? queueLines(r.queue) : ['| (f) queue | not measured: redis-server is not installed | |']),
    ...pageLines(r.pages),
    ...yearLines(r.year),
    `| (d) pagedjs-cli 0.4.3, same HTML | ${seconds(r.pagedjs)} | \`pagedjs-cli page.html -o out.pdf\` |`,
    `| (e) Chromium floor, cold | ${seconds(r.floorCold)} | \`node bench/floor.mjs page.html out.pdf\` |`,
    `| (e) Chromium floor, warm | ${seconds(r.floorWarm)} | same, one browser, per render |`,
    '',
    '| (g) photo in the press file (bench/photo-quality.ts) | PSNR against a lossless conversion |',
    '|---|---|',
    `| Folio: lossless proof, one JPEG at /prepress quality, full resolution | ${r.photo.folio} dB |`,
    `| before issue 20: Q85 JPEG in the proof, then Ghostscript's default JPEG | ${r.photo.before} dB |`,
    '',
    '| ratio | value | target |',
    '|---|---|---|',
    `| folio cold / pagedjs-cli | ${ratio(r.cold, r.pagedjs)} | ≤ 0.7 |`,
    `| folio cold / floor cold | ${ratio(r.cold, r.floorCold)} | |`,
    `| folio warm / floor warm | ${ratio(r.warm, r.floorWarm)} | ≤ 1.3 |`,
    ...(r.batch
      ? [
          `| batch throughput -j 2 / -j 1, from the medians | ${(r.batch.j2.perSecond / r.batch.j1.perSecond).toFixed(2)} | ≥ 1.3 |`,
          `| the same, per round (median, min–max of ${r.batch.speedup.runs}) | ${r.batch.speedup.median.toFixed(2)} (${r.batch.speedup.min.toFixed(2)}–${r.batch.speedup.max.toFixed(2)}) | |`,
          `| per round, had -j 2 kept every core busy at its CPU time | ${r.batch.ceiling.median.toFixed(2)} (${r.batch.ceiling.min.toFixed(2)}–${r.batch.ceiling.max.toFixed(2)}) | |`,
        ]
      : []),
    '',
    'The HTML for (d) and (e) is the one `folio render --html` writes: the page before fitting, without Paged.js.',
    ...(r.batch
      ? [
          '',
          `"Cores busy" is the whole machine's average during the batch. With -j 1 already keeping ${r.batch.j1.busyCores.toFixed(2)} of ${cpus.length} cores busy ` +
            `(Node and Chromium's processes work at the same time), -j 2 can raise throughput by at most ${(cpus.length / r.batch.j1.busyCores).toFixed(2)}×. ` +
            `And an edition costs more CPU when both cores work (${r.batch.j1.cpuMsPerEdition.toFixed(0)} ms at -j 1, ${r.batch.j2.cpuMsPerEdition.toFixed(0)} ms at -j 2), ` +
            'so the last ratio above is the most -j 2 could gain with no core ever idle.',
          '',
          'The batch times come from runs that read no memory. The peak memory (PSS of Node and every Chromium process) comes from one more run of each setting, ' +
            'sampled every 200 ms: a sample costs about 28 ms of CPU, which would slow the CPU-bound -j 2 runs more than the -j 1 runs.',
        ]
      : []),
    '',
  ];
  writeFileSync(path.join(FOLIO_ROOT, 'bench', 'results.md'), lines.join('\n'));
  process.stdout.write(lines.join('\n'));
}
