import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environmentFingerprint } from '../../../src/batch/cache.ts';
import { discover } from '../../../src/batch/discover.ts';
import { planAll } from '../../../src/batch/plan.ts';
import { ContentError } from '../../../src/errors.ts';

const EDITION = 'headline: {title: 擎旗 领跑}\nsections: [{id: a, label: 精彩, articles: [{title: 题, paragraphs: [文。]}]}]\n';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'folio-batch-discover-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('discover', () => {
  it('finds every */edition.yaml of a folder in name order, skipping hidden folders and folders without one', async () => {
    const root = tree({ 'b/edition.yaml': EDITION, 'a/edition.yaml': EDITION, 'c/notes.txt': '', '.trash/edition.yaml': EDITION, 'x.yaml': '' });
    const input = await discover(root);
    expect(input.kind).toBe('folder');
    expect(input.entries.map((e) => [path.basename(e.input), e.fallbackId])).toEqual([['a', 'a'], ['b', 'b']]);
  });

  it('stops with a hint when the folder holds no editions, or is one', async () => {
    await expect(discover(tree({ 'notes.txt': '' }))).rejects.toThrow(/no editions under/);
    const single = await discover(tree({ 'edition.yaml': EDITION })).catch((e: ContentError) => e);
    expect(single).toBeInstanceOf(ContentError);
    expect((single as ContentError).hint).toMatch(/folio render/);
    await expect(discover('/no/such/folder')).rejects.toThrow(/does not exist/);
  });

  it('reads a manifest, resolving its entries against the manifest folder', async () => {
    const root = tree({ 'list.yaml': 'editions: [one, {path: two/edition.yaml}]\n' });
    const input = await discover(path.join(root, 'list.yaml'));
    expect(input.kind).toBe('manifest');
    expect(input.entries.map((e) => [e.input, e.fallbackId])).toEqual([[path.join(root, 'one'), 'one'], [path.join(root, 'two/edition.yaml'), 'two']]);
  });
});

describe('planAll', () => {
  it('plans each edition, failing only the broken, missing and duplicate ones', async () => {
    const root = tree({
      'a/edition.yaml': EDITION,
      'b/edition.yaml': 'headline: {title: "unclosed\n',
      'c/edition.yaml': `id: a\n${EDITION}`,
      'list.yaml': 'editions:\n  - a\n  - b\n  - c\n  - nowhere\n',
    });
    const input = await discover(path.join(root, 'list.yaml'));
    const plans = await planAll(input.entries, await environmentFingerprint(), '/out');
    expect(plans.map((p) => [p.id, p.ok])).toEqual([['a', true], ['b', false], ['a', false], ['nowhere', false]]);
    const [a, b, c, nowhere] = plans;
    expect(a).toMatchObject({ pdfPath: '/out/a.pdf', bookmark: 'a: 擎旗领跑' });
    expect(!b!.ok && b!.error).toMatch(/edition\.yaml:\d+:\d+: invalid YAML/);
    expect(!c!.ok && c!.error).toMatch(/id "a" is also the id of/);
    expect(!nowhere!.ok && nowhere!.error).toMatch(/list\.yaml:5:5: no edition at .*nowhere/);
  });
});
