/**
 * Time per edition and peak memory of `folio batch` on many editions.
 *
 *   npx tsx bench/batch-memory.ts [--editions 50] [--jobs N] [--restart-after 50]
 *
 * The batch runs in a child process (runBatch, the API behind `folio batch`).
 * Every 200 ms this process sums the memory of the child's whole process tree
 * (Node and every Chromium process): PSS from /proc/<pid>/smaps_rollup, which
 * shares Chromium's common pages out fairly, and RSS for comparison. Two
 * measurements, so each peak has one cause: the batch rendering every edition
 * (--force), then merging its PDFs into the volume (writeVolume, which
 * `--volume` runs after the renders).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureTree, type TreeMemory } from './process-tree.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['wuzhi-2024', 'wuzhi-2023-only', 'wuzhi-2024-dense'];

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

interface Sample extends TreeMemory {
  t: number;
}

function sampleTree(root: number, t: number): Sample {
  return { t, ...measureTree(root) };
}

async function measure(args: string[]): Promise<{ wallMs: number; samples: Sample[]; result: { counts: Record<string, number>; launches: number; times: number[] } }> {
  const start = performance.now();
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const samples: Sample[] = [];
  const timer = setInterval(() => samples.push(sampleTree(child.pid!, performance.now() - start)), 200);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`the batch exited with ${code}`);
  return { wallMs: performance.now() - start, samples, result: JSON.parse(stdout.trim().split('\n').at(-1)!) };
}

const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;

function report(name: string, run: Awaited<ReturnType<typeof measure>>): void {
  const peak = (key: keyof Sample) => Math.max(...run.samples.map((s) => s[key]));
  console.log(`${name}: ${(run.wallMs / 1000).toFixed(1)} s wall, ${JSON.stringify(run.result.counts)}, ${run.result.launches} browser launch(es)`);
  console.log(`  peak PSS ${mib(peak('pss'))} (Node ${mib(peak('nodePss'))}), peak RSS ${mib(peak('rss'))}, up to ${peak('processes')} processes`);
  // Peak per fifth of the run: flat when memory does not grow with the number of editions.
  const fifths = [0, 1, 2, 3, 4].map((i) => run.samples.filter((s) => s.t >= (run.wallMs * i) / 5 && s.t < (run.wallMs * (i + 1)) / 5));
  console.log(`  peak PSS per fifth of the run: ${fifths.map((part) => mib(Math.max(0, ...part.map((s) => s.pss)))).join(', ')}`);
}

async function main(): Promise<void> {
  const count = option('--editions', 50);
  const jobs = option('--jobs', os.availableParallelism());
  const restartAfter = option('--restart-after', 50);
  const work = mkdtempSync(path.join(os.tmpdir(), 'folio-batch-memory-'));
  const editions = path.join(work, 'editions');
  for (let i = 1; i <= count; i += 1) {
    const source = readFileSync(path.join(ROOT, 'content', SOURCES[i % SOURCES.length]!, 'edition.yaml'), 'utf8');
    const dir = path.join(editions, `edition-${String(i).padStart(3, '0')}`);
    mkdirSync(dir, { recursive: true });
    // Without its id line the edition takes its folder's name, so the 50 PDFs do not collide.
    writeFileSync(path.join(dir, 'edition.yaml'), source.replace(/^id: .*\n/m, ''));
  }
  const outDir = path.join(work, 'out');
  console.log(`${count} editions, -j ${jobs}, restart after ${restartAfter}, ${os.availableParallelism()} cores, load average ${os.loadavg()[0]!.toFixed(1)}`);
  const render = await measure(['--child', editions, outDir, String(jobs), String(restartAfter)]);
  report('render (--force)', render);
  const times = render.result.times;
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`  per edition: ${(render.wallMs / count / 1000).toFixed(2)} s of wall time; render time mean ${(mean / 1000).toFixed(2)} s, median ${(sorted[Math.floor(sorted.length / 2)]! / 1000).toFixed(2)} s, max ${(sorted.at(-1)! / 1000).toFixed(2)} s`);
  const volume = await measure(['--volume-child', outDir, path.join(work, 'volume.pdf')]);
  report('volume', volume);
  console.log(`  volume file: ${(statSync(path.join(work, 'volume.pdf')).size / 1024 / 1024).toFixed(1)} MiB; edition PDFs: ${(readdirSync(outDir).filter((n) => n.endsWith('.pdf')).reduce((sum, n) => sum + statSync(path.join(outDir, n)).size, 0) / 1024 / 1024).toFixed(1)} MiB`);
  if (!process.argv.includes('--keep')) rmSync(work, { recursive: true, force: true });
}

if (process.argv[2] === '--child') {
  // The measured process: one batch, its summary as the last line of stdout.
  const [, , , input, outDir, jobs, restartAfter] = process.argv;
  const { runBatch } = await import('../src/batch/batch.ts');
  const summary = await runBatch({ input: input!, outDir, jobs: Number(jobs), restartAfter: Number(restartAfter), force: true, log: () => undefined });
  process.stdout.write(`${JSON.stringify({ counts: summary.counts, launches: summary.browserLaunches, times: summary.editions.map((e) => e.timeMs) })}\n`);
} else if (process.argv[2] === '--volume-child') {
  const [, , , outDir, target] = process.argv;
  const { writeVolume } = await import('../src/batch/volume.ts');
  const files = readdirSync(outDir!).filter((name) => name.endsWith('.pdf')).sort();
  const parts = files.map((name) => ({ file: path.join(outDir!, name), id: name.replace(/\.pdf$/, ''), title: name }));
  const { pages } = await writeVolume(target!, parts, 'bench');
  process.stdout.write(`${JSON.stringify({ counts: { editions: parts.length, pages }, launches: 0, times: [] })}\n`);
} else {
  await main();
}
