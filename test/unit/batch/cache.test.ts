import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchCache, CACHE_FILE, editionKey, environmentFingerprint, type CacheEntry } from '../../../src/batch/cache.ts';
import { parseEdition } from '../../../src/content/load.ts';

const SOURCE = 'headline: {title: 标题}\nphotos: [{id: p, file: p.jpg, caption: 图。}]\nsections: [{id: a, label: 精彩, articles: [{title: 题, paragraphs: [文。]}]}]\n';

function editionDir(photo = 'photo bytes'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-batch-cache-'));
  writeFileSync(path.join(dir, 'edition.yaml'), SOURCE);
  writeFileSync(path.join(dir, 'p.jpg'), photo);
  return dir;
}

const entry: CacheEntry = {
  key: 'k',
  pdf: 'a.pdf',
  pages: 1,
  timeMs: 1234,
  warnings: ['w'],
  fit: { rounds: 1, headLines: 10, galleryLines: 30, galleryPhotos: 4, sections: [], blankLines: 0 },
  renderedAt: '2024-01-01T00:00:00.000Z',
};

describe('batch cache keys', async () => {
  const environment = await environmentFingerprint();
  const key = (dir: string, source = SOURCE, overrides: { path: string[]; value: unknown }[] = []) =>
    editionKey({ environment, source, overrides, edition: parseEdition(source, 'e.yaml'), dir });

  it('fingerprints the environment: Folio version and a stable hash of src/, templates, styles and fonts', async () => {
    const again = await environmentFingerprint();
    expect(environment.folioVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(environment.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(again.hash).toBe(environment.hash);
  });

  it('is the same for the same inputs and changes with the text, the overrides, a photo and the environment', async () => {
    const dir = editionDir();
    const base = await key(dir);
    expect(await key(editionDir())).toBe(base);
    expect(await key(dir, SOURCE.replace('标题', '标题二'))).not.toBe(base);
    expect(await key(dir, SOURCE, [{ path: ['paper', 'page'], value: '2' }])).not.toBe(base);
    expect(await key(editionDir('other photo bytes'))).not.toBe(base);
    const other = await editionKey({ environment: { ...environment, hash: 'x' }, source: SOURCE, overrides: [], edition: parseEdition(SOURCE, 'e.yaml'), dir });
    expect(other).not.toBe(base);
  });
});

describe('BatchCache', () => {
  it('keeps entries across loads and forgets removed ones', async () => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'folio-batch-out-'));
    const cache = await BatchCache.load(outDir);
    expect(cache.get('a')).toBeUndefined();
    await Promise.all([cache.update('a', entry), cache.update('b', { ...entry, pdf: 'b.pdf' })]);
    const reloaded = await BatchCache.load(outDir);
    expect(reloaded.get('a')).toEqual(entry);
    expect(reloaded.get('b')?.pdf).toBe('b.pdf');
    await reloaded.update('a', undefined);
    expect((await BatchCache.load(outDir)).get('a')).toBeUndefined();
    expect(JSON.parse(await readFile(path.join(outDir, CACHE_FILE), 'utf8')).version).toBe(1);
  });

  it('treats a damaged cache file as empty', async () => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'folio-batch-out-'));
    writeFileSync(path.join(outDir, CACHE_FILE), '{ not json');
    expect((await BatchCache.load(outDir)).get('a')).toBeUndefined();
  });
});
