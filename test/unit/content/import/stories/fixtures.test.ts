/**
 * The multi-story fixtures (test/fixtures/import/stories/, built from the
 * Wuzhi source's own blocks) and how `folio import` chooses between one
 * feature and a page of stories (issue 17, Import).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile, type PageImportResult } from '../../../../../src/content/import/import.ts';
import type { StoryModule } from '../../../../../src/content/v2/modules.ts';
import { PageSchema } from '../../../../../src/content/v2/page.ts';
import { lostText } from '../../../../e2e/support/round-trip.ts';
import { SOURCE_FILE } from '../../../../e2e/support/source.ts';

const STORIES = path.resolve('test', 'fixtures', 'import', 'stories');
const FEATURES = path.resolve('test', 'fixtures', 'import');

async function load(file: string) {
  const result = await importFile(file);
  if (result.shape !== 'stories') throw new Error(`${file} imported as ${result.shape}, not as a page of stories`);
  const stories = PageSchema.parse(result.page).modules.filter((m): m is StoryModule => m.kind === 'story');
  return { ...result, stories };
}
const warned = (result: PageImportResult, line: number, pattern: RegExp) => result.warnings.some((w) => w.line === line && pattern.test(w.message));

describe('how folio import chooses', () => {
  it('the Wuzhi source and the feature fixtures stay one feature (v1), as before', async () => {
    const features = [SOURCE_FILE, ...readdirSync(FEATURES).filter((n) => n.endsWith('.txt')).map((n) => path.join(FEATURES, n))];
    for (const file of features) {
      const result = await importFile(file);
      expect(result.shape, file).toBe('feature');
      expect(result.yaml).not.toMatch(/^version: 2/m);
    }
  });

  it('a text with several stories becomes a v2 page of stories', async () => {
    for (const name of readdirSync(STORIES).filter((n) => n.endsWith('.txt'))) {
      const { yaml, page } = await load(path.join(STORIES, name));
      expect(yaml).toMatch(/^version: 2$/m);
      expect(page.modules.length).toBeGreaterThan(1);
    }
  });

  it('--as stories reads even the Wuzhi feature text as stories, losing nothing', async () => {
    const result = await importFile(SOURCE_FILE, { as: 'stories' });
    expect(PageSchema.safeParse(result.page).success).toBe(true);
    expect(lostText(readFileSync(SOURCE_FILE, 'utf8'), result.page, result.dropped)).toEqual([]);
  });
});

describe('wuzhi-stories.txt', () => {
  it('splits into its six stories, with datelines, bylines and sign-offs in their fields', async () => {
    const { stories } = await load(path.join(STORIES, 'wuzhi-stories.txt'));
    expect(stories.map((s) => [s.headline.title, s.headline.deck, s.dateline, s.byline, s.signoff])).toEqual([
      ['产业 计划谋篇破局 转型发展势头强劲', undefined, '本报讯', undefined, undefined],
      ['民生 保障更加有力 社会平安大局稳定', undefined, undefined, '本报记者 某某', '（完）'],
      ['党建 引领保障发展 治理效能不断提升', undefined, undefined, undefined, undefined],
      ['聚力 构建现代化产业体系', '——在突出工业强县上见成效', '本报讯', '（记者 某某）', undefined],
      ['聚力 守牢安全发展底线 在维护大局稳定上见成效', undefined, '本报讯', undefined, undefined],
      ['聚力 持续改善民生 在促进共享发展上见成效', undefined, '本报讯', undefined, undefined],
    ]);
    expect(stories.map((s) => s.body.length)).toEqual([2, 2, 1, 1, 1, 1]);
  });

  it('makes the Wuzhi caption run with its 摄 line five captions, the credit on the last', async () => {
    const { stories } = await load(path.join(STORIES, 'wuzhi-stories.txt'));
    expect(stories[0]!.photos.map((p) => p.credit)).toEqual([undefined, undefined, undefined, undefined, '本报记者 贾蓝 摄']);
    expect(stories[0]!.photos[4]!.caption).toMatch(/^组图/);
    expect(stories.slice(1).flatMap((s) => s.photos)).toEqual([]);
  });

  it('keeps the repeated story once, flags the cut-off paragraph, puts the page credit in the furniture, loses nothing', async () => {
    const file = path.join(STORIES, 'wuzhi-stories.txt');
    const result = await load(file);
    expect(result.dropped).toEqual([62, 64, 66]);
    expect(warned(result, 62, /repeats the one at line 50/)).toBe(true);
    expect(warned(result, 60, /cut off/)).toBe(true);
    expect(result.page.furniture?.credit).toBe('（本版照片除署名外均由武陟县委宣传部提供）');
    expect(lostText(readFileSync(file, 'utf8'), result.page, result.dropped)).toEqual([]);
  });
});

describe('layout-cases.txt', () => {
  it('three short lead paragraphs set apart stay paragraphs; the caption above its credit and the 图为 line are captions', async () => {
    const result = await load(path.join(STORIES, 'layout-cases.txt'));
    const [first, second, third] = result.stories;
    expect(first!.body).toHaveLength(3);
    expect(first!.photos).toEqual([]);
    expect(first!.signoff).toBe('（完）');
    expect(second).toMatchObject({ dateline: '本报讯', byline: '（记者 某某）' });
    expect(second!.body).toHaveLength(2);
    expect(second!.photos.map((p) => [p.caption, p.credit])).toEqual([
      ['河南江河纸业股份有限公司全貌', '本报记者 某某 摄'],
      ['图为武陟县第二人民医院新院区建成投入使用。', undefined],
    ]);
    expect(third!.headline).toMatchObject({ kicker: '主要预期目标', title: '聚力 依靠改革破解瓶颈', deck: '在突出创新驱动上见成效' });
    expect(third).toMatchObject({ byline: '本报记者 某某', signoff: '（本报记者 某某）' });
    expect(third!.body[1]).toEqual({ subhead: '抢抓机遇谋划项目' });
  });
});
