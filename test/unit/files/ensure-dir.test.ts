/** ensureDir (issue 15, item 10): makes missing levels, and fails at once naming the folder and why. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OutputError } from '../../../src/errors.ts';
import { ensureDir } from '../../../src/files/ensure-dir.ts';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('ensureDir', () => {
  it('makes every missing level and accepts a folder that exists', async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'folio-ensure-'));
    const deep = path.join(root, 'a', 'b', 'c');
    await ensureDir(deep);
    expect(existsSync(deep)).toBe(true);
    await ensureDir(deep);
  });

  it('names the file that stands where a folder should be', async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'folio-ensure-'));
    writeFileSync(path.join(root, 'page.pdf'), '');
    const error = await ensureDir(path.join(root, 'page.pdf', 'out')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message).toBe(`cannot make the output folder ${path.join(root, 'page.pdf', 'out')}: ${path.join(root, 'page.pdf')} is a file, not a folder`);
  });

  it('fails under /proc instead of spinning', async () => {
    const error = await ensureDir('/proc/folio-no/deeper').catch((e: unknown) => e);
    expect((error as Error).message).toBe('cannot make the output folder /proc/folio-no/deeper: no folder can be made in /proc');
  });
});
