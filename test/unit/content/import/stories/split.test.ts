/**
 * The story splitter, rule by rule (issue 17, Import), through the import
 * itself (`importText(…, { as: 'stories' })`), so each rule is checked on the
 * page it produces. The paragraphs and headlines are the Wuzhi source's own
 * (test/fixtures/source/wuzhi-2024.txt); bylines and credits use the
 * placeholder 某某, wire datelines the placeholder 某地 and 1月1日.
 */
import { describe, expect, it } from 'vitest';
import { importText, type PageImportResult } from '../../../../../src/content/import/import.ts';
import type { StoryModule } from '../../../../../src/content/v2/modules.ts';
import { PageSchema } from '../../../../../src/content/v2/page.ts';
import { lostText } from '../../../../e2e/support/round-trip.ts';

const H1 = '聚力 守牢安全发展底线 在维护大局稳定上见成效';
const H2 = '产业 计划谋篇破局 转型发展势头强劲';
const H3 = '民生 保障更加有力 社会平安大局稳定';
const P1 = '坚决维护意识形态安全，营造清朗网络空间和良好舆论氛围。';
const P2 = '坚决守住安全生产底线，遏制重特大安全事故发生，不断提升本质安全水平。';
const P3 = '坚决守护生态红线，坚定不移走生态优先、绿色发展之路。';
const LONG = '全力实施“325”产业计划，即提质增效装备制造、现代纸品、生物医药三大主导产业，聚焦聚力汽车零部件和都市生活服务两大主攻方向，用三年时间实现规模以上工业企业主营业务收入超500亿元。';
const LONG2 = '民生支出占一般公共预算支出的82.4%，34项重点民生项目全部完成。';

/** Imports as a page of stories; checks it against PageSchema and that nothing was lost. */
function page(text: string): PageImportResult & { stories: StoryModule[] } {
  const result = importText(text, { as: 'stories', sourceName: 'raw.txt' });
  const parsed = PageSchema.parse(result.page);
  expect(lostText(text, result.page, result.dropped)).toEqual([]);
  return { ...result, stories: parsed.modules.filter((m): m is StoryModule => m.kind === 'story') };
}
const warned = (result: PageImportResult, line: number, pattern: RegExp) => result.warnings.some((w) => w.line === line && pattern.test(w.message));

describe('where a story starts', () => {
  it('at a headline with a dateline or byline under it, each story with its own fields', () => {
    const { stories } = page([H1, '本报讯', P1, '', H2, '本报记者 某某', LONG].join('\n'));
    expect(stories.map((s) => [s.id, s.headline.title, s.dateline, s.byline, s.body])).toEqual([
      ['story-1', H1, '本报讯', undefined, [P1]],
      ['story-2', H2, undefined, '本报记者 某某', [LONG]],
    ]);
  });

  it('a dateline run on into the first paragraph gives dateline, byline and paragraph', () => {
    const { stories } = page([H1, `本报讯（记者 某某）${P1}`, P2, H2, `新华社某地1月1日电（记者 某某）${LONG}`].join('\n'));
    expect(stories[0]).toMatchObject({ dateline: '本报讯', byline: '（记者 某某）', body: [P1, P2] });
    expect(stories[1]).toMatchObject({ dateline: '新华社某地1月1日电', byline: '（记者 某某）', body: [LONG] });
  });

  it('reads 1–3 headline lines: title; title and —— deck; kicker, title and deck', () => {
    const { stories, warnings } = page(['主要预期目标', '聚力 依靠改革破解瓶颈', '在突出创新驱动上见成效', '本报讯', LONG, '', '聚力 构建现代化产业体系', '——在突出工业强县上见成效', '本报讯', P1].join('\n'));
    expect(stories[0]!.headline).toMatchObject({ kicker: '主要预期目标', title: '聚力 依靠改革破解瓶颈', deck: '在突出创新驱动上见成效' });
    expect(stories[1]!.headline).toMatchObject({ title: '聚力 构建现代化产业体系', deck: '——在突出工业强县上见成效' });
    expect(warnings.some((w) => /two-line headline/.test(w.message))).toBe(false);
  });

  it('after a sign-off, a headline starts a story without a dateline', () => {
    const { stories } = page([H1, '本报讯', P1, '（完）', H2, LONG].join('\n'));
    expect(stories.map((s) => [s.headline.title, s.signoff])).toEqual([[H1, '（完）'], [H2, undefined]]);
  });

  it('a single headline-like line with no dateline, byline or sign-off is a subhead of its story, with a warning', () => {
    const result = page([H1, '本报讯', P1, '抢抓机遇谋划项目', P2].join('\n'));
    expect(result.stories).toHaveLength(1);
    expect(result.stories[0]!.body).toEqual([P1, { subhead: '抢抓机遇谋划项目' }, P2]);
    expect(warned(result, 4, /read as a subhead/)).toBe(true);
    expect(result.yaml).toContain('# read as a subhead');
  });

  it('a two-line headline block with nothing under it to prove it is taken as a story, and said so', () => {
    const result = page([H1, '本报讯', P1, '', '聚力 依靠改革破解瓶颈', '在突出创新驱动上见成效', LONG].join('\n'));
    expect(result.stories.map((s) => s.headline.title)).toEqual([H1, '聚力 依靠改革破解瓶颈']);
    expect(warned(result, 5, /no dateline or byline under it: taken as the headline of a new story/)).toBe(true);
  });
});

describe('paragraphs', () => {
  it('are the same whether separated by blank lines or by single newlines', () => {
    const single = page([H1, '本报讯', P1, P2, P3].join('\n')).stories;
    const blank = page([H1, '本报讯', P1, P2, P3].join('\n\n')).stories;
    expect(single[0]!.body).toEqual([P1, P2, P3]);
    expect(blank).toEqual(single);
  });

  // Issue 17: a wire story's three short lead paragraphs became three invented photo slots.
  it('three short lead paragraphs set apart by wide gaps stay three paragraphs, never photo slots', () => {
    const text = [H1, '本报讯', '', '', P1, '', '', P2, '', '', P3, '', '', H2, '本报讯', LONG].join('\n');
    // folio import without --as reads this text as stories (before issue 17 it made the three paragraphs photo-1…3).
    expect(importText(text).shape).toBe('stories');
    const result = page(text);
    expect(result.stories[0]!.body).toEqual([P1, P2, P3]);
    expect(result.stories.flatMap((s) => s.photos)).toEqual([]);
    // Unsure (laid out like captions): text stays text, and the warning says what was guessed.
    for (const line of [5, 8, 11]) expect(warned(result, line, /set apart like a photo caption.*kept as a paragraph/)).toBe(true);
  });

  it('a short paragraph is never a caption for being short', () => {
    const { stories, warnings } = page([H1, '本报讯', '全县开展活动。', LONG2].join('\n'));
    expect(stories[0]!.body).toEqual(['全县开展活动。', LONG2]);
    expect(stories[0]!.photos).toEqual([]);
    expect(warnings.some((w) => /caption/.test(w.message))).toBe(false);
  });
});

describe('photo captions, only on evidence', () => {
  // Issue 17: a county-economy story's one photo caption became an article subhead.
  it('a caption without terminal punctuation above its 摄 credit is a caption, not a subhead or a headline', () => {
    const text = [H2, '本报讯', LONG, '河南江河纸业股份有限公司全貌', '本报记者 某某 摄', LONG2, H3, '本报讯', P1].join('\n');
    expect(importText(text).shape).toBe('stories');
    const result = page(text);
    expect(result.stories.map((s) => s.headline.title)).toEqual([H2, H3]);
    const story = result.stories[0]!;
    expect(story.body).toEqual([LONG, LONG2]);
    expect(story.body.some((part) => typeof part !== 'string')).toBe(false);
    expect(story.photos).toEqual([{ id: 'story-1-photo-1', caption: '河南江河纸业股份有限公司全貌', credit: '本报记者 某某 摄' }]);
  });

  it('a 图为… line is a caption, with the credit under it when there is one', () => {
    const { stories } = page([H2, '本报讯', LONG, '图为武陟县第二人民医院新院区建成投入使用。', '某县融媒体中心供图'].join('\n'));
    expect(stories[0]!.photos).toEqual([{ id: 'story-1-photo-1', caption: '图为武陟县第二人民医院新院区建成投入使用。', credit: '某县融媒体中心供图' }]);
    expect(stories[0]!.body).toEqual([LONG]);
  });

  it('the Wuzhi caption layout: captions set apart by wide gaps, the run closed by its 摄 line', () => {
    const captions = ['国药集团容生制药有限公司是国内最大的注射剂生产企业之一。', '河南发展高层论坛·第四届黄河论坛在“中国黄河文化之乡”武陟举行。'];
    const { stories } = page([H2, '本报讯', LONG, '', '', '', captions[0], '', '', '', captions[1], '', '本报记者 贾蓝 摄', '', H3, '本报讯', LONG2].join('\n'));
    expect(stories[0]!.photos.map((p) => [p.caption, p.credit])).toEqual([[captions[0], undefined], [captions[1], '本报记者 贾蓝 摄']]);
    expect(stories[0]!.body).toEqual([LONG]);
  });

  it('declares every photo a placeholder: no file is invented', () => {
    const { stories, yaml } = page([H2, '本报讯', LONG, '图为武陟县第二人民医院新院区建成投入使用。'].join('\n'));
    expect(stories[0]!.photos[0]!.file).toBeUndefined();
    expect(yaml).toMatch(/# line 4 is a caption on evidence: its own words/);
  });
});

describe('sign-offs', () => {
  it('（本报记者 X） run on at the end of the last paragraph is the sign-off', () => {
    const { stories } = page([H1, '本报讯', P1, `${P2}（本报记者 某某）`].join('\n'));
    expect(stories[0]).toMatchObject({ body: [P1, P2], signoff: '（本报记者 某某）' });
  });

  it('a plain byline after the text is the sign-off field, but no proof that the next headline starts a story', () => {
    const { stories } = page([H1, '本报讯', P1, '本报记者 某某', '抢抓机遇谋划项目', P2].join('\n'));
    expect(stories).toHaveLength(1);
    expect(stories[0]!.body).toEqual([P1, '本报记者 某某', { subhead: '抢抓机遇谋划项目' }, P2]);
    const signed = page([H1, '本报讯', P1, '本报记者 某某'].join('\n')).stories;
    expect(signed[0]).toMatchObject({ body: [P1], signoff: '本报记者 某某' });
  });

  it('a sign-off with the story going on after it stays a paragraph, said so', () => {
    const result = page([H1, '本报讯', P1, '（完）', P2].join('\n'));
    expect(result.stories[0]).toMatchObject({ body: [P1, '（完）', P2] });
    expect(result.stories[0]!.signoff).toBeUndefined();
    expect(warned(result, 4, /story goes on after it/)).toBe(true);
  });
});

describe('nothing invented, nothing lost', () => {
  it('sets no rank, lead or file, and ids are slugs by position', () => {
    const { page: written } = page([H1, '本报讯', P1, H2, '本报讯', LONG].join('\n'));
    for (const module of written.modules) {
      expect(module).not.toHaveProperty('rank');
      expect(module).not.toHaveProperty('lead');
    }
    expect(written.modules.map((m) => m.id)).toEqual(['story-1', 'story-2']);
  });

  it('keeps two stories that share a headline (identity is by id), and drops a story repeated word for word', () => {
    const result = page([H1, '本报讯', P1, H1, '本报讯', P2, H1, '本报讯', P1].join('\n'));
    expect(result.stories.map((s) => [s.headline.title, s.body])).toEqual([[H1, [P1]], [H1, [P2]]]);
    expect(result.dropped).toEqual([7, 8, 9]);
    expect(warned(result, 7, /repeats the one at line 1: kept once/)).toBe(true);
  });

  it('a headline with no paragraph under it joins the story before it as text', () => {
    const result = page([H1, '本报讯', P1, H2, '本报讯', H3, '本报记者 某某', LONG].join('\n'));
    expect(result.stories.map((s) => s.headline.title)).toEqual([H1, H3]);
    expect(result.stories[0]!.body).toEqual([P1, H2, '本报讯']);
    expect(warned(result, 4, /has no paragraph under it: joined with the story before it/)).toBe(true);
  });
});
