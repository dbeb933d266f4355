/**
 * Chromium's helpers (renderer, network and storage services) live in the
 * browser's process group and can outlive the browser process by a few
 * milliseconds, flushing into the profile as they go: a profile removed in
 * that window is written again. Ending the whole group before the profile is
 * removed closes the window.
 */
import { readdirSync, readFileSync } from 'node:fs';

const GROUP_EXIT_WAIT_MS = 2_000;
const POLL_MS = 10;

/** Live (not zombie) processes of a process group, read from /proc; empty where there is no /proc. */
export function liveGroupMembers(groupId: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const members: number[] = [];
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
 * hook); on Windows, where there are no groups, the process itself. Puppeteer
 * starts Chromium detached, so the group id is the browser's pid. Returns
 * false when there was nothing left to kill.
 */
export function killProcessGroup(groupId: number | undefined): boolean {
  if (!groupId) return false;
  try {
    process.kill(process.platform === 'win32' ? groupId : -groupId, 'SIGKILL');
    return true;
  } catch {
    return false; // No such group: everything in it has already exited.
  }
}

/** Kills whatever is left of a process group and waits, briefly, until none of it runs. */
export async function endProcessGroup(groupId: number | undefined): Promise<void> {
  if (!groupId || process.platform === 'win32' || !killProcessGroup(groupId)) return;
  const deadline = Date.now() + GROUP_EXIT_WAIT_MS;
  while (liveGroupMembers(groupId).length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
