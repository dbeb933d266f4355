/** Batch plans a general page (schema v2) as it plans a feature edition: its id, its bookmark from the lead story, a key that follows its photo files. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planEdition, type Plan } from '../../../src/batch/plan.ts';

const PAGE = `version: 2
paper: { preset: duikai, date: 2024-01-26, page: A2 }
modules:
  - { kind: story, id: second, rank: 2, headline: { title: 次条 }, body: [正文。] }
  - { kind: story, id: lead, rank: 1, headline: { title: 头条 标题 }, body: [正文。], photos: [{ id: p, file: p.jpg, caption: 图。 }] }
`;

function pageDir(photo: string): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'folio-plan-page-')), 'a2');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'edition.yaml'), PAGE);
  writeFileSync(path.join(dir, 'p.jpg'), photo);
  return dir;
}

const environment = { folioVersion: 'test', hash: 'env' };
const plan = async (dir: string) => (await planEdition({ input: dir, fallbackId: 'a2', overrides: [] }, 0, environment, '/tmp/out')) as Plan;

describe('planning a general page', () => {
  it('names it by its folder and bookmarks it by date, page and lead headline', async () => {
    const planned = await plan(pageDir('one'));
    expect(planned.ok).toBe(true);
    expect(planned.id).toBe('a2');
    expect(planned.bookmark).toBe('a2: 2024-01-26 A2版 头条标题');
  });

  it('keys it by its story photos: another photo file, another key', async () => {
    const [a, b, c] = [await plan(pageDir('one')), await plan(pageDir('one')), await plan(pageDir('two'))];
    expect(a.key).toBe(b.key);
    expect(a.key).not.toBe(c.key);
  });
});
