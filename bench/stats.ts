/** Small statistics and process helpers for the benchmark. */
import { spawnSync } from 'node:child_process';

export interface Figure {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarise(values: number[]): Figure {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

export const seconds = (f: Figure) => `${(f.median / 1000).toFixed(2)} s (${(f.min / 1000).toFixed(2)}–${(f.max / 1000).toFixed(2)}, n=${f.runs})`;

/** Wall time of a command, in ms; throws when it fails. */
export function timeCommand(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const start = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
  const elapsed = performance.now() - start;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${run.status}): ${run.stderr || run.stdout}`);
  return elapsed;
}

export function repeat(times: number, run: () => number): number[] {
  return Array.from({ length: times }, run);
}
