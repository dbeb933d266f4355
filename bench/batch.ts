/**
 * (c) of the benchmark: 50 editions through `folio batch`, with -j 1 and
 * -j 2, wall time and the peak memory (PSS) of the whole process tree.
 * Skipped while `folio batch` does not exist.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FOLIO_ROOT } from '../src/defaults.ts';
import { measureTree } from './process-tree.ts';
import { summarise, type Figure } from './stats.ts';

export interface BatchRun {
  /** Wall time over the runs. */
  wall: Figure;
  /** Editions per second, from the median wall time. */
  perSecond: number;
  /** The highest peak PSS of any run. */
  peakMiB: number;
  /** Cores kept busy on average (whole machine, from /proc/stat), median over the runs. */
  busyCores: number;
  /** CPU time of the whole machine per edition, median over the runs. */
  cpuMsPerEdition: number;
}

export interface BatchFigures {
  j1: BatchRun;
  j2: BatchRun;
  /** Throughput -j 2 / -j 1 of each round (its two runs back to back): median, min–max. */
  speedup: Figure;
  /**
   * What each round's speedup would be had its -j 2 run kept every core busy
   * at the CPU time it spent: -j 1 wall / (-j 2 CPU time / cores).
   */
  ceiling: Figure;
}

const COUNT = 50;
// Five rounds: batch times on this shared machine move by ±5% from run to run.
const BATCH_RUNS = Number(process.env.FOLIO_BENCH_BATCH_RUNS ?? 5);

export async function benchBatch(work: string, log: (line: string) => void): Promise<BatchFigures | undefined> {
  if (!existsSync(path.join(FOLIO_ROOT, 'src', 'batch', 'batch.ts'))) return undefined;
  const editions = makeEditions(work);
  // Alternated, so a slow spell of the machine does not fall on one setting only.
  // Timed runs read no memory: reading the tree's PSS costs ~28 ms of CPU a
  // sample, which a CPU-bound -j 2 pays and a -j 1 with idle time does not.
  const runs: Record<1 | 2, Single[]> = { 1: [], 2: [] };
  for (let round = 0; round < BATCH_RUNS; round += 1) {
    for (const jobs of [1, 2] as const) {
      const run = await runBatch(editions, path.join(work, `batch-out-${jobs}`), jobs, false);
      log(`  -j ${jobs}: ${(run.wallMs / 1000).toFixed(1)} s, ${run.busyCores.toFixed(2)} cores busy`);
      runs[jobs].push(run);
    }
  }
  // Then one run of each, sampling memory, for the peak.
  for (const jobs of [1, 2] as const) {
    const { peakMiB } = await runBatch(editions, path.join(work, `batch-out-${jobs}`), jobs, true);
    log(`  -j ${jobs}: peak ${peakMiB.toFixed(0)} MiB (a separate run, sampled every ${SAMPLE_MS} ms)`);
    for (const run of runs[jobs]) run.peakMiB = peakMiB;
  }
  const speedup = summarise(runs[1].map((run, round) => run.wallMs / runs[2][round]!.wallMs));
  const cores = os.cpus().length;
  const ceiling = summarise(runs[1].map((run, round) => run.wallMs / ((runs[2][round]!.wallMs * runs[2][round]!.busyCores) / cores)));
  return { j1: combine(runs[1]), j2: combine(runs[2]), speedup, ceiling };
}

/** The 50 editions: copies of the repository's three, each with its folder name as id. */
export function makeEditions(work: string): string {
  const editions = path.join(work, 'batch-editions');
  for (let i = 1; i <= COUNT; i += 1) {
    const target = path.join(editions, `edition-${String(i).padStart(2, '0')}`);
    mkdirSync(target, { recursive: true });
    const source = ['wuzhi-2024', 'wuzhi-2023-only', 'wuzhi-2024-dense'][i % 3]!;
    cpSync(path.join(FOLIO_ROOT, 'content', source), target, { recursive: true });
    // Without its id line, each copy takes its folder name as id (ids must be unique in a batch).
    const yaml = path.join(target, 'edition.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^id: .*\n/m, ''));
  }
  return editions;
}

export const BATCH_COUNT = COUNT;

const SAMPLE_MS = 200;

interface Single {
  wallMs: number;
  peakMiB: number;
  busyCores: number;
}

function combine(runs: Single[]): BatchRun {
  const wall = summarise(runs.map((run) => run.wallMs));
  return {
    wall,
    perSecond: COUNT / (wall.median / 1000),
    peakMiB: Math.max(...runs.map((run) => run.peakMiB)),
    busyCores: summarise(runs.map((run) => run.busyCores)).median,
    cpuMsPerEdition: summarise(runs.map((run) => (run.wallMs * run.busyCores) / COUNT)).median,
  };
}

/** Busy and total clock ticks of the whole machine. */
function cpuTicks(): { busy: number; total: number } {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const busy = user! + nice! + system! + irq! + softirq! + steal!;
  return { busy, total: busy + idle! + iowait! };
}

async function runBatch(editions: string, out: string, jobs: number, sampleMemory: boolean): Promise<Single> {
  const ticks = cpuTicks();
  const start = performance.now();
  const child = spawn(process.execPath, [path.join(FOLIO_ROOT, 'bin', 'folio.js'), 'batch', editions, '-o', out, '-j', String(jobs), '--force'], {
    stdio: 'ignore',
  });
  let peak = 0;
  const timer = sampleMemory ? setInterval(() => (peak = Math.max(peak, measureTree(child.pid!).pss)), SAMPLE_MS) : undefined;
  await new Promise((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  const wallMs = performance.now() - start;
  const after = cpuTicks();
  const busyCores = (os.cpus().length * (after.busy - ticks.busy)) / (after.total - ticks.total);
  return { wallMs, peakMiB: peak / 1024, busyCores };
}
