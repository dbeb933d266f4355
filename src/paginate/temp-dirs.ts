/**
 * Temporary folders that must not outlive the process, even when it is
 * interrupted (Ctrl-C during a render): removed on exit, synchronously.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const live = new Set<string>();
let hooked = false;

export async function makeTempDir(prefix: string): Promise<string> {
  // Made and listed in one step: an async mkdtemp could finish on disk just as
  // Ctrl-C ends the process, before its callback listed it for removal.
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  trackTempDir(dir);
  return dir;
}

/** Puts a folder made elsewhere (a browser profile) under the same removal on exit. */
export function trackTempDir(dir: string): void {
  live.add(dir);
  if (!hooked) {
    hooked = true;
    process.on('exit', () => {
      for (const leftover of live) rmSync(leftover, { recursive: true, force: true });
    });
  }
}

export async function removeTempDir(dir: string): Promise<void> {
  // Still listed while it is being removed: if the process exits meanwhile, the exit hook finishes the job.
  await rm(dir, { recursive: true, force: true });
  live.delete(dir);
}
