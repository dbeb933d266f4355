import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/pdf/write-atomic.ts';

let dir: string;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic with a check (issue 16)', () => {
  it('leaves the earlier file untouched, and no temporary file, when the new one fails its check', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'folio-atomic-'));
    const target = path.join(dir, 'page.pdf');
    await writeFile(target, 'good');
    let checked = '';
    const failing = writeFileAtomic(target, 'corrupt', async (written) => {
      checked = await readFile(written, 'utf8');
      throw new Error('cannot read it back');
    });
    await expect(failing).rejects.toThrow('cannot read it back');
    expect(checked).toBe('corrupt');
    expect(await readFile(target, 'utf8')).toBe('good');
    expect(await readdir(dir)).toEqual(['page.pdf']);
  });

  it('replaces the target once the check passes, and returns what the check found', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'folio-atomic-'));
    const target = path.join(dir, 'page.pdf');
    await writeFile(target, 'old');
    const size = await writeFileAtomic(target, 'new!', async (written) => (await readFile(written)).length);
    expect(size).toBe(4);
    expect(await readFile(target, 'utf8')).toBe('new!');
  });
});

describe('writeFileAtomic with writers at once (issue 21: workers sharing one output folder)', () => {
  it('lets two concurrent writes to one target both succeed, leaving one of the two contents whole', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'folio-atomic-'));
    const target = path.join(dir, 'page.pdf');
    // Big enough that the two writes overlap; each is one repeated letter, so a mix shows.
    const [a, b] = ['a', 'b'].map((letter) => letter.repeat(1024 * 1024));
    await Promise.all([writeFileAtomic(target, a!), writeFileAtomic(target, b!)]);
    expect([a, b]).toContain(await readFile(target, 'utf8'));
    expect(await readdir(dir)).toEqual(['page.pdf']);
  });
});
