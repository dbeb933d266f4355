/**
 * A batch over issues (issue 18, step 5): a year folder gives its issue
 * folders in date order, a folder may mix them with single editions, and the
 * plan expands each issue into one plan per page with its plate path in the
 * issue's date folder and a key that changes with the issue's fields.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discover } from '../../../src/batch/discover.ts';
import { planAll } from '../../../src/batch/plan.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const work = mkdtempSync(path.join(os.tmpdir(), 'folio-discover-issues-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const environment = { folioVersion: 'test', hash: 'test' };

describe('discovering and planning issues', () => {
  it('expands a year into one plan per page, plates under each issue date', async () => {
    const input = await discover(path.join(ROOT, 'test/fixtures/years/sample'));
    expect(input.entries.map((entry) => [path.basename(entry.input), entry.issue])).toEqual([['2024-01-26', true], ['2024-02-02', true], ['2024-03-01', true]]);
    const plans = await planAll(input.entries, environment, '/out');
    expect(plans.map((plan) => (plan.ok ? `${plan.index} ${plan.id} ${plan.pdfPath}` : plan.error))).toEqual([
      '0 2024-01-26/A1 /out/2024-01-26/20240126_A01.pdf',
      '1 2024-01-26/A2 /out/2024-01-26/20240126_A02.pdf',
      '2 2024-02-02/A1 /out/2024-02-02/20240202_A01.pdf',
      '3 2024-02-02/A2 /out/2024-02-02/20240202_A02.pdf',
      '4 2024-03-01/A1 /out/2024-03-01/20240301_A01.pdf',
      '5 2024-03-01/A2 /out/2024-03-01/20240301_A02.pdf',
    ]);
    // The same page file in two issues: the issue's date is part of its key.
    const keys = plans.map((plan) => (plan.ok ? plan.key : ''));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('takes issue folders and years beside single editions, and keys a page by its issue.yaml', async () => {
    cpSync(path.join(ROOT, 'content/wuzhi-2024'), path.join(work, 'wuzhi-2024'), { recursive: true });
    cpSync(path.join(ROOT, 'test/fixtures/issues/2024-01-26'), path.join(work, 'issue'), { recursive: true });
    const plan = async () => planAll((await discover(work)).entries, environment, '/out');
    const before = await plan();
    expect(before.map((p) => p.id)).toEqual(['2024-01-26/A1', '2024-01-26/A2', '2024-01-26/A3', 'wuzhi-2024']);
    const issueFile = path.join(work, 'issue', 'issue.yaml');
    writeFileSync(issueFile, readFileSync(issueFile, 'utf8').replace('{ label: A2, name: 综合新闻', '{ label: A2, name: 本地新闻'));
    const after = await plan();
    const changed = after.filter((p, i) => p.ok && before[i]!.ok && p.key !== (before[i] as { key: string }).key).map((p) => p.id);
    expect(changed).toEqual(['2024-01-26/A2']);
  });
  it('refuses the pages of a second issue folder with the same date, naming the date to correct', async () => {
    const year = path.join(work, 'same-date');
    cpSync(path.join(ROOT, 'test/fixtures/years/sample/2024-01-26'), path.join(year, '2024-01-26'), { recursive: true });
    cpSync(path.join(ROOT, 'test/fixtures/years/sample/2024-02-02'), path.join(year, '2024-02-02'), { recursive: true });
    cpSync(path.join(ROOT, 'test/fixtures/years/sample/paper.yaml'), path.join(year, 'paper.yaml'));
    // The sample's page files are named relative to it: here they are named absolutely.
    for (const date of ['2024-01-26', '2024-02-02']) {
      const file = path.join(year, date, 'issue.yaml');
      const text = readFileSync(file, 'utf8').replaceAll('../../../issues/', `${path.join(ROOT, 'test/fixtures/issues')}/`);
      writeFileSync(file, date === '2024-02-02' ? text.replace(/^date: .*$/m, 'date: 2024-01-26') : text);
    }
    const second = path.join(year, '2024-02-02', 'issue.yaml');
    const plans = await planAll((await discover(year)).entries, environment, '/out');
    expect(plans.filter((plan) => plan.ok).map((plan) => plan.id)).toEqual(['2024-01-26/A1', '2024-01-26/A2']);
    const refused = plans.filter((plan) => !plan.ok);
    expect(refused).toHaveLength(2);
    for (const plan of refused) {
      expect(plan.ok ? '' : plan.error).toContain('2024-01-26');
      expect(plan.ok ? '' : plan.error).toContain(path.join('2024-02-02', 'issue.yaml'));
    }
  });
});
