/**
 * The annual volume's contents and outline as data (issue 18, step 6): volume
 * page numbers count every page of the plates before, headlines of the
 * page's lead rank are the ones listed, and the outline groups by month and
 * issue in plate order.
 */
import { describe, expect, it } from 'vitest';
import { parseContent } from '../../../src/content/load.ts';
import { pageHeadlines } from '../../../src/issue/page-headlines.ts';
import { frontMatter, type VolumePage } from '../../../src/issue/volume-contents.ts';
import { yearOutline } from '../../../src/issue/volume-annual.ts';

const page = (date: string, label: string, pages: number, titles: [string, boolean][]): VolumePage => ({ date, issueNumber: undefined, label, name: '版名', pages, headlines: titles.map(([title, lead], i) => ({ id: `s${i}`, title, lead })) });

describe('annual volume contents', () => {
  it('lists the stories of the lowest rank on the page as its leads, in file order', () => {
    const source = ['version: 2', 'paper: { name: 示例日报 }', 'modules:',
      '  - { kind: story, id: b, rank: 2, headline: { title: 乙 }, body: [正文。] }',
      '  - { kind: story, id: a, rank: 1, headline: { title: 甲  一 }, body: [正文。] }',
      '  - { kind: story, id: c, rank: 1, headline: { title: 丙 }, body: [正文。] }'].join('\n');
    expect(pageHeadlines(parseContent(source, 'page.yaml'))).toEqual([
      { id: 'b', title: '乙', lead: false },
      { id: 'a', title: '甲 一', lead: true },
      { id: 'c', title: '丙', lead: true },
    ]);
  });

  it('numbers each page from the first plate page on, counting plates of more than one page', () => {
    const pages = [page('2024-01-05', 'A1', 2, [['甲', true]]), page('2024-01-05', 'A2', 1, [['乙', true], ['丙', false]]), page('2024-02-02', 'A1', 1, [])];
    const front = frontMatter('示例日报', pages, 4);
    expect(front.issues.map((issue) => issue.rows.map((row) => `${issue.date} ${row.label} ${row.leads.join('|')} ${row.volumePage}`))).toEqual([
      ['2024-01-05 A1 甲 4', '2024-01-05 A2 乙 6'],
      ['2024-02-02 A1  7'],
    ]);
    expect(front.spanText).toBe('2024年1月5日—2024年2月2日');
    const outline = yearOutline(pages, 1);
    expect(outline.map((month) => [month.title, month.children!.map((issue) => `${issue.title}: ${issue.children!.map((p) => `${p.title}@${p.part}`).join(', ')}`)])).toEqual([
      ['2024年1月', ['2024-01-05: A1 版名@1, A2 版名@2']],
      ['2024年2月', ['2024-02-02: A1 版名@3']],
    ]);
  });
});
