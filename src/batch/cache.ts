/**
 * The incremental cache: an edition is rendered again only when something
 * that shapes its PDF changed. Its key hashes the edition file, the manifest
 * overrides and the photos it names, together with the environment: the
 * templates, the styles, the font packages' versions, Paged.js's version and
 * Folio's (package.json version plus a hash of src/). The cache is one JSON
 * file in the output folder; deleting it, or `--force`, renders everything.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Edition } from '../content/schema.ts';
import { FONT_PACKAGES } from '../assets/font-catalog.ts';
import { FOLIO_ROOT } from '../defaults.ts';
import { writeFileAtomic } from '../pdf/write-atomic.ts';
import type { EditionOverride } from './overrides.ts';
import type { FitFigures } from './summary.ts';

export const CACHE_FILE = '.folio-batch-cache.json';
const CACHE_VERSION = 1;

export interface CacheEntry {
  key: string;
  /** The PDF's file name in the output folder. */
  pdf: string;
  /** The press request its press PDF was made for (render-edition.ts pressFingerprint), when one was. */
  press?: string;
  pages: number;
  timeMs: number;
  warnings: string[];
  fit: FitFigures;
  renderedAt: string;
}

export interface Environment {
  folioVersion: string;
  /** Hash of everything outside the edition that shapes a PDF. */
  hash: string;
}

const require = createRequire(import.meta.url);

async function packageVersion(packageJson: string): Promise<string> {
  return (JSON.parse(await readFile(packageJson, 'utf8')) as { version: string }).version;
}

/** Sorted relative paths and contents of the files under `dir` that `keep` accepts. */
async function hashTree(hash: ReturnType<typeof createHash>, dir: string, keep: (file: string) => boolean): Promise<void> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) {
    hash.update(`\u0000${path.relative(FOLIO_ROOT, file)}\u0000`);
    hash.update(await readFile(file));
  }
}

/**
 * Folio's own code, hashed once per process: the code that renders is the code
 * this process loaded, so an edit to src/ made while it runs must not change
 * the key of the PDFs it writes.
 */
let codeHash: Promise<string> | undefined;

function hashCode(): Promise<string> {
  codeHash ??= (async () => {
    const hash = createHash('sha256');
    await hashTree(hash, path.join(FOLIO_ROOT, 'src'), (name) => /\.(ts|js)$/.test(name));
    return hash.digest('hex');
  })();
  return codeHash;
}

export async function environmentFingerprint(): Promise<Environment> {
  const folioVersion = await packageVersion(path.join(FOLIO_ROOT, 'package.json'));
  const hash = createHash('sha256').update(`folio-batch ${CACHE_VERSION} ${folioVersion} ${await hashCode()}\n`);
  for (const name of FONT_PACKAGES) hash.update(`${name}@${await packageVersion(require.resolve(`${name}/package.json`))}\n`);
  // pagedjs's exports hide package.json; its CommonJS entry sits in lib/.
  const paged = path.join(path.dirname(require.resolve('pagedjs')), '..', 'package.json');
  hash.update(`pagedjs@${await packageVersion(paged)}\n`);
  // Templates and styles are read at every render, so they are hashed at every batch.
  await hashTree(hash, path.join(FOLIO_ROOT, 'templates'), () => true);
  await hashTree(hash, path.join(FOLIO_ROOT, 'styles'), () => true);
  return { folioVersion, hash: hash.digest('hex') };
}

/** The cache key of one edition: its file, overrides, photos and the environment. */
export async function editionKey(input: {
  environment: Environment;
  source: string;
  overrides: readonly EditionOverride[];
  edition: Edition;
  dir: string;
}): Promise<string> {
  const hash = createHash('sha256').update(`${input.environment.hash}\n`).update(input.source);
  hash.update(`\u0000${JSON.stringify(input.overrides.map((o) => [o.path, o.value]))}`);
  for (const photo of input.edition.photos) {
    if (photo.file === undefined) continue;
    hash.update(`\u0000photo ${photo.file}\u0000`);
    try {
      for await (const chunk of createReadStream(path.resolve(input.dir, photo.file))) hash.update(chunk as Buffer);
    } catch {
      hash.update('missing'); // the render reports it; the key only needs to differ once it exists
    }
  }
  return hash.digest('hex');
}

interface CacheFile {
  version: number;
  editions: Record<string, CacheEntry>;
}

export class BatchCache {
  readonly file: string;
  private readonly entries: Map<string, CacheEntry>;
  private saving: Promise<void> = Promise.resolve();

  private constructor(file: string, entries: Map<string, CacheEntry>) {
    this.file = file;
    this.entries = entries;
  }

  /** Reads the cache in `outDir`; a missing, unreadable or older cache is an empty one. */
  static async load(outDir: string): Promise<BatchCache> {
    const file = path.join(outDir, CACHE_FILE);
    let entries = new Map<string, CacheEntry>();
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as CacheFile;
      if (parsed.version === CACHE_VERSION && parsed.editions && typeof parsed.editions === 'object') {
        entries = new Map(Object.entries(parsed.editions));
      }
    } catch {
      // No cache yet, or a damaged one: render everything.
    }
    return new BatchCache(file, entries);
  }

  get(id: string): CacheEntry | undefined {
    return this.entries.get(id);
  }

  /** Records an edition (or forgets it with `undefined`) and writes the cache, one write at a time. */
  update(id: string, entry: CacheEntry | undefined): Promise<void> {
    if (entry) this.entries.set(id, entry);
    else this.entries.delete(id);
    this.saving = this.saving.catch(() => undefined).then(() => this.write());
    return this.saving;
  }

  private async write(): Promise<void> {
    const data: CacheFile = { version: CACHE_VERSION, editions: Object.fromEntries([...this.entries].sort(([a], [b]) => (a < b ? -1 : 1))) };
    await writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`);
  }
}
