/**
 * Memory of a process and all its descendants (Node and every Chromium
 * process), read from /proc: PSS from smaps_rollup, which shares Chromium's
 * common pages out fairly, and RSS for comparison. All in KiB.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface TreeMemory {
  pss: number;
  rss: number;
  /** PSS of the root process alone. */
  nodePss: number;
  processes: number;
}

export function measureTree(root: number): TreeMemory {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // ended while we looked
    }
  }
  const memory: TreeMemory = { pss: 0, rss: 0, nodePss: 0, processes: 0 };
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
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
    stack.push(...(children.get(pid) ?? []));
  }
  return memory;
}
