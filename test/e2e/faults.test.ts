/**
 * Faults around a render, with the real CLI:
 * - Ctrl-C (SIGINT) or SIGTERM while Chromium runs: the CLI exits 130/143,
 *   no Chromium process survives it, its temporary folders are gone and no
 *   PDF or temporary file is left at the target;
 * - a render that fails (bad input, a full disk, a read-only folder) leaves an
 *   earlier good PDF at the same path untouched, byte for byte, and no
 *   `*.tmp` beside it.
 *
 * Each CLI run gets a private TMPDIR, which its Chromium inherits: a process
 * still running with that TMPDIR in its environment is a leaked browser, and
 * anything left in that folder is a leaked temporary file.
 *
 * The full-disk and read-only tests mount a small tmpfs (root in a container
 * can); where mounting is not allowed they are skipped.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { findBrowser } from '../../scripts/lib/find-browser.mjs';
import { sharedBrowser } from './support/browser.ts';
import { until } from './support/until.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FOLIO = path.join(ROOT, 'bin/folio.js');
const EDITION = 'content/wuzhi-2024';

const VALID = `headline:
  title: 擎旗领跑
sections:
  - id: review
    label: 精彩
    articles:
      - title: 产业
        paragraphs: [正文。]
`;
const INVALID = VALID.replace('title: 产业', 'title: 2023');

interface ProcInfo {
  pid: number;
  ppid: number;
  comm: string;
  /** Start time in clock ticks: tells a live process from a later one that reused its pid. */
  start: string;
}

function readProc(pid: number): (ProcInfo & { state: string }) | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, state: fields[0]!, ppid: Number(fields[1]), start: fields[19]!, comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) };
  } catch {
    return undefined;
  }
}

function allProcesses(): (ProcInfo & { state: string })[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => readProc(Number(entry)))
    .filter((info): info is ProcInfo & { state: string } => info !== undefined);
}

function descendants(root: number): ProcInfo[] {
  const all = allProcesses();
  const found: ProcInfo[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const info of all) {
      if (info.ppid === parent) {
        found.push(info);
        queue.push(info.pid);
      }
    }
  }
  return found;
}

/** True while the very process (same pid and start time) still runs; a zombie counts as gone. */
function stillRunning(info: ProcInfo): boolean {
  const now = readProc(info.pid);
  return now !== undefined && now.start === info.start && now.state !== 'Z';
}

/** Processes with `TMPDIR=<tmp>` in their environment (the CLI's browser and helpers inherit it). */
function processesWith(tmp: string): string[] {
  const found: string[] = [];
  for (const info of allProcesses()) {
    if (info.pid === process.pid || info.state === 'Z') continue;
    try {
      if (readFileSync(`/proc/${info.pid}/environ`, 'latin1').split('\0').includes(`TMPDIR=${tmp}`)) {
        found.push(`${info.pid} ${info.comm} ${readlinkSync(`/proc/${info.pid}/exe`)}`);
      }
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const UNTIL_MS = 60_000;

interface Cli {
  child: ChildProcess;
  tmp: string;
  output: string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

let work: string;
const temps: string[] = [];

async function startCli(name: string, args: string[], env: Record<string, string> = {}, command = 'render'): Promise<Cli> {
  const base = path.join(work, name);
  const outDir = path.join(base, 'out');
  await mkdir(outDir, { recursive: true });
  // Short: Chromium puts a unix socket (at most 107 bytes of path) under TMPDIR.
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-f-'));
  temps.push(tmp);
  const output = path.join(outDir, 'x.pdf');
  const child = spawn(process.execPath, [FOLIO, command, ...args.map((arg) => (arg === '{output}' ? output : arg === '{outDir}' ? outDir : arg))], {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: tmp, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout!.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, tmp, output, stderr: () => stderr, exited };
}

interface Interrupted {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** Every descendant seen while the CLI ran. */
  seen: ProcInfo[];
  survivors: ProcInfo[];
  /** Processes still holding the run's TMPDIR. */
  holders: string[];
  /** What was in TMPDIR just before the signal, and after the exit. */
  tempBefore: string[];
  tempAfter: string[];
  outputFiles: string[];
}

/** Starts a render of the Wuzhi edition, waits for `ready`, sends `signal`, and records what is left. */
async function interrupt(
  name: string,
  signal: NodeJS.Signals,
  ready: 'browser' | 'page',
  env: Record<string, string> = {},
  command: { name: string; args: string[] } = { name: 'render', args: [EDITION, '-o', '{output}'] },
): Promise<Interrupted> {
  const cli = await startCli(name, command.args, env, command.name);
  const pid = cli.child.pid!;
  const seen = new Map<string, ProcInfo>();
  const track = () => {
    for (const info of descendants(pid)) seen.set(`${info.pid}:${info.start}`, info);
  };
  let exitedEarly = false;
  void cli.exited.then(() => (exitedEarly = true));
  await until(`a Chromium under the CLI${ready === 'page' ? ' and its folio-page-* folder' : ''}`, () => {
    if (exitedEarly) throw new Error(`the CLI exited before the browser started:\n${cli.stderr()}`);
    track();
    const browser = [...seen.values()].some((info) => /chrom/i.test(info.comm) && stillRunning(info));
    if (!browser) return false;
    return ready === 'browser' || readdirSync(cli.tmp).some((entry) => entry.startsWith('folio-page-'));
  }, UNTIL_MS);
  track();
  const tempBefore = readdirSync(cli.tmp);
  cli.child.kill(signal);
  const { code, signal: bySignal } = await cli.exited;
  // SIGKILLed children go at once, but give the kernel a moment to reap them.
  let survivors = [...seen.values()].filter(stillRunning);
  let holders = processesWith(cli.tmp);
  for (let wait = 0; (survivors.length > 0 || holders.length > 0) && wait < 30; wait += 1) {
    await sleep(100);
    survivors = survivors.filter(stillRunning);
    holders = processesWith(cli.tmp);
  }
  // Whatever leaked was started by this test: end it, so a failing run does not leave browsers spinning.
  for (const pid of new Set([...survivors.map((info) => info.pid), ...holders.map((holder) => Number(holder.split(' ')[0]))])) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  }
  return {
    code,
    signal: bySignal,
    stderr: cli.stderr(),
    seen: [...seen.values()],
    survivors,
    holders,
    tempBefore,
    tempAfter: readdirSync(cli.tmp),
    // Files at any depth (a year's batch writes plates into a folder per issue date, made before they render).
    outputFiles: (await readdir(path.dirname(cli.output), { recursive: true, withFileTypes: true })).filter((entry) => !entry.isDirectory()).map((entry) => entry.name),
  };
}

function expectCleanInterrupt(run: Interrupted, exitCode: number, signal: NodeJS.Signals): void {
  const report = JSON.stringify({ ...run, seen: run.seen.map((info) => `${info.pid} ${info.comm}`) }, null, 2);
  expect(run.code === exitCode || run.signal === signal, report).toBe(true);
  expect(run.seen.some((info) => /chrom/i.test(info.comm)), report).toBe(true);
  expect(run.survivors.map((info) => `${info.pid} ${info.comm}`), report).toEqual([]);
  expect(run.holders, report).toEqual([]);
  // No folio-page-* folder, and no browser profile (puppeteer_dev_chrome_profile-*) or Chromium scratch folder either.
  expect(run.tempAfter, report).toEqual([]);
  expect(run.outputFiles, report).toEqual([]);
  expect(run.stderr, report).not.toMatch(/^\s+at /m);
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'folio-faults-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  for (const tmp of temps) await rm(tmp, { recursive: true, force: true });
});

describe('interrupting a render', () => {
  let slowBrowser: string;

  beforeAll(async () => {
    // A launcher that takes 2 s before it becomes Chromium: a Ctrl-C is sure to arrive while Puppeteer is still launching.
    const real = process.env.PUPPETEER_EXECUTABLE_PATH || findBrowser()?.path;
    if (!real) throw new Error('no Chromium found for the test');
    slowBrowser = path.join(work, 'slow-chromium');
    await writeFile(slowBrowser, `#!/bin/sh\nsleep 2\nexec ${JSON.stringify(real)} "$@"\n`);
    await chmod(slowBrowser, 0o755);
  });

  // Chromium runs in its own process group: a Ctrl-C while it is still starting must abort the
  // launch (Folio's hooks are installed before it), or the browser would be left running, orphaned.
  it('Ctrl-C while Chromium is still starting: exit 130, no Chromium left, no temp folder, no PDF', async () => {
    expectCleanInterrupt(await interrupt('sigint-launch', 'SIGINT', 'browser', { PUPPETEER_EXECUTABLE_PATH: slowBrowser }), 130, 'SIGINT');
  });

  it('Ctrl-C during pagination (its folio-page-* folder exists): exit 130, no Chromium left, TMPDIR empty, no PDF', async () => {
    const run = await interrupt('sigint-page', 'SIGINT', 'page');
    expect(run.tempBefore.some((entry) => entry.startsWith('folio-page-'))).toBe(true);
    expectCleanInterrupt(run, 130, 'SIGINT');
  });

  it('SIGTERM during pagination: exit 143, no Chromium left, TMPDIR empty, no PDF', async () => {
    expectCleanInterrupt(await interrupt('sigterm-page', 'SIGTERM', 'page'), 143, 'SIGTERM');
  });
});

describe('interrupting a batch', () => {
  it('Ctrl-C while editions render: exit 130, no Chromium left, TMPDIR empty, no PDF', async () => {
    const batch = { name: 'batch', args: ['content', '-o', '{outDir}', '-j', '2', '--force'] };
    expectCleanInterrupt(await interrupt('sigint-batch', 'SIGINT', 'page', {}, batch), 130, 'SIGINT');
  });
});

describe('the browser profile (issue 16)', () => {
  it('a TMPDIR of 80 characters: the render succeeds, and a profile a killed Folio left there is swept', async () => {
    const long = path.join(work, 'long-tmpdir-'.padEnd(80 - work.length - 1, 'x'));
    expect(long.length).toBe(80);
    await mkdir(long, { recursive: true });
    // A profile whose Chromium is gone: its SingletonLock names a process that has exited.
    const stale = path.join(long, 'folio-chromium-stale1');
    await mkdir(stale);
    const dead = spawn('true');
    await new Promise((resolve) => dead.on('exit', resolve));
    await symlink(`${os.hostname()}-${dead.pid}`, path.join(stale, 'SingletonLock'));
    const cli = await startCli('long-tmpdir', [EDITION, '-o', '{output}'], { TMPDIR: long });
    const { code } = await cli.exited;
    expect(code, cli.stderr()).toBe(0);
    expect((await readFile(cli.output)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await readdir(long)).toEqual([]);
  });
});

describe('a failed render keeps the earlier good PDF', () => {
  let editionDir: string;

  beforeAll(async () => {
    editionDir = path.join(work, 'edition');
    await mkdir(editionDir, { recursive: true });
    await writeFile(path.join(editionDir, 'edition.yaml'), VALID);
  });

  async function renderGood(target: string): Promise<Buffer> {
    await build({ input: editionDir, output: target, browser: await sharedBrowser() });
    const pdf = await readFile(target);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    return pdf;
  }

  async function runCli(args: string[], command = 'render') {
    const cli = await startCli(`cli-${Math.random().toString(36).slice(2)}`, args, {}, command);
    const result = await cli.exited;
    return { ...result, stderr: cli.stderr(), tmp: cli.tmp };
  }

  it('an invalid edition rendered to the same path: exit 2, the earlier PDF is intact', async () => {
    const dir = await mkdtemp(path.join(work, 'same-target-'));
    const target = path.join(dir, 'page.pdf');
    const good = await renderGood(target);
    const before = await readdir(dir);
    const invalidDir = path.join(work, 'invalid-edition');
    await mkdir(invalidDir, { recursive: true });
    await writeFile(path.join(invalidDir, 'edition.yaml'), INVALID);
    const run = await runCli([invalidDir, '-o', target]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/edition\.yaml:7:16 \(sections\[0\]\.articles\[0\]\.title\)/);
    expect(await readFile(target)).toEqual(good);
    expect(await readdir(dir)).toEqual(before);
  });

  // Issue 16: an output that is one of the command's inputs is refused before anything is written.
  it('render -o onto the edition file, import -o onto its text, a volume onto an edition PDF: exit 2, inputs intact', async () => {
    const dir = await mkdtemp(path.join(work, 'output-is-input-'));
    const edition = path.join(dir, 'ed1');
    await mkdir(edition);
    await writeFile(path.join(edition, 'edition.yaml'), VALID);
    const render = await runCli([edition, '-o', path.join(edition, 'edition.yaml')]);
    expect(render.code, render.stderr).toBe(2);
    expect(render.stderr).toMatch(/^error: the output PDF \(-o\) would overwrite the edition file: .*ed1\/edition\.yaml$/m);
    expect(render.stderr).toMatch(/^ {2}fix: choose another path/m);
    expect(await readFile(path.join(edition, 'edition.yaml'), 'utf8')).toBe(VALID);

    const text = path.join(dir, 'page.txt');
    await writeFile(text, '擎旗领跑\n\n正文。\n');
    const imported = await runCli([text, '-o', text], 'import');
    expect(imported.code, imported.stderr).toBe(2);
    expect(imported.stderr).toMatch(/would overwrite the text being imported/);
    expect(await readFile(text, 'utf8')).toBe('擎旗领跑\n\n正文。\n');

    const out = path.join(dir, 'out');
    const volume = await runCli([dir, '-o', out, '--volume', path.join(out, 'ed1.pdf')], 'batch');
    expect(volume.code, volume.stderr).toBe(2);
    expect(volume.stderr).toMatch(/the volume \(--volume\) would overwrite the PDF of edition "ed1"/);
    expect(await readdir(out).catch(() => [])).toEqual([]);
  });

  describe('on a small tmpfs', () => {
    const mounts: string[] = [];
    let canMount = false;
    try {
      const probe = execFileSync('mktemp', ['-d'], { encoding: 'utf8' }).trim();
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
      execFileSync('umount', [probe], { stdio: 'ignore' });
      execFileSync('rmdir', [probe]);
      canMount = true;
    } catch {
      // Not root, or no CAP_SYS_ADMIN: the two tests below are skipped.
    }

    async function mountTmpfs(sizeKb: number): Promise<string> {
      const dir = await mkdtemp(path.join(work, 'tmpfs-'));
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir]);
      mounts.push(dir);
      return dir;
    }

    afterAll(() => {
      for (const dir of mounts) {
        try {
          execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
        } catch {
          // Already unmounted.
        }
      }
    });

    it.skipIf(!canMount)('a full disk: exit 1 with a clear message, the earlier PDF intact, no *.tmp left', async () => {
      const dir = await mountTmpfs(256);
      const target = path.join(dir, 'page.pdf');
      const good = await renderGood(target);
      // Fill the rest of the disk.
      await writeFile(path.join(dir, 'filler'), Buffer.alloc(1024 * 1024)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOSPC') throw error;
      });
      const before = await readdir(dir);
      const run = await runCli([editionDir, '-o', target]);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(/^error: could not write .*page\.pdf$/m);
      expect(run.stderr).toMatch(/fix: check that the output folder exists, is writable and has free space/);
      expect(run.stderr).toMatch(/ENOSPC/);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(await readFile(target)).toEqual(good);
      expect(await readdir(dir)).toEqual(before);
      expect(await readdir(run.tmp)).toEqual([]);
    });

    it.skipIf(!canMount)('a read-only output folder: exit 1 with a clear message, the earlier PDF intact', async () => {
      const dir = await mountTmpfs(1024);
      const target = path.join(dir, 'page.pdf');
      const good = await renderGood(target);
      const before = await readdir(dir);
      execFileSync('mount', ['-o', 'remount,ro', dir]);
      const run = await runCli([editionDir, '-o', target]);
      expect(run.code, run.stderr).toBe(1);
      // Found before the render, by ensure-dir.ts (issue 15, item 10).
      expect(run.stderr).toMatch(/^error: cannot write in the output folder .*: .* is on a read-only disk$/m);
      expect(run.stderr).toMatch(/EROFS/);
      expect(run.stderr).toMatch(/fix: choose an output path in a folder you can write to/);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(await readFile(target)).toEqual(good);
      expect(await readdir(dir)).toEqual(before);
    });
  });
});
