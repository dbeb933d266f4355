import { describe, expect, it } from 'vitest';
import { PageSchema } from '../../../src/content/v2/page.ts';
import { continuationModule, indexEntries, indexEntry, jumpTargetOf, storyHead, storyRest, type IssuePageContent } from '../../../src/issue/jumps.ts';
import type { StoryModule } from '../../../src/content/v2/modules.ts';

const STORY = {
  kind: 'story',
  id: 'lead',
  rank: 1,
  headline: { kicker: '引题', title: '主题 两部分', orientation: 'horizontal' },
  lead: '导语一二三四五',
  body: ['第一段甲乙丙丁。', { subhead: '小标题' }, '第二段子丑寅卯辰巳。', '第三段。'],
  photos: [],
  signoff: '（完）',
} as StoryModule;

/** Everything a story prints as text, in order, without the head. */
const whole = (story: StoryModule) => [story.lead ?? '', ...story.body.map((item) => (typeof item === 'string' ? item : item.subhead)), story.signoff ?? ''].join('');
const restText = (rest: NonNullable<ReturnType<typeof storyRest>>) => [...rest.body.map((item) => (typeof item === 'string' ? item : item.subhead)), rest.signoff ?? ''].join('');

describe('storyRest and storyHead: a story split at a line boundary', () => {
  it('continues a paragraph cut mid-way with its tail, unindented, then every later item', () => {
    const rest = storyRest(STORY, { item: 2, offset: 3 })!;
    expect(rest.tail).toBe(true);
    expect(rest.body).toEqual(['子丑寅卯辰巳。', '第三段。']);
    expect(rest.signoff).toBe('（完）');
    expect(storyHead(STORY, { item: 2, offset: 3 })).toEqual(['导语一二三四五', '第一段甲乙丙丁。', '小标题', '第二段']);
  });

  it('loses and doubles nothing at any offset of any item: head + rest = the whole text', () => {
    const items: ('lead' | number)[] = ['lead', 0, 1, 2, 3];
    for (const item of items) {
      const text = item === 'lead' ? STORY.lead! : STORY.body[item]!;
      const length = typeof text === 'string' ? text.length : 0;
      for (let offset = 0; offset < Math.max(1, length); offset += 1) {
        const rest = storyRest(STORY, { item, offset })!;
        expect(storyHead(STORY, { item, offset }).join('') + restText(rest), `${item}:${offset}`).toBe(whole(STORY));
        expect(rest.tail, `${item}:${offset}`).toBe(offset > 0);
      }
    }
  });

  it('moves a whole paragraph (indented) or subhead when the split is at its start', () => {
    expect(storyRest(STORY, { item: 1, offset: 0 })).toEqual({ body: [{ subhead: '小标题' }, '第二段子丑寅卯辰巳。', '第三段。'], signoff: '（完）', tail: false });
    expect(storyRest(STORY, { item: 'lead', offset: 2 })!.body[0]).toBe('一二三四五');
  });

  it('has nothing to continue when only the sign-off is left out, and refuses an item the story has not', () => {
    expect(storyRest(STORY, { item: 'signoff', offset: 0 })).toBeUndefined();
    expect(() => storyRest(STORY, { item: 9, offset: 0 })).toThrow(RangeError);
  });
});

describe('continuationModule', () => {
  it('is a valid story on the target page: 上接 the source page, the title only, the rest of the text', () => {
    const module = continuationModule(STORY, { item: 2, offset: 3 }, 'A1')!;
    expect(module).toMatchObject({ id: 'lead~cont', headline: { title: '主题 两部分' }, continued: { from: 'A1', tail: true } });
    expect(module).not.toHaveProperty('lead');
    const page = PageSchema.parse({ version: 2, modules: [module] });
    expect(page.modules[0]!.kind).toBe('story');
  });

  it('keeps the ~cont id for continuations: an editor\'s story cannot take it', () => {
    expect(PageSchema.safeParse({ version: 2, modules: [{ ...STORY, id: 'x~cont' }] }).success).toBe(false);
  });
});

describe('the 导读 box', () => {
  const page = (label: string, modules: unknown[]): IssuePageContent => ({ label, name: `${label} 版名`, file: `${label}.yaml`, page: PageSchema.parse({ version: 2, modules }) });
  const story = (id: string, rank: number, title: string, extra = {}) => ({ kind: 'story', id, rank, headline: { title }, body: ['一段。'], ...extra });
  const pages = [
    page('A1', [story('a', 1, '头版头条')]),
    page('A2', [story('b', 2, '二版次条'), story('c', 1, '二版头条'), story('d', 1, '二版又一头条')]),
    page('A3', [story('e', 3, '三版'), story('f', 2, '三版头条'), story('a~cont', 9, '头版头条', { continued: { from: 'A1', tail: false } })]),
  ];

  it('lists each later page in order with its label, 版名 and the headlines of its lead-rank stories', () => {
    expect(indexEntries(pages, 0)).toEqual([
      { label: 'A2', name: 'A2 版名', headlines: ['二版头条', '二版又一头条'] },
      { label: 'A3', name: 'A3 版名', headlines: ['三版头条'] },
    ]);
  });

  it('leaves continuations out: they are not the page\'s own stories', () => {
    expect(indexEntry(pages[2]!).headlines).not.toContain('头版头条');
  });
});

describe('jumpTargetOf', () => {
  const pages = [{ label: 'A1', file: 'a1.yaml' }, { label: 'A2', file: 'a2.yaml' }, { label: 'A3', file: 'a3.yaml' }];
  it('finds a page by its label in any case, or by its file, and answers -1 for neither', () => {
    expect(jumpTargetOf('A3', pages)).toBe(2);
    expect(jumpTargetOf('a2', pages)).toBe(1);
    expect(jumpTargetOf('a3.yaml', pages)).toBe(2);
    expect(jumpTargetOf('B1', pages)).toBe(-1);
  });
});
