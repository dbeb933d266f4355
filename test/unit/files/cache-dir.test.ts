/**
 * The user's cache folder (issue 16, case 12): a cache that cannot be made,
 * is read-only or is full fails as a CacheError naming the cache folder and
 * telling how to move it (XDG_CACHE_HOME), not as a bare ENOENT/EROFS/ENOSPC
 * or as an "output folder" with an -o hint. Tests run as root, whom chmod
 * does not stop: a file standing where a folder should be, and small tmpfs
 * mounts (skipped where mounting is not allowed), fail for root too.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAtomically } from '../../../src/assets/image-cache.ts';
import { CacheError, describeError } from '../../../src/errors.ts';
import { ensureDir } from '../../../src/files/ensure-dir.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'folio-cache-dir-'));
const mounts: string[] = [];

const canMount = (() => {
  const probe = mkdtempSync(path.join(os.tmpdir(), 'folio-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

function mountTmpfs(name: string, sizeKb: number): string {
  const dir = path.join(root, name);
  mkdirSync(dir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of mounts) execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
  rmSync(root, { recursive: true, force: true });
});

function expectCacheError(error: unknown, dir: string, why: RegExp): void {
  expect(error).toBeInstanceOf(CacheError);
  const text = describeError(error);
  expect(text).toContain(`the cache folder ${dir}`);
  expect(text).toMatch(why);
  expect(text).toMatch(/^ {2}fix: .*XDG_CACHE_HOME/m);
  expect(text).not.toMatch(/output/);
}

describe('the cache folder', () => {
  it('under a file (XDG_CACHE_HOME=<file>/x): names the cache folder and the file, and says to set XDG_CACHE_HOME', async () => {
    const file = path.join(root, 'plain-file');
    writeFileSync(file, '');
    const cache = path.join(file, 'x', 'folio');
    const error = await ensureDir(cache, 'cache').catch((e: unknown) => e);
    expectCacheError(error, cache, new RegExp(`${file} is a file, not a folder`));
  });

  it('under /proc: fails at once, naming the cache folder', async () => {
    const error = await ensureDir('/proc/folio-no/folio', 'cache').catch((e: unknown) => e);
    expectCacheError(error, '/proc/folio-no/folio', /no folder can be made in \/proc/);
  });

  it.skipIf(!canMount)('on a read-only disk: says read-only, for an existing cache folder too', async () => {
    const disk = mountTmpfs('read-only', 256);
    mkdirSync(path.join(disk, 'folio'));
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    for (const cache of [path.join(disk, 'folio'), path.join(disk, 'folio', 'fonts')]) {
      const error = await ensureDir(cache, 'cache').catch((e: unknown) => e);
      expectCacheError(error, cache, /read-only disk/);
    }
  });

  it.skipIf(!canMount)('on a full disk: a cached write fails naming the cache folder, and leaves no temporary file', async () => {
    const disk = mountTmpfs('full', 64);
    const cache = path.join(disk, 'folio', 'fonts');
    const error = await writeAtomically(path.join(cache, 'cut.ttf'), (temporary) => writeFile(temporary, Buffer.alloc(256 * 1024))).catch((e: unknown) => e);
    expectCacheError(error, cache, /disk of .* is full/);
    expect(describeError(error)).toMatch(/fix: free space on that disk, or set XDG_CACHE_HOME/);
    expect(execFileSync('ls', ['-A', cache], { encoding: 'utf8' })).toBe('');
  });
});
