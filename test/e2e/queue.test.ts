/**
 * `folio batch --queue` and `folio worker` end to end (issue 21): a real
 * redis-server on a loopback port, two worker processes and a batch of a
 * dozen pages (copies of the repository's editions, one of them with a photo
 * that is no image, so it fails on every worker). The tests run in order and
 * share the one Redis: the first run, then the queue's status, the sockets,
 * and Ctrl-C on a batch with a worker stopped by SIGTERM in the run after it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch, type BatchSummary } from '../../src/batch/batch.ts';
import { sharedBrowser } from './support/browser.ts';
import { readFonts, readPdfText } from './support/pdf.ts';
import { processTree } from '../../scripts/lib/process-tree.ts';
import { startRedis, type LocalRedis } from '../../scripts/lib/redis-server.ts';
import { writePhotoEdition } from './support/photo-edition.ts';
import { isLoopback, listeningAddresses } from './support/sockets.ts';
import { until } from './support/until.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FOLIO = path.join(ROOT, 'bin', 'folio.js');
const SOURCES = ['wuzhi-2024', 'wuzhi-2023-only', 'wuzhi-2024-dense'];
const GOOD = Array.from({ length: 11 }, (_, i) => `page-${String(i + 1).padStart(2, '0')}`);
const FAILING = 'always-fails';
// How long a worker's printed line may take to come through its pipe after the queue shows the job done.
const LINES_MS = 10_000;
// Short locks, so a killed worker's page goes back within seconds; long enough that a loaded machine renews them in time.
const WORKER_OPTIONS = ['-j', '1', '--lock', '8', '--stalled-check', '2'];

const root = mkdtempSync(path.join(os.tmpdir(), 'folio-queue-e2e-'));
const editions = path.join(root, 'editions');
const outDir = path.join(root, 'out');
/** The interrupted batch writes elsewhere: its pages are new to the cache and to the queue. */
const interruptedOut = path.join(root, 'out-interrupted');
// Generous: on a loaded 2-core machine a render takes 10–30 s; on a quiet one the file takes about a minute.
const SLOW = 300_000;

function copyEdition(source: string, id: string, edit: (yaml: string) => string = (yaml) => yaml, into = editions): void {
  const target = path.join(into, id);
  mkdirSync(target, { recursive: true });
  cpSync(path.join(ROOT, 'content', source), target, { recursive: true });
  const yaml = path.join(target, 'edition.yaml');
  // Without its id line, each copy takes its folder name as id.
  writeFileSync(yaml, edit(readFileSync(yaml, 'utf8').replace(/^id: .*\n/m, '')));
}

const sourceOf = (page: number) => SOURCES[page % SOURCES.length]!;
GOOD.forEach((id, i) => copyEdition(sourceOf(i), id));
// The reference: each source once, rendered by a local batch.
for (const source of SOURCES) copyEdition(source, source, undefined, path.join(root, 'reference'));
// Plans fine (the photo exists), fails at every render: the file is no image.
copyEdition('wuzhi-2023-only', FAILING, (yaml) => yaml.replace(/^( {2}- id: yuba-study-base\n)/m, '$1    file: not-a-photo.jpg\n'));
writeFileSync(path.join(editions, FAILING, 'not-a-photo.jpg'), 'this is text, not a JPEG\n');
writeFileSync(path.join(root, 'good.yaml'), `editions:\n${GOOD.map((id) => `  - editions/${id}\n`).join('')}`);

interface Folio {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

function folio(...args: string[]): Folio {
  const child = spawn(process.execPath, [FOLIO, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = '';
    stream.on('data', (chunk: Buffer) => {
      const parts = (rest + chunk.toString()).split('\n');
      rest = parts.pop()!;
      lines.push(...parts);
    });
  }
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, lines, exited };
}

const worker = (name: string) => folio('worker', '--queue', `${redis.url}/1`, '--name', name, ...WORKER_OPTIONS);
const rendered = (lines: string[], id: string) => lines.filter((line) => line.startsWith(`rendered ${id} `)).length;
const fontNames = (file: string) => readFonts(file).map((font) => font.name.replace(/^[A-Z]{6}\+/, '')).sort();

let redis: LocalRedis;
const workers: Folio[] = [];
/** Every process these tests started, with the Chromiums below them, ended in afterAll. */
const started = new Set<number>();
let local: BatchSummary;

beforeAll(async () => {
  redis = await startRedis();
  workers.push(worker('wA'), worker('wB'));
  local = await runBatch({ input: path.join(root, 'reference'), outDir: path.join(root, 'local'), jobs: 2, browser: await sharedBrowser(), log: () => undefined });
  await until('both workers to connect', () => workers.every((w) => w.lines.some((line) => line.startsWith('worker '))), SLOW);
}, SLOW);

afterAll(async () => {
  if (process.env.FOLIO_QUEUE_DUMP) writeFileSync(process.env.FOLIO_QUEUE_DUMP, workers.map((w) => w.lines.join('\n')).join('\n=====\n'));
  for (const w of workers) for (const pid of processTree(w.child.pid!)) started.add(pid);
  for (const pid of started) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await redis?.stop();
  rmSync(root, { recursive: true, force: true });
});

async function status(): Promise<{ counts: Record<string, number>; workers: Record<string, Record<string, number>>; connected: string[] }> {
  const run = folio('queue', 'status', '--queue', `${redis.url}/1`, '--json');
  expect(await run.exited).toBe(0);
  return JSON.parse(run.lines.join('\n'));
}

describe('folio batch --queue with two workers', () => {
  it('renders every page once, as a local batch does; a killed worker\'s page is finished by the other; a failing page fails after its retries', async () => {
    const [wA, wB] = workers as [Folio, Folio];
    const batch = folio('batch', editions, '-o', outDir, '--queue', `${redis.url}/1`, '--volume', path.join(root, 'volume.pdf'));
    // Kill wA in the middle of its first page (SIGKILL: no exit hooks, the lock is never released).
    const killedStart = await until('wA to start a page', () => wA.lines.find((line) => line.startsWith('started ')), SLOW);
    const killed = killedStart.split(' ')[1]!;
    for (const pid of processTree(wA.child.pid!)) started.add(pid);
    wA.child.kill('SIGKILL');

    expect(await batch.exited).toBe(1);
    const out = batch.lines.join('\n');
    expect(out).toContain(`1 of 12 editions failed: ${FAILING}`);
    expect(out).toMatch(new RegExp(`^failed: ${FAILING}: .*not-a-photo\\.jpg`, 'm'));
    // The same progress lines and totals as a local batch.
    expect(batch.lines.filter((line) => /^\[ ?\d+\/12\] (rendered|FAILED) /.test(line))).toHaveLength(12);
    expect(out).toMatch(/^12 editions: 11 rendered, 0 unchanged, 1 failed \(.*, 1 worker on redis:\/\/127\.0\.0\.1:\d+\/1\)$/m);

    // Once each: the killed page only by wB, after its lock expired.
    expect(rendered(wA.lines, killed)).toBe(0);
    for (const id of GOOD) expect(rendered([...wA.lines, ...wB.lines], id), id).toBe(1);
    expect(wB.lines.filter((line) => line.startsWith(`failed ${FAILING} `))).toEqual([
      expect.stringMatching(/\(attempt 1 of 2\)/),
      expect.stringMatching(/\(attempt 2 of 2\)/),
    ]);

    const summary = JSON.parse(readFileSync(path.join(outDir, 'summary.json'), 'utf8')) as BatchSummary;
    expect(summary.queue?.workers).toEqual(['wB']);
    expect(summary.editions.find((e) => e.id === FAILING)).toMatchObject({ status: 'failed', attempts: 2, pdf: null });
    expect(summary.volume).toMatchObject({ pages: 11, editions: GOOD });

    // The PDFs hold what the local batch's hold: the text of each page, the page count, the fonts.
    expect(local.counts.rendered).toBe(SOURCES.length);
    for (const [i, id] of GOOD.entries()) {
      const [queued, reference] = [path.join(outDir, `${id}.pdf`), path.join(root, 'local', `${sourceOf(i)}.pdf`)];
      const [a, b] = [await readPdfText(queued), await readPdfText(reference)];
      expect(a.pageCount, id).toBe(b.pageCount);
      expect(a.joined, id).toBe(b.joined);
      expect(fontNames(queued), id).toEqual(fontNames(reference));
    }
  }, SLOW);

  it('folio queue status counts the jobs per worker', async () => {
    const [, wB] = workers as [Folio, Folio];
    const now = await status();
    expect(now.counts).toMatchObject({ waiting: 0, active: 0, completed: 11, failed: 1 });
    expect(now.workers.wB).toEqual({ active: 0, completed: GOOD.length, failed: 1 });
    expect(GOOD.reduce((sum, id) => sum + rendered(wB.lines, id), 0)).toBe(GOOD.length);
    expect(now.connected).toEqual(['wB']);
  });

  it('listens on nothing but loopback: Redis, the worker and its browser', () => {
    const pids = [redis.pid, ...processTree(workers[1]!.child.pid!)];
    expect(pids.length).toBeGreaterThan(2); // the worker's Chromium is open
    const addresses = listeningAddresses(pids);
    expect(addresses.length).toBeGreaterThan(0); // at least Redis's, so the check can fail
    expect(addresses.filter((address) => !isLoopback(address))).toEqual([]);
  });

  it('Ctrl-C on the batch leaves the queue consistent, and the batch run again renders the rest once; SIGTERM lets a worker finish its page', async () => {
    const wC = worker('wC');
    workers.push(wC);
    const wB = workers[1]!;
    await until('wC to connect', () => wC.lines.some((line) => line.startsWith('worker ')), SLOW);
    const from = { wB: wB.lines.length, wC: 0 };
    const since = () => [...wB.lines.slice(from.wB), ...wC.lines];
    const manifest = path.join(root, 'good.yaml');

    const first = folio('batch', manifest, '-o', interruptedOut, '--queue', `${redis.url}/1`);
    await until('a page of the new batch to be rendered', () => since().some((line) => line.startsWith('rendered ')), SLOW);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(1);
    expect(first.lines.join('\n')).toMatch(/interrupted: \d+ waiting pages? taken off the queue; \d+ being rendered/);
    // Consistent: nothing waits, and once the pages being rendered are done, nothing is active or lost.
    let after = await status();
    expect(after.counts.waiting).toBe(0);
    while (after.counts.active > 0) after = await status();
    // A worker prints `rendered` before BullMQ records its job complete, but its output reaches
    // this process through a pipe in its own time: wait for the lines of the pages counted complete.
    const doneNow = () => GOOD.filter((id) => rendered(since(), id) > 0);
    const done = await until('the workers to report every page completed', () => doneNow().length >= after.counts.completed - GOOD.length && doneNow(), LINES_MS).catch(doneNow);
    expect(after.counts).toMatchObject({ waiting: 0, active: 0, delayed: 0, completed: GOOD.length + done.length, failed: 1 });
    expect(done.length).toBeLessThan(GOOD.length);

    // Run again; stop wB with SIGTERM in the middle of a page: it finishes that page, then exits 0.
    const fromAgain = { wB: wB.lines.length, wC: wC.lines.length };
    const again = folio('batch', manifest, '-o', interruptedOut, '--queue', `${redis.url}/1`);
    workers.push(again);
    const sigterm = until('wB to start a page', () => wB.lines.slice(fromAgain.wB).find((line) => line.startsWith('started ')), SLOW).then((line) => {
      wB.child.kill('SIGTERM');
      return line.split(' ')[1]!;
    });
    expect(await again.exited).toBe(0);
    const finishing = await sigterm;
    expect(await wB.exited).toBe(0);
    const wBAfter = wB.lines.slice(fromAgain.wB);
    expect(wBAfter.indexOf(wBAfter.find((line) => line.startsWith(`rendered ${finishing} `))!)).toBeGreaterThan(wBAfter.findIndex((line) => line.startsWith('stopping')));
    // Every page rendered exactly once over the interrupted batch and the one after it (once wC's lines are in).
    await until('the workers to report every page', () => GOOD.every((id) => rendered(since(), id) > 0), LINES_MS).catch(() => undefined);
    for (const id of GOOD) expect(rendered(since(), id), id).toBe(1);
    const summary = JSON.parse(readFileSync(path.join(interruptedOut, 'summary.json'), 'utf8')) as BatchSummary;
    expect(summary.counts.rendered + summary.counts.unchanged).toBe(GOOD.length);
    expect(summary.counts.failed).toBe(0);
  }, SLOW);

  it('--press goes with each job: the worker writes and gates the press PDF as `folio render --press` does (issue 20)', async () => {
    const wC = workers.find((w) => w.lines.some((line) => line.startsWith('worker wC')))!;
    const input = path.join(root, 'press-editions');
    copyEdition('wuzhi-2024', 'press-good', undefined, input);
    const lowIds = await writePhotoEdition(path.join(input, 'press-lowres'), ['lowres']);
    const lowYaml = path.join(input, 'press-lowres', 'edition.yaml');
    writeFileSync(lowYaml, readFileSync(lowYaml, 'utf8').replace(/^id: .*\n/m, ''));
    const out = path.join(root, 'out-press');
    mkdirSync(out, { recursive: true });
    // A good press file from before: the refused one must leave it in place.
    writeFileSync(path.join(out, 'press-lowres.press.pdf'), 'an earlier press file');

    const batch = folio('batch', input, '-o', out, '--queue', `${redis.url}/1`, '--red', 'spot');
    expect(await batch.exited).toBe(1);
    const text = batch.lines.join('\n');
    expect(text).toContain('1 of 2 editions failed: press-lowres');
    // The whole refusal reaches the batch, naming the photo as render does.
    expect(text).toMatch(/^failed: press-lowres: no press PDF was written/m);
    expect(text).toContain(`photo "${lowIds[0]}" (photos/lowres.jpg)`);
    expect(readFileSync(path.join(out, 'press-lowres.press.pdf'), 'utf8')).toBe('an earlier press file');
    expect(await until('wC to report press-good', () => wC.lines.some((line) => line.startsWith('rendered press-good ')), LINES_MS).catch(() => false)).toBe(true);

    // The good page's press PDF: written beside its PDF, with the command line's spot red, and preflighted clean.
    const pressPdf = path.join(out, 'press-good.press.pdf');
    expect(existsSync(pressPdf)).toBe(true);
    const report = JSON.parse(readFileSync(path.join(out, 'press-good.press.preflight.json'), 'utf8')) as { ok: boolean; errors: number };
    expect(report).toMatchObject({ ok: true, errors: 0 });
    const qdf = path.join(root, 'press-good.qdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', pressPdf, qdf]);
    expect(readFileSync(qdf, 'latin1')).toMatch(/\/Separation\s*\/Red\s*\/DeviceCMYK/);
  }, SLOW);
  it('a page of an issue that receives a jump (转版) prints its continuation, as a local batch prints it (issue 18)', async () => {
    const issue = path.join(root, 'jump-issue');
    cpSync(path.join(ROOT, 'test/fixtures/issues/jump'), issue, { recursive: true });
    const [queued, reference] = [path.join(root, 'out-jump'), path.join(root, 'local-jump')];
    const batch = folio('batch', issue, '-o', queued, '--queue', `${redis.url}/1`);
    const local = await runBatch({ input: issue, outDir: reference, jobs: 1, browser: await sharedBrowser(), log: () => undefined });
    expect(await batch.exited, batch.lines.join('\n')).toBe(0);
    const summary = JSON.parse(readFileSync(path.join(queued, 'summary.json'), 'utf8')) as BatchSummary;
    expect(summary.counts.failed).toBe(0);
    const squash = (text: string) => text.replace(/\s+/g, '');
    let continued = 0;
    for (const page of local.editions) {
      const date = page.id.split('/')[0]!;
      const [a, b] = [await readPdfText(path.join(queued, date, page.pdf!)), await readPdfText(path.join(reference, date, page.pdf!))];
      expect(squash(a.joined), page.id).toBe(squash(b.joined));
      if (squash(a.joined).includes('上接')) continued += 1;
    }
    expect(continued).toBe(1);
  }, SLOW);
});
