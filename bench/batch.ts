/**
 * (c) of the benchmark: 50 editions through `folio batch`, with -j 1 and
 * -j 2, wall time and the peak memory (PSS) of the whole process tree.
 * Skipped while `folio batch` does not exist.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FOLIO_ROOT } from '../src/defaults.ts';
import { measureTree } from './process-tree.ts';

export interface BatchRun {
  wallMs: number;
  perSecond: number;
  peakMiB: number;
}

export interface BatchFigures {
  j1: BatchRun;
  j2: BatchRun;
}

const COUNT = 50;

export async function benchBatch(work: string, log: (line: string) => void): Promise<BatchFigures | undefined> {
  if (!existsSync(path.join(FOLIO_ROOT, 'src', 'batch', 'batch.ts'))) return undefined;
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
  const j1 = await runBatch(editions, path.join(work, 'batch-out-1'), 1);
  log(`  -j 1: ${(j1.wallMs / 1000).toFixed(1)} s, peak ${j1.peakMiB.toFixed(0)} MiB`);
  const j2 = await runBatch(editions, path.join(work, 'batch-out-2'), 2);
  log(`  -j 2: ${(j2.wallMs / 1000).toFixed(1)} s, peak ${j2.peakMiB.toFixed(0)} MiB`);
  return { j1, j2 };
}

async function runBatch(editions: string, out: string, jobs: number): Promise<BatchRun> {
  const start = performance.now();
  const child = spawn(process.execPath, [path.join(FOLIO_ROOT, 'bin', 'folio.js'), 'batch', editions, '-o', out, '-j', String(jobs), '--force'], {
    stdio: 'ignore',
  });
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, measureTree(child.pid!).pss);
  }, 200);
  await new Promise((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  const wallMs = performance.now() - start;
  return { wallMs, perSecond: COUNT / (wallMs / 1000), peakMiB: peak / 1024 };
}
