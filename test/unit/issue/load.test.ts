import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import { ContentError } from '../../../src/errors.ts';
import { findIssueDir, loadIssue } from '../../../src/issue/load.ts';

const FIXTURE = 'test/fixtures/issues/2024-01-26';

/** A copy of the fixture issue under a year folder, with some of its files rewritten. */
function issueCopy(edit: Record<string, (text: string) => string> = {}): string {
  const year = mkdtempSync(path.join(os.tmpdir(), 'folio-issue-'));
  const dir = path.join(year, '2024-01-26');
  cpSync(FIXTURE, dir, { recursive: true });
  for (const [file, change] of Object.entries(edit)) writeFileSync(path.join(dir, file), change(readFileSync(path.join(dir, file), 'utf8')));
  return dir;
}

async function failure(dir: string): Promise<ContentError> {
  const error = await loadIssue(dir).then(() => undefined, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(ContentError);
  return error as ContentError;
}

describe('loadIssue', () => {
  it('reads the pages in order and fills each one\'s folio line from paper.yaml and issue.yaml', async () => {
    const issue = await loadIssue(FIXTURE);
    expect(issue.issue.date).toBe('2024-01-26');
    expect(issue.pages.map((page) => `${page.label} ${page.name} ${path.basename(page.file)}`)).toEqual(['A1 要闻 a1.yaml', 'A2 综合新闻 a2.yaml', 'A3 综合新闻 a3.yaml']);
    const a2 = await loadContent(issue.pages[1]!.file, issue.pages[1]!.overrides);
    expect('page' in a2 && a2.page.paper).toMatchObject({ name: '示例日报', date: '2024-01-26', page: 'A2', section: '综合新闻', editor: '某编辑' });
    expect(issue.pages.flatMap((page) => page.warnings)).toEqual([]);
  });

  it('finds an issue folder by the folder or its issue.yaml, and nothing in a page folder', async () => {
    expect(await findIssueDir(FIXTURE)).toBe(path.resolve(FIXTURE));
    expect(await findIssueDir(path.join(FIXTURE, 'issue.yaml'))).toBe(path.resolve(FIXTURE));
    expect(await findIssueDir('test/fixtures/pages/front')).toBeUndefined();
  });

  it('lets a page\'s own folio field win, and names it as a warning at the page\'s line', async () => {
    const dir = issueCopy({ 'a3.yaml': (text) => text.replace('paper:\n  preset: duikai\n', 'paper:\n  preset: duikai\n  page: A9\n') });
    const issue = await loadIssue(dir);
    const a3 = issue.pages[2]!;
    expect(a3.overrides.some((override) => override.path.join('.') === 'paper.page')).toBe(false);
    const loaded = await loadContent(a3.file, a3.overrides);
    expect('page' in loaded && loaded.page.paper.page).toBe('A9');
    expect(a3.warnings).toHaveLength(1);
    expect(a3.warnings[0]).toMatch(/a3\.yaml:8:9 \(paper\.page\): the page sets its own paper\.page "A9"; .*issue\.yaml:9:14 \(pages\[2\]\.label\) gives "A3"/);
  });

  it('fills a v1 feature edition\'s folio fields too, leaving out the masthead fields its schema has not', async () => {
    const feature = path.resolve('content/wuzhi-2024');
    const dir = issueCopy({ 'issue.yaml': (text) => text.replace('file: a3.yaml', `file: ${JSON.stringify(feature)}`) });
    const page = (await loadIssue(dir)).pages[2]!;
    expect(page.file).toBe(path.join(feature, 'edition.yaml'));
    expect(page.overrides.map((override) => override.path.join('.')).sort()).toEqual(['paper.date', 'paper.editor', 'paper.name', 'paper.page', 'paper.section']);
    const loaded = await loadContent(page.file, page.overrides);
    expect('edition' in loaded && loaded.edition.paper).toMatchObject({ name: '示例日报', date: '2024-01-26', page: 'A3', section: '综合新闻' });
  });

  it('finds paper.yaml in the year folder above the issue', async () => {
    const dir = issueCopy();
    cpSync(path.join(dir, 'paper.yaml'), path.join(dir, '..', 'paper.yaml'));
    rmSync(path.join(dir, 'paper.yaml'));
    expect((await loadIssue(dir)).paper.name).toBe('示例日报');
    rmSync(path.join(dir, '..', 'paper.yaml'));
    expect((await failure(dir)).message).toMatch(/no paper\.yaml/);
  });

  it('points a bad issue.yaml field at its line, with the issue file\'s own keys', async () => {
    const badLabel = await failure(issueCopy({ 'issue.yaml': (text) => text.replace('label: A2', 'label: 二版') }));
    expect(badLabel.location).toMatchObject({ line: 8, column: 14, path: 'pages[1].label' });
    expect(badLabel.location?.file).toMatch(/issue\.yaml$/);
    expect(badLabel.message).toMatch(/^issue\.yaml does not match its schema:\n {2}\S*issue\.yaml:8:14 \(pages\[1\]\.label\): a page label is letters then a number/);
    const twice = await failure(issueCopy({ 'issue.yaml': (text) => text.replace('label: A3', 'label: A2') }));
    expect(twice.location).toMatchObject({ line: 9, path: 'pages[2].label' });
    const unknown = await failure(issueCopy({ 'issue.yaml': (text) => text.replace('issueNumber: 1', 'number: 1') }));
    expect(unknown.location).toMatchObject({ line: 5, column: 1, path: 'number' });
    expect(unknown.message).toMatch(/allowed keys: date, issueNumber, pages/);
  });

  it('points a missing page file at its line in issue.yaml', async () => {
    const error = await failure(issueCopy({ 'issue.yaml': (text) => text.replace('file: a2.yaml', 'file: a4.yaml') }));
    expect(error.message).toMatch(/A2.*a4\.yaml does not exist/);
    expect(error.location).toMatchObject({ line: 8, path: 'pages[1].file' });
  });

  it('points a bad paper.yaml field at its line', async () => {
    const error = await failure(issueCopy({ 'paper.yaml': (text) => text.replace("'{date:YYYYMMDD}_{label:A01}'", "'{date:YYYYMMDD}'") }));
    expect(error.location).toMatchObject({ line: 7, path: 'plateFile' });
    expect(error.location?.file).toMatch(/paper\.yaml$/);
    expect(error.message).toMatch(/must contain \{label\}/);
  });

  it('validates every page before any renders, pointing at the page file\'s own line', async () => {
    const badPage = await failure(issueCopy({ 'a2.yaml': (text) => text.replace('furniture:', 'furniture:\n  folio: true') }));
    expect(badPage.location?.file).toMatch(/a2\.yaml$/);
    expect(badPage.location).toMatchObject({ line: 10, path: 'furniture.folio' });
  });
});

describe('loadIssue: jumps (转版) and the 导读 box', () => {
  const JUMP = 'test/fixtures/issues/jump';
  function jumpCopy(edit: (text: string) => string): string {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'folio-jump-')), 'issue');
    cpSync(JUMP, dir, { recursive: true });
    writeFileSync(path.join(dir, 'a1.yaml'), edit(readFileSync(path.join(dir, 'a1.yaml'), 'utf8')));
    return dir;
  }

  it('resolves continue: by file to the page\'s label in issue.yaml, and fills the 导读 box from the later pages', async () => {
    const issue = await loadIssue(JUMP);
    expect([...issue.pages[0]!.jumps]).toEqual([['outlook-2024', 2]]);
    const a1 = await loadContent(issue.pages[0]!.file, issue.pages[0]!.overrides);
    if (!('page' in a1)) throw new Error('a1 is a v2 page');
    const lead = a1.page.modules.find((m) => m.id === 'outlook-2024');
    expect(lead?.kind === 'story' && lead.continue).toBe('A3');
    const box = a1.page.modules.find((m) => m.id === 'index');
    expect(box?.kind === 'box' && box.index).toEqual([
      { label: 'A2', name: '综合新闻', headlines: ['擎旗领跑 勇闯高质量发展新路'] },
      { label: 'A3', name: '综合新闻', headlines: ['软硬兼施建管并重 在突出城乡提质上见成效'] },
    ]);
  });

  it('refuses a continue: that is not a later page, naming the story, the page and the line, with a fix', async () => {
    for (const target of ['A1', 'B7']) {
      const error = await failure(jumpCopy((text) => text.replace('continue: a3.yaml', `continue: ${target}`)));
      expect(error.message).toContain(`story "outlook-2024" on page A1 continues on "${target}"`);
      expect(error.location).toMatchObject({ line: 19, path: 'modules[0].continue' });
      expect(error.hint).toContain('A2, A3');
    }
  });
});
