/**
 * `folio batch` end to end on four fixture editions (three good, one whose
 * YAML does not parse), in a temporary copy so the test can edit them: the
 * report, the incremental cache, the volume, manifests and a browser crash.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, describe, expect, it } from 'vitest';
import { runBatch, type BatchSummary } from '../../src/batch/batch.ts';
import { registerBatchCommand } from '../../src/batch/command.ts';
import { FolioError } from '../../src/errors.ts';
import { launchBrowser, type ManagedBrowser } from '../../src/paginate/browser.ts';
import { sharedBrowser } from './support/browser.ts';
import { readPdfText } from './support/pdf.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'folio-batch-e2e-'));
cpSync(path.resolve(import.meta.dirname, '../fixtures/batch'), root, { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));
const editions = path.join(root, 'editions');
const outDir = path.join(root, 'out');
const GOOD = ['review-2023', 'review-2024', 'review-2024-dense'];

async function batch(options: { input?: string; volume?: string; out?: string } = {}): Promise<{ summary: BatchSummary; lines: string[] }> {
  const lines: string[] = [];
  const summary = await runBatch({ input: options.input ?? editions, outDir: options.out ?? outDir, jobs: 2, volume: options.volume, browser: await sharedBrowser(), log: (line) => lines.push(line) });
  return { summary, lines };
}

const byStatus = (summary: BatchSummary, status: string) => summary.editions.filter((e) => e.status === status).map((e) => e.id);

async function readOutline(file: string) {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const outline = (await pdf.getOutline()) ?? [];
  const result = { pages: pdf.numPages, titles: outline.map((item) => item.title), labels: await pdf.getPageLabels() };
  await pdf.destroy();
  return result;
}

describe('folio batch', () => {
  it('renders the good editions, fails the broken one without a PDF, and writes summary.json', async () => {
    const { summary, lines } = await batch();
    expect(summary.counts).toEqual({ total: 4, rendered: 3, unchanged: 0, failed: 1 });
    expect(summary.failed).toEqual(['broken']);
    for (const id of GOOD) expect(readFileSync(path.join(outDir, `${id}.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(existsSync(path.join(outDir, 'broken.pdf'))).toBe(false);

    const written = JSON.parse(readFileSync(path.join(outDir, 'summary.json'), 'utf8')) as BatchSummary;
    expect(written.failed).toEqual(['broken']);
    expect(written.editions.map((e) => [e.id, e.status])).toEqual([['broken', 'failed'], ['review-2023', 'rendered'], ['review-2024', 'rendered'], ['review-2024-dense', 'rendered']]);
    const broken = written.editions[0]!;
    expect(broken).toMatchObject({ pdf: null, pages: null, fit: null });
    expect(broken.error).toMatch(/broken\/edition\.yaml:\d+:\d+: invalid YAML/);
    for (const edition of written.editions.slice(1)) {
      expect(edition).toMatchObject({ pdf: `${edition.id}.pdf`, pages: 1, attempts: 1 });
      // Only the cut-off paragraphs the Wuzhi text carries as printed (issue 19, item 7), nothing else.
      for (const warning of edition.warnings) expect(warning).toMatch(/ends without terminal punctuation/);
      expect(edition.timeMs).toBeGreaterThan(0);
      expect(edition.fit!.galleryLines).toBeGreaterThan(0);
      expect(edition.fit!.sections.every((s) => s.lines > 0 && s.textColumns > 0)).toBe(true);
    }
    // The same copyfit as a single render: 2023 has one section, the 2024 editions two.
    expect(written.editions.slice(1).map((e) => e.fit!.sections.length)).toEqual([1, 2, 2]);
    expect(lines.some((line) => /^\[\d\/4\] FAILED {4}broken: /.test(line))).toBe(true);
    expect(lines).toContain('failed: broken: ' + broken.error!.split('\n')[0]!.replace(/^error: /, ''));
  });

  it('renders nothing on a second run, and says so', async () => {
    const before = GOOD.map((id) => statSync(path.join(outDir, `${id}.pdf`)).mtimeMs);
    const { summary, lines } = await batch();
    expect(summary.counts).toEqual({ total: 4, rendered: 0, unchanged: 3, failed: 1 });
    expect(lines[0]).toBe('nothing to render: 3 unchanged, 1 failed before rendering (--force renders them again)');
    expect(summary.editions.find((e) => e.id === 'review-2024')?.fit?.galleryLines).toBeGreaterThan(0);
    expect(GOOD.map((id) => statSync(path.join(outDir, `${id}.pdf`)).mtimeMs)).toEqual(before);
  });

  it('fails the command (exit 1), naming the failed edition', async () => {
    const program = new Command('folio').exitOverride();
    registerBatchCommand(program);
    const log = console.log;
    console.log = () => undefined;
    try {
      const error = await program.parseAsync(['node', 'folio', 'batch', editions, '-o', outDir, '-j', '2']).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(FolioError);
      expect((error as FolioError).exitCode).toBe(1);
      expect((error as FolioError).message).toBe('1 of 4 editions failed: broken');
    } finally {
      console.log = log;
    }
  });

  it('renders again only the edition that changed and the one whose PDF is missing', async () => {
    appendFileSync(path.join(editions, 'review-2023/edition.yaml'), '# edited\n');
    rmSync(path.join(outDir, 'review-2024.pdf'));
    const { summary } = await batch();
    expect(byStatus(summary, 'rendered')).toEqual(['review-2023', 'review-2024']);
    expect(byStatus(summary, 'unchanged')).toEqual(['review-2024-dense']);
  });

  it('merges the editions into a volume with one bookmark per edition and page labels', async () => {
    const volume = path.join(root, 'volume.pdf');
    const { summary } = await batch({ volume });
    expect(summary.counts.rendered).toBe(0);
    expect(summary.volume).toEqual({ path: volume, pages: 3, editions: GOOD });
    execFileSync('qpdf', ['--check', volume]);
    const read = await readOutline(volume);
    expect(read.pages).toBe(3);
    expect(read.titles).toEqual(GOOD.map((id) => `${id}: 擎旗领跑`));
    expect(read.labels).toEqual(GOOD.map((id) => `${id}-1`));
  });

  it('follows a manifest, with the volume in the order it gives', async () => {
    const volume = path.join(root, 'manifest-volume.pdf');
    const { summary } = await batch({ input: path.join(root, 'manifest.yaml'), volume });
    expect(summary.editions.map((e) => [e.id, e.status])).toEqual([['review-2024', 'unchanged'], ['review-2023', 'unchanged'], ['review-2024-dense', 'unchanged']]);
    expect(summary.volume?.editions).toEqual(['review-2024-dense', 'review-2024', 'review-2023']);
    expect((await readOutline(volume)).titles.map((t) => t.split(':')[0])).toEqual(['review-2024-dense', 'review-2024', 'review-2023']);
  });

  it('applies manifest overrides without touching the edition file', async () => {
    const file = path.join(editions, 'review-2023/edition.yaml');
    const before = readFileSync(file);
    const { summary } = await batch({ input: path.join(root, 'manifest-overrides.yaml') });
    expect(summary.editions.map((e) => [e.id, e.status])).toEqual([['review-2023-overridden', 'rendered']]);
    expect((await readPdfText(path.join(outDir, 'review-2023-overridden.pdf'))).joined).toContain('批量测试');
    expect(readFileSync(file)).toEqual(before);
  });

  it('restarts a crashed browser and retries the edition that was rendering, once', async () => {
    writeFileSync(path.join(root, 'crash.yaml'), 'editions: [editions/review-2023, editions/review-2024-dense]\n');
    const launched: ManagedBrowser[] = [];
    const lines: string[] = [];
    const summary = await runBatch({
      input: path.join(root, 'crash.yaml'),
      outDir: path.join(root, 'crash-out'),
      jobs: 1,
      restartAfter: 1,
      log: (line) => lines.push(line),
      launch: async () => {
        const managed = await launchBrowser();
        launched.push(managed);
        // Kill the first browser while it renders the first edition: once its page is loading.
        if (launched.length === 1) {
          void managed.browser
            .waitForTarget((target) => target.url().startsWith('file:'), { timeout: 30_000 })
            .then(() => process.kill(managed.pid!, 'SIGKILL'))
            .catch(() => undefined);
        }
        return managed;
      },
    });
    expect(summary.editions.map((e) => [e.id, e.status, e.attempts])).toEqual([['review-2023', 'rendered', 2], ['review-2024-dense', 'rendered', 1]]);
    // One crashed, one for the retry, one after the restart that restartAfter: 1 asks for.
    expect(summary.browserLaunches).toBe(3);
    expect(launched.every((managed) => !managed.browser.connected)).toBe(true);
    expect(lines.some((line) => /review-2023: the browser crashed .*; retrying once/.test(line))).toBe(true);
  });

  // Issue 16: a renderer killed mid-batch (the browser itself fine) failed the edition with "Printing failed".
  it('retries once an edition whose tab crashed, on the same browser', async () => {
    writeFileSync(path.join(root, 'tab-crash.yaml'), 'editions: [editions/review-2023]\n');
    const lines: string[] = [];
    let crashes = 0;
    const summary = await runBatch({
      input: path.join(root, 'tab-crash.yaml'),
      outDir: path.join(root, 'tab-crash-out'),
      jobs: 1,
      log: (line) => lines.push(line),
      launch: async () => {
        const managed = await launchBrowser();
        // Crash the renderer of the first page that loads the edition, as a kill -9 of it would.
        void managed.browser
          .waitForTarget((target) => target.url().startsWith('file:'), { timeout: 30_000 })
          .then(async (target) => {
            crashes += 1;
            await (await target.createCDPSession()).send('Page.crash').catch(() => undefined);
          })
          .catch(() => undefined);
        return managed;
      },
    });
    expect(crashes).toBe(1);
    expect(summary.editions.map((e) => [e.id, e.status, e.attempts])).toEqual([['review-2023', 'rendered', 2]]);
    expect(summary.browserLaunches).toBe(1);
    expect(lines.some((line) => /review-2023: the browser crashed \(the page crashed.*\); retrying once/.test(line))).toBe(true);
  });
});
