/**
 * The fixture texts (invented, about a fictional county): each imports without
 * error and gives YAML the loader accepts, with the structure its style calls for.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEdition } from '../../../../src/content/load.ts';
import type { Edition } from '../../../../src/content/schema.ts';
import { importFile } from '../../../../src/content/import/import.ts';

const FIXTURES = path.resolve('test', 'fixtures', 'import');
const load = async (name: string) => {
  const result = await importFile(path.join(FIXTURES, name));
  return { ...result, parsed: parseEdition(result.yaml, name) as Edition };
};

describe('every fixture text', () => {
  const names = readdirSync(FIXTURES).filter((name) => name.endsWith('.txt'));

  it('is there: at least four', () => {
    expect(names.length).toBeGreaterThanOrEqual(4);
  });

  it.each(names)('%s imports and validates with parseEdition', async (name) => {
    const { parsed, yaml, summary } = await load(name);
    expect(parsed.sections.length).toBeGreaterThan(0);
    expect(yaml.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/edition.schema.json');
    expect(summary[0]).toContain(name);
    // No half-width , ; ( ) left next to Chinese text anywhere.
    expect(yaml).not.toMatch(/\p{Script=Han}[,;()]|[,;()]\p{Script=Han}/u);
  });
});

describe('no-honors.txt', () => {
  it('has no honors box, two bands, credits on their captions and a caption inside a section', async () => {
    const { parsed } = await load('no-honors.txt');
    expect(parsed.honors).toBeUndefined();
    expect(parsed.headline).toEqual({ title: '茶香漫山 富民有道', deck: '某县做强茶产业助力乡村振兴纪实' });
    expect(parsed.byline).toBe('本报记者 张晓 通讯员 王林');
    expect(parsed.sections.map((s) => [s.id, s.label, s.year])).toEqual([['section-2023', '成效', 2023], ['section-2024', '展望', 2024]]);
    expect(parsed.sections[1]!.lead).toBeUndefined();
    expect(parsed.photos.map((p) => [p.credit, p.section])).toEqual([['本报记者 张晓 摄', undefined], [undefined, undefined], [undefined, 'section-2023']]);
    expect(parsed.sections[0]!.articles[0]).toMatchObject({ label: '产业', title: '从“卖原料”到“卖品牌”' });
    expect(parsed.sections[0]!.articles[0]!.paragraphs).toHaveLength(2);
    expect(parsed.credit).toBe('（本版照片除署名外均由某县融媒体中心提供）');
  });
});

describe('dash-deck.txt', () => {
  it('keeps the —— deck, strips numbered list markers and reports the odd lines', async () => {
    const { parsed, warnings } = await load('dash-deck.txt');
    expect(parsed.headline.deck).toBe('——某县深化“放管服”改革优化营商环境纪实');
    expect(parsed.honors).toEqual(['全省营商环境评价优秀县', '全省“一网通办”工作先进县', '全市“万人助万企”活动先进单位']);
    expect(parsed.photos[0]).toMatchObject({ caption: expect.stringMatching(/^组图/), credit: '本报记者 陈静 摄' });
    // 新年度主要目标 has no paragraph under it: kept as text (the lead of its section), not dropped.
    expect(parsed.sections[1]!.lead).toBe('新年度主要目标');
    expect(warnings.some((w) => w.line === 31 && /no paragraph under it/.test(w.message))).toBe(true);
    expect(warnings.some((w) => w.line === 37 && /cut off/.test(w.message))).toBe(true);
    expect(parsed.sections[1]!.articles[0]!.paragraphs.at(-1)).toMatch(/发展环境$/);
  });
});

describe('box-byline.txt', () => {
  it('strips the □, makes one section labelled 正文 (reported) with the first paragraph as lead', async () => {
    const { parsed, warnings, yaml } = await load('box-byline.txt');
    expect(parsed.byline).toBe('本报记者 刘洋');
    expect(warnings.some((w) => /removed the □ marker/.test(w.message))).toBe(true);
    expect(parsed.sections).toHaveLength(1);
    expect(parsed.sections[0]).toMatchObject({ id: 'section-1', label: '正文' });
    expect(parsed.sections[0]!.year).toBeUndefined();
    expect(warnings.some((w) => /section labelled 正文/.test(w.message))).toBe(true);
    expect(yaml).toContain('# no section band in the source: 正文 is a placeholder label');
    expect(parsed.sections[0]!.lead).toMatch(/^今年以来/);
    expect(parsed.sections[0]!.articles.map((a) => [a.label, a.title])).toEqual([
      [undefined, '一、良田良种打基础'],
      [undefined, '二、农机农技添动力'],
      [undefined, '三、社会化服务解难题'],
    ]);
    expect(parsed.photos).toEqual([{ id: 'photo-1', caption: '某镇村民驾驶收割机抢收玉米。', section: 'section-1' }]);
    expect(parsed.sections[0]!.articles[1]!.paragraphs[0]).toContain('1.2万台（套）');
  });
});

describe('traditional.txt', () => {
  it('recognises traditional bylines and credits and keeps Latin runs as they are', async () => {
    const { parsed } = await load('traditional.txt');
    expect(parsed.byline).toBe('本報記者 陳明');
    expect(parsed.honors).toEqual(['全國新型智慧城市試點城市', '省級數字經濟創新發展試驗區']);
    expect(parsed.photos[0]!.credit).toBe('新華社記者 林青 攝');
    const text = parsed.sections.flatMap((s) => s.articles.flatMap((a) => a.paragraphs)).join('\n');
    expect(text).toContain('物聯網（Internet of Things, IoT）感知設備');
    expect(text).toContain('www.example.gov.cn/?id=1');
    expect(text).toContain('約為1:2.');
    expect(parsed.sections[0]!.articles[1]).toMatchObject({ label: '應用', title: 'AI讓城市更聰明' });
    expect(parsed.credit).toBe('（本版圖片除署名外均由某市大數據中心提供）');
  });
});
