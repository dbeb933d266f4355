/**
 * Cleaning and the schema's rules on small texts: repeats, merges, empty
 * subheads and bands, sections without subheads, orphan credits.
 */
import { describe, expect, it } from 'vitest';
import { parseEdition } from '../../../../src/content/load.ts';
import { importText } from '../../../../src/content/import/import.ts';

const LEAD = '今年以来，某县坚持把发展作为第一要务，统筹推进各项工作，经济运行稳中向好，重点项目建设加快推进，民生保障持续加强，社会大局和谐稳定，全县上下干事创业的氛围日益浓厚，各项事业取得新进展。';
const run = (text: string) => {
  const result = importText(text, { sourceName: 'raw.txt' });
  return { ...result, parsed: parseEdition(result.yaml, 'raw.txt') };
};

describe('repeats', () => {
  it('drops a repeated paragraph and caption, keeping the first, with a warning and a comment', () => {
    const { parsed, warnings, yaml } = run(`标题\n\n精彩 2023\n\n${LEAD}\n\n小标题\n\n第一段，内容。\n\n\n\n某地全貌。\n\n\n\n第一段，内容。\n\n\n\n某地全貌。\n\n第二段，内容。`);
    expect(parsed.sections[0]!.articles[0]!.paragraphs).toEqual(['第一段，内容。', '第二段，内容。']);
    expect(parsed.photos.map((p) => p.caption)).toEqual(['某地全貌。']);
    expect(warnings.find((w) => /paragraph “第一段，内容。” is repeated twice \(lines 9, 17\)/.test(w.message))).toMatchObject({ line: 9, endLine: 17 });
    expect(warnings.some((w) => /caption “某地全貌。” is repeated twice \(lines 13, 21\)/.test(w.message))).toBe(true);
    expect(yaml).toContain('# repeated twice in the source (lines 9, 17); kept once');
  });

  it('merges a subhead printed again with new and repeated paragraphs, in source order', () => {
    const { parsed, warnings } = run(`标题\n\n精彩 2023\n\n产业 小标题一\n\n一段，内容。\n\n民生 小标题二\n\n二段，内容。\n\n产业 小标题一\n\n一段，内容。\n\n三段，内容。`);
    expect(parsed.sections[0]!.articles).toEqual([
      { label: '产业', title: '小标题一', paragraphs: ['一段，内容。', '三段，内容。'] },
      { label: '民生', title: '小标题二', paragraphs: ['二段，内容。'] },
    ]);
    const merge = warnings.find((w) => /merged/.test(w.message));
    expect(merge).toMatchObject({ line: 5, endLine: 17 });
    expect(merge!.message).toMatch(/1 repeated paragraph kept once/);
  });

  it('drops repeated honors and bylines', () => {
    const { parsed, warnings } = run(`标题\n\n★荣誉一\n★荣誉一\n★荣誉二\n\n本报记者 某某\n\n本报记者 某某\n\n${LEAD}`);
    expect(parsed.honors).toEqual(['荣誉一', '荣誉二']);
    expect(parsed.byline).toBe('本报记者 某某');
    expect(warnings.filter((w) => /is repeated twice/.test(w.message))).toHaveLength(2);
  });
});

describe('what the schema needs', () => {
  it('a section with no subhead gets one article titled 正文 (reported, commented)', () => {
    const { parsed, warnings, yaml } = run(`标题\n\n${LEAD}\n\n第二段，内容。`);
    expect(parsed.sections).toEqual([{ id: 'section-1', label: '正文', articles: [{ title: '正文', paragraphs: [LEAD, '第二段，内容。'] }] }]);
    expect(warnings.some((w) => /no subhead in this section/.test(w.message))).toBe(true);
    expect(yaml).toContain('# no subhead in the source: 正文 is a placeholder title');
  });

  it('several paragraphs before the first subhead are joined into the lead, one per line', () => {
    const { parsed, warnings } = run(`标题\n\n精彩 2023\n\n${LEAD}\n\n第二段，内容。\n\n小标题\n\n正文，内容。`);
    expect(parsed.sections[0]!.lead).toBe(`${LEAD}\n第二段，内容。`);
    expect(warnings.some((w) => /2 paragraphs before the first subhead/.test(w.message))).toBe(true);
  });

  it('a band with nothing under it is kept as a paragraph of the section before it', () => {
    const { parsed, warnings } = run(`标题\n\n精彩 2023\n\n小标题\n\n正文，内容。\n\n蓄势 2024`);
    expect(parsed.sections).toHaveLength(1);
    expect(parsed.sections[0]!.articles[0]!.paragraphs).toEqual(['正文，内容。', '蓄势 2024']);
    expect(warnings.some((w) => w.line === 9 && /nothing under it/.test(w.message))).toBe(true);
  });

  it('two bands with the same year get distinct ids', () => {
    const { parsed } = run(`标题\n\n精彩 2023\n\n小标题\n\n正文，内容。\n\n回顾 2023\n\n小标题二\n\n正文二，内容。`);
    expect(parsed.sections.map((s) => s.id)).toEqual(['section-2023', 'section-2023-2']);
  });

  it('a photo credit with no caption above goes to the nearest caption without one, else to the page credit', () => {
    // A credit under a paragraph would make that paragraph a caption; under a band it has no caption.
    const { parsed, warnings } = run(`标题\n\n\n\n某地全貌。\n\n本报记者 某某\n\n记者 甲 摄\n\n精彩 2023\n\n记者 乙 摄\n\n小标题\n\n正文，内容。`);
    expect(parsed.photos[0]).toMatchObject({ caption: '某地全貌。', credit: '记者 甲 摄' });
    expect(parsed.credit).toBe('记者 乙 摄');
    expect(warnings.filter((w) => /photo credit/.test(w.message)).map((w) => w.line)).toEqual([9, 13]);
    expect(parsed.sections[0]!.articles[0]!.paragraphs).toEqual(['正文，内容。']);
  });
});
