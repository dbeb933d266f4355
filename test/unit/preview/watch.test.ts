/** Source watching: saves arrive in one batch, named by folder; editor swap files and the image cache do not count. */
import { mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeChanges, watchSources, type SourceWatcher } from '../../../src/preview/watch.ts';

let watcher: SourceWatcher | undefined;
let root: string | undefined;

afterEach(async () => {
  await watcher?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchSources', () => {
  it('reports a burst of saves once, ignoring editor droppings and excluded folders', async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'folio-watch-')));
    mkdirSync(join(root, 'photos'));
    mkdirSync(join(root, 'cache'));
    const batches: string[][] = [];
    watcher = watchSources([{ dir: root, label: 'wuzhi' }], (changed) => batches.push(changed.sort()), {
      debounceMs: 80,
      exclude: [join(root, 'cache')],
    });
    await watcher.ready;
    // An editor's atomic save: write a temporary file, then rename it over the original.
    writeFileSync(join(root, '.edition.yaml.swp'), 'swap');
    writeFileSync(join(root, 'edition.yaml~'), 'backup');
    writeFileSync(join(root, 'edition.yaml.tmp'), 'id: x');
    renameSync(join(root, 'edition.yaml.tmp'), join(root, 'edition.yaml'));
    writeFileSync(join(root, 'photos', 'a.jpg'), 'jpeg');
    writeFileSync(join(root, 'cache', 'derived.jpg'), 'jpeg');
    await settle(400);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toContain('wuzhi/edition.yaml');
    expect(batches[0]).toContain('wuzhi/photos/a.jpg');
    expect(batches[0]!.some((file) => /swp|~|cache/.test(file))).toBe(false);
  });
});

describe('describeChanges', () => {
  it('names one file, or counts several', () => {
    expect(describeChanges(['wuzhi/edition.yaml'])).toBe('wuzhi/edition.yaml changed');
    expect(describeChanges(['a', 'b', 'c', 'd'])).toBe('4 files changed (a, b, c, …)');
  });
});
