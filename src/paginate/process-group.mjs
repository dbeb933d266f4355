// Process groups on Linux, in plain JS: bin/folio.js needs them (through
// chromium-process.mjs) before the bundle loads; process-group.ts re-exports them.
import { readdirSync, readFileSync } from 'node:fs';

/** Live (not zombie) processes of a process group, read from /proc; empty where there is no /proc. */
export function liveGroupMembers(groupId) {
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const members = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name: state, ppid, pgrp, …
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === groupId && state !== 'Z' && state !== 'X') members.push(Number(entry));
    } catch {
      // Gone while we looked.
    }
  }
  return members;
}

/**
 * SIGKILLs a whole process group at once, synchronously (safe in an exit
 * hook); on Windows, where there are no groups, the process itself. Folio
 * starts Chromium detached, so the group id is the browser's pid. Returns
 * false when there was nothing left to kill.
 */
export function killProcessGroup(groupId) {
  if (!groupId) return false;
  try {
    process.kill(process.platform === 'win32' ? groupId : -groupId, 'SIGKILL');
    return true;
  } catch {
    return false; // No such group: everything in it has already exited.
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Kills a group and waits, synchronously and briefly, until none of it runs:
 * a process the group was forking as the signal went out can miss it, and
 * would write into a profile removed after. For exit hooks and other places
 * that cannot wait asynchronously.
 */
export function endProcessGroupSync(groupId, timeoutMs = 1_000) {
  if (!groupId || process.platform === 'win32') return void killProcessGroup(groupId);
  const deadline = Date.now() + timeoutMs;
  while (killProcessGroup(groupId) && liveGroupMembers(groupId).length > 0 && Date.now() < deadline) {
    Atomics.wait(pause, 0, 0, 5);
  }
}
