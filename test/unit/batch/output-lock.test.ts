import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBatch } from '../../../src/batch/batch.ts';
import { lockOutputFolder } from '../../../src/batch/output-lock.ts';
import { exitCodeOf } from '../../../src/errors.ts';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('one batch per output folder (issue 16)', () => {
  // Two batches into one folder lost each other's cache entries and one summary.json.
  it('refuses a second batch while the first holds the folder, naming it (exit 2); the lock goes with the first', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'folio-lock-'));
    const outDir = path.join(dir, 'out');
    await mkdir(outDir);
    const first = await lockOutputFolder(outDir);
    const second = runBatch({ input: path.join(dir, 'no-such-editions'), outDir, log: () => undefined });
    await expect(second).rejects.toThrow(`another batch is writing to ${outDir}`);
    expect(exitCodeOf(await second.catch((error: unknown) => error))).toBe(2);
    await first();
    await first(); // safe to repeat
    expect(await readdir(outDir)).toEqual([]);
    // Free again: the next batch gets past the lock (and fails on its missing input instead).
    await expect(runBatch({ input: path.join(dir, 'no-such-editions'), outDir, log: () => undefined })).rejects.not.toThrow(/another batch/);
    expect(await readdir(outDir)).toEqual([]);
  });
});
