/**
 * (f) of the benchmark: the queue's overhead (issue 21). The 50 editions of
 * (c) through `folio batch -j 2` here, and through `folio batch --queue` with
 * two `folio worker -j 1` on this machine and a redis-server on a loopback
 * port: the same two renders at a time, so the difference is the queue's
 * (enqueueing, Redis round trips, the event stream, the worker's own key
 * check). The workers are started and warmed by one untimed run first, as
 * long-running workers are; the runs alternate so a slow spell of the
 * machine falls on both. Needs redis-server; skipped without it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { startRedis } from '../scripts/lib/redis-server.ts';
import { FOLIO_ROOT } from '../src/defaults.ts';
import { summarise, type Figure } from './stats.ts';

export interface QueueFigures {
  local: Figure;
  queued: Figure;
  /** (queued − local) / pages, per round: median, min–max. */
  overheadMsPerPage: Figure;
  /** (queued − local) / local, per round. */
  overheadRatio: Figure;
  pages: number;
}

const RUNS = Number(process.env.FOLIO_BENCH_QUEUE_RUNS ?? 3);
const FOLIO = path.join(FOLIO_ROOT, 'bin', 'folio.js');

export async function benchQueue(editions: string, pages: number, work: string, log: (line: string) => void): Promise<QueueFigures | undefined> {
  if (spawnSync('redis-server', ['--version']).status !== 0) return undefined;
  const redis = await startRedis();
  const url = `${redis.url}/0`;
  const workers: ChildProcess[] = [];
  try {
    for (const name of ['bench-1', 'bench-2']) workers.push(spawn(process.execPath, [FOLIO, 'worker', '--queue', url, '-j', '1', '--name', name], { stdio: 'ignore' }));
    await timed(['batch', editions, '-o', path.join(work, 'queue-out'), '--queue', url, '--force']);
    const local: number[] = [];
    const queued: number[] = [];
    for (let round = 0; round < RUNS; round += 1) {
      local.push(await timed(['batch', editions, '-o', path.join(work, 'queue-local-out'), '-j', '2', '--force']));
      queued.push(await timed(['batch', editions, '-o', path.join(work, 'queue-out'), '--queue', url, '--force']));
      log(`  local -j 2: ${(local[round]! / 1000).toFixed(1)} s, queue with 2 workers: ${(queued[round]! / 1000).toFixed(1)} s`);
    }
    return {
      local: summarise(local),
      queued: summarise(queued),
      overheadMsPerPage: summarise(local.map((ms, i) => (queued[i]! - ms) / pages)),
      overheadRatio: summarise(local.map((ms, i) => (queued[i]! - ms) / ms)),
      pages,
    };
  } finally {
    for (const worker of workers) worker.kill('SIGTERM');
    await Promise.all(workers.map((worker) => (worker.exitCode === null ? once(worker, 'exit') : undefined)));
    await redis.stop();
  }
}

async function timed(args: string[]): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, [FOLIO, ...args], { stdio: 'ignore' });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`folio ${args.join(' ')} failed (${code})`);
  return performance.now() - start;
}
