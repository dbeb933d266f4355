/**
 * Memory of a process and all its descendants (Node and every Chromium
 * process), read from /proc: PSS from smaps_rollup, which shares Chromium's
 * common pages out fairly, and RSS for comparison. All in KiB.
 */
import { readFileSync } from 'node:fs';
import { processTree } from '../scripts/lib/process-tree.ts';

export interface TreeMemory {
  pss: number;
  rss: number;
  /** PSS of the root process alone. */
  nodePss: number;
  processes: number;
}

export function measureTree(root: number): TreeMemory {
  const memory: TreeMemory = { pss: 0, rss: 0, nodePss: 0, processes: 0 };
  for (const pid of processTree(root)) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const pss = Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      memory.pss += pss;
      memory.rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      if (pid === root) memory.nodePss = pss;
      memory.processes += 1;
    } catch {
      // gone
    }
  }
  return memory;
}
