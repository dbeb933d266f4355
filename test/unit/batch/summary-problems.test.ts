/**
 * What batch prints for a failed edition (issue 15, item 6): its problems,
 * at most five as `folio render` lists them, and the fix; and a plain
 * statement when the volume was built without the failed editions.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEdition } from '../../../src/content/load.ts';
import { describeError } from '../../../src/errors.ts';
import { summaryLines, type BatchSummary, type EditionSummary } from '../../../src/batch/summary.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'folio-batch-problems-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A real schema error with seven problems, as the batch stores it. */
async function sevenProblems(): Promise<string> {
  const file = path.join(root, 'edition.yaml');
  const articles = Array.from({ length: 7 }, (_, i) => `      - title: ${i}\n        paragraphs: [正文]`).join('\n');
  writeFileSync(file, `headline:\n  title: 标题\nsections:\n  - id: s\n    label: 栏目\n    articles:\n${articles}\n`);
  return loadEdition(file).then(() => '', (error: unknown) => describeError(error));
}

function summaryWith(failed: EditionSummary, volume?: BatchSummary['volume']): BatchSummary {
  return {
    folioVersion: '0', input: root, outDir: root, jobs: 1, startedAt: '', durationMs: 1000, summaryFile: path.join(root, 'summary.json'),
    counts: { total: 2, rendered: 1, unchanged: 0, failed: 1 }, failed: [failed.id], editions: [failed], volume,
  } as unknown as BatchSummary;
}

describe('batch summary of a failed edition', () => {
  it('lists its first five problems, how many more, and the fix', async () => {
    const error = await sevenProblems();
    expect(error).toMatch(/\(7 problems\)/);
    const failed: EditionSummary = { id: 'seven', source: '', pdf: null, status: 'failed', timeMs: 0, pages: null, warnings: [], fit: null, attempts: 1, error };
    const lines = summaryLines(summaryWith(failed));
    const at = lines.findIndex((line) => line.startsWith('failed: seven: '));
    const listed = lines.slice(at + 1, at + 8);
    expect(listed.slice(0, 5).every((line) => /^ {4}.*edition\.yaml:\d+:\d+ \(sections\[0\]\.articles\[\d\]\.title\): /.test(line))).toBe(true);
    expect(listed[5]).toBe('    …and 2 more');
    expect(listed[6]).toMatch(/^ {4}fix: /);
  });

  it('says when the volume was built without the failed editions', () => {
    const failed: EditionSummary = { id: 'broken', source: '', pdf: null, status: 'failed', timeMs: 0, pages: null, warnings: [], fit: null, attempts: 1, error: 'error: x' };
    const lines = summaryLines(summaryWith(failed, { path: path.join(root, 'volume.pdf'), pages: 1, editions: ['good'] }));
    expect(lines.find((line) => line.startsWith('volume: built WITHOUT'))).toContain('(broken)');
  });
});
