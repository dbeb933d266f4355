import { describe, expect, it } from 'vitest';
import { phrases } from '../../../src/template/helpers.ts';

const texts = (text: string) => phrases(text).map((p) => (p.open ? `^${p.text}` : p.text));

describe('phrases (honors box line breaks, issue 19)', () => {
  it('keeps marks with their words and joins one-character words and numbers with their measure word', () => {
    expect(texts('中国新型智慧城市创新应用大赛“智成奖”')).toEqual(['中国', '新型', '智慧', '城市', '创新', '应用', '大赛', '“智成奖”']);
    expect(texts('全国首批10个“快递业与制造业融合发展试点先行区”').some((p) => p.endsWith('10个'))).toBe(true);
  });

  it('never leaves a short last phrase alone', () => {
    expect(texts('项目获首届河南慈善奖优秀慈善项目奖').at(-1)).toBe('项目奖');
  });

  it('sets a leading opening quote apart to be trimmed, and loses no character', () => {
    const text = '“武陟慈善助力乡村振兴”项目获首届河南慈善奖优秀慈善项目奖';
    expect(texts(text)[0]).toBe('^“');
    expect(phrases(text).map((p) => p.text).join('')).toBe(text);
  });
});

describe('captionPhrases (caption line breaks, issue 19)', () => {
  it('keeps a caption’s words whole and its last short phrase with the one before', async () => {
    const { captionPhrases } = await import('../../../src/template/helpers.ts');
    const caption = '国药集团容生制药有限公司是国内最大的注射剂生产企业之一。';
    const parts = captionPhrases(caption);
    expect(parts.join('')).toBe(caption);
    expect(parts.at(-1)).toBe('企业之一。');
  });

  it('keeps a leading opening mark with its word: a caption has no box edge to trim it to', async () => {
    const { captionPhrases } = await import('../../../src/template/helpers.ts');
    const caption = '“乡村都市”西滑封第四代农民住宅楼即将落成。';
    const parts = captionPhrases(caption);
    expect(parts.join('')).toBe(caption);
    expect(parts[0]!.startsWith('“')).toBe(true);
    expect(parts[0]!.length).toBeGreaterThan(1);
  });
});
