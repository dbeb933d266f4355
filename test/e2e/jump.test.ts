/**
 * Jumps (转版) and the 导读 box (issue 18, steps 3 and 4): the issue
 * test/fixtures/issues/jump renders its front page's lead cut at a line with
 * 下转第X版 under it, and the page a3.yaml opens its continuation with
 * 上接第X版. Read back from the PDFs: the two parts hold the story's text
 * exactly once, the jump lines name each other's pages, also after two pages
 * swap places in issue.yaml, and the 导读 box lists every later page.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderIssue, type IssueResult } from '../../src/issue/render.ts';
import { storyHead } from '../../src/issue/jumps.ts';
import { DUIKAI } from '../../src/defaults.ts';
import { sharedBrowser } from './support/browser.ts';
import { readBoxes } from './support/pdf.ts';
import { readGlyphs } from './support/glyphs.ts';
import { fixtureModules, moduleRects, squash, textByModule } from './support/modules.ts';
import { strandedSubheads } from './support/subheads.ts';

const ISSUE = 'test/fixtures/issues/jump';
const LEAD = fixtureModules(`${ISSUE}/a1.yaml`).find((m) => m.id === 'outlook-2024')!;
const BODY = squash(LEAD.body!.map((item) => (typeof item === 'string' ? item : item.subhead)).join(''));

/** The text of one module of a rendered page, read from its PDF inside the rectangle the build reported. */
async function moduleText(result: IssueResult, label: string, id: string): Promise<string> {
  const page = result.pages.find((p) => p.label === label)!;
  const rects = moduleRects(page.arrangement!, readBoxes(page.pdfPath).trim, DUIKAI);
  expect(rects.map((r) => r.id)).toContain(id);
  return squash(textByModule(await readGlyphs(page.pdfPath), rects).get(id)!);
}

/** The first part (without its head and jump line) and the continuation (without its 上接 line and head). */
async function parts(result: IssueResult, target: string) {
  const first = await moduleText(result, 'A1', 'outlook-2024');
  const cont = await moduleText(result, target, 'outlook-2024~cont');
  const head = squash(`${LEAD.headline!.kicker}${LEAD.headline!.title}`);
  const jump = `（下转第${target}版）`;
  const from = `（上接第A1版）${squash(LEAD.headline!.title)}`;
  expect(first.startsWith(head), first.slice(0, 30)).toBe(true);
  expect(first.endsWith(jump), first.slice(-30)).toBe(true);
  expect(cont.startsWith(from), cont.slice(0, 30)).toBe(true);
  return { first: first.slice(head.length, -jump.length), cont: cont.slice(from.length) };
}

function render(dir: string): Promise<IssueResult> {
  return sharedBrowser().then((browser) => renderIssue({ dir, outputDir: mkdtempSync(path.join(os.tmpdir(), 'folio-jump-')), browser }));
}

describe('jumps (转版) and the 导读 box in an issue', () => {
  let result: IssueResult;
  let swapped: IssueResult;
  beforeAll(async () => {
    result = await render(ISSUE);
    // The same issue with its second and third pages swapped: a3.yaml is now A2.
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'folio-jump-swap-')), 'issue');
    cpSync(ISSUE, dir, { recursive: true });
    const yaml = readFileSync(path.join(dir, 'issue.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'issue.yaml'), yaml.replace('file: a2.yaml', 'file: @@').replace('file: a3.yaml', 'file: a2.yaml').replace('file: @@', 'file: a3.yaml'));
    swapped = await render(dir);
  }, 300_000);

  it('cuts the lead at a line on A1 and continues it on A3, where the solver placed it', () => {
    expect(result.pages[0]!.jumps).toHaveLength(1);
    expect(result.pages[0]!.arrangement!.modules.find((m) => m.id === 'outlook-2024')!.jumpLines).toBeGreaterThan(0);
    expect(result.pages[2]!.arrangement!.modules.map((m) => m.id)).toContain('outlook-2024~cont');
    expect(result.pages[1]!.arrangement!.modules.map((m) => m.id)).not.toContain('outlook-2024~cont');
  });

  it('prints the first part and the continuation with exactly the story\'s text: no line lost or doubled', async () => {
    const { first, cont } = await parts(result, 'A3');
    expect(first.length).toBeGreaterThan(0);
    expect(cont.length).toBeGreaterThan(0);
    expect(first + cont).toBe(BODY);
    // The split the runtime reported is where the first part ends on the page.
    const story = { lead: undefined, body: LEAD.body! } as Parameters<typeof storyHead>[0];
    expect(squash(storyHead(story, result.pages[0]!.jumps[0]!.split).join(''))).toBe(first);
  });

  // 背题 in the cut first part too: the cut moves lines, and a subhead must not end up at a column foot.
  it('keeps every subhead of every page with its text, the cut first part included', async () => {
    const stranded: string[] = [];
    for (const page of result.pages) {
      const trim = readBoxes(page.pdfPath).trim;
      for (const s of strandedSubheads(await readGlyphs(page.pdfPath), moduleRects(page.arrangement!, trim, DUIKAI), trim, DUIKAI)) stranded.push(`${page.label} ${s.module}: ${s.subhead}`);
    }
    expect(stranded).toEqual([]);
  });

  it('names the pages by the issue\'s labels after the pages swap: 下转第A2版 and 上接第A1版, the text still whole', async () => {
    expect(swapped.pages.map((p) => p.label)).toEqual(['A1', 'A2', 'A3']);
    expect(path.basename(swapped.issue.pages[1]!.file)).toBe('a3.yaml');
    const { first, cont } = await parts(swapped, 'A2');
    expect(first + cont).toBe(BODY);
  });

  it('lists every later page\'s label, 版名 and lead headlines in the 导读 box, in page order, also after the swap', async () => {
    const expected = (pages: [string, string][]) => squash(`导读${pages.map(([label, title]) => `${label}综合新闻${title}`).join('')}`);
    const a2Lead = '擎旗领跑 勇闯高质量发展新路';
    const a3Lead = '软硬兼施建管并重 在突出城乡提质上见成效';
    expect(await moduleText(result, 'A1', 'index')).toBe(expected([['A2', a2Lead], ['A3', a3Lead]]));
    expect(await moduleText(swapped, 'A1', 'index')).toBe(expected([['A2', a3Lead], ['A3', a2Lead]]));
  });
});
