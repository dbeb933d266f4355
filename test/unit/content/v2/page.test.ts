import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadEdition } from '../../../../src/content/load.ts';
import { PageSchema } from '../../../../src/content/v2/page.ts';
import { featurePageAsEdition, upgradeV1 } from '../../../../src/content/v2/upgrade.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const story = (id: string, extra: Record<string, unknown> = {}) => ({
  kind: 'story',
  id,
  headline: { title: `标题${id}` },
  body: ['第一段。', { subhead: '小标题' }, '第二段。'],
  ...extra,
});

/** The messages and field paths of a page that must not validate. */
function problems(page: unknown): string[] {
  const result = PageSchema.safeParse(page);
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('schema v2', () => {
  it.each(['wuzhi-2024', 'wuzhi-2023-only', 'wuzhi-2024-dense'])('reads %s as a one-feature page and back, unchanged', async (name) => {
    const { edition } = await loadEdition(path.join(root, 'content', name));
    const page = PageSchema.parse(upgradeV1(edition));
    expect(page.modules.map((m) => m.kind)).toEqual(['feature']);
    expect(featurePageAsEdition(page)).toEqual(edition);
  });

  it('takes a news page of stories, a photo, a box and a pinned ad, with defaults filled in', () => {
    const page = PageSchema.parse({
      version: 2,
      paper: { name: '示例报', page: 'A2' },
      modules: [
        story('lead', { rank: 1, dateline: '本报讯', photos: [{ id: 'p1', caption: '图为示例。' }] }),
        story('second', { headline: { title: '竖排标题', orientation: 'vertical' } }),
        { kind: 'photo', id: 'big-photo', caption: '独立图片。' },
        { kind: 'box', id: 'notice', title: '公告', paragraphs: ['公告正文。'] },
        { kind: 'ad', id: 'ad', pin: { column: 0, line: 84, columns: 8, lines: 20 } },
      ],
    });
    expect(page.modules.map((m) => m.id)).toEqual(['lead', 'second', 'big-photo', 'notice', 'ad']);
    expect(page.furniture).toEqual({ masthead: false, folioLine: true });
    expect(page.modules[1]).toMatchObject({ rank: 3, headline: { orientation: 'vertical' }, photos: [] });
  });

  it('names the field that belongs to another kind', () => {
    expect(problems({ version: 2, modules: [{ kind: 'box', id: 'b', items: ['一'], dateline: '本报讯' }] })).toEqual([
      expect.stringMatching(/^modules\.0: .*dateline/),
    ]);
  });

  it('refuses ids used twice across modules and their photos', () => {
    const page = { version: 2, modules: [story('a', { photos: [{ id: 'b', caption: '图。' }] }), story('b')] };
    expect(problems(page)).toEqual([expect.stringMatching(/^modules\.1\.id: id "b" is used twice/)]);
  });

  it('refuses pins outside the grid or over another pin', () => {
    const page = {
      version: 2,
      modules: [
        story('a', { pin: { column: 6, line: 0, columns: 4, lines: 10 } }),
        story('b', { pin: { column: 0, line: 0, columns: 4, lines: 30 } }),
        story('c', { pin: { column: 2, line: 20, columns: 4, lines: 30 } }),
      ],
    };
    const found = problems(page);
    expect(found).toContainEqual(expect.stringMatching(/^modules\.0\.pin: .*outside the 8-column, 104-line/));
    expect(found).toContainEqual(expect.stringMatching(/^modules\.2\.pin: the pin overlaps the pin of "b"/));
  });

  it('wants an ad to have a size', () => {
    const found = problems({ version: 2, modules: [story('a'), { kind: 'ad', id: 'ad', pin: { column: 0, line: 90 } }] });
    expect(found).toContainEqual(expect.stringMatching(/^modules\.1\.pin\.columns/));
  });

  it('wants a box to hold one of items, paragraphs or index, not two', () => {
    expect(problems({ version: 2, modules: [{ kind: 'box', id: 'b', items: ['一'], paragraphs: ['二'] }] })).toEqual([
      'modules.0.items: a box holds one of items, paragraphs or index',
    ]);
  });
});
