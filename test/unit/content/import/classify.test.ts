import { describe, expect, it } from 'vitest';
import { splitBlocks } from '../../../../src/content/import/blocks.ts';
import { classify, ensureBody, isByline, isPageCredit, isPhotoCredit, isTitleLike, listMarker, parseBand, splitSubhead } from '../../../../src/content/import/classify.ts';

/** A lead long enough (over 80 characters) not to pass for a caption in the page head. */
const LEAD = '今年以来，某县坚持把发展作为第一要务，统筹推进各项工作，经济运行稳中向好，重点项目建设加快推进，民生保障持续加强，社会大局和谐稳定，全县上下干事创业的氛围日益浓厚，各项事业取得新进展。';

const kinds = (text: string) => classify(splitBlocks(text).flatMap((block) => block.lines)).map((unit) => `${unit.kind}:${unit.text}`);

describe('splitBlocks', () => {
  it('numbers lines from 1 and counts the blank lines around each block', () => {
    const blocks = splitBlocks('\n\n标题\n\n\n\n说明。\n正文,继续\r\n\n尾');
    expect(blocks.map((block) => [block.startLine, block.endLine])).toEqual([[3, 3], [7, 8], [10, 10]]);
    const [title, caption, body, tail] = blocks.flatMap((block) => block.lines);
    expect([title!.gapBefore, title!.gapAfter]).toEqual([2, 3]);
    expect([caption!.gapBefore, caption!.gapAfter]).toEqual([3, 0]);
    expect([body!.text, body!.gapAfter]).toEqual(['正文，继续', 1]);
    expect(tail!.line).toBe(10);
  });
});

describe('line patterns', () => {
  it('recognises list markers', () => {
    expect(['- ★全国', '★全国', '• 全国', '1.全国', '2、全国', '（3）全国', '(4)全国'].map(listMarker)).toEqual(['- ★', '★', '• ', '1.', '2、', '（3）', '(4)']);
    expect(['1.2万人参加', '2023年，', '——副题', '-5℃低温'].map(listMarker)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('recognises bylines, photo credits and the page credit', () => {
    expect(['本报记者 董柏生', '□本报记者刘洋', '记者 王五', '通讯员 李四', '本报记者 张晓 通讯员 王林', '本報記者 陳明'].every(isByline)).toBe(true);
    expect(isByline('本报记者 贾蓝 摄')).toBe(false);
    expect(['本报记者 贾蓝 摄', '新华社记者 林青 摄', '（刘洋 摄）', '某县融媒体中心供图'].every(isPhotoCredit)).toBe(true);
    expect(isPhotoCredit('（本版照片除署名外均由武陟县委宣传部提供）')).toBe(false);
    expect(isPageCredit('（本版照片除署名外均由武陟县委宣传部提供）')).toBe(true);
  });

  it('recognises section bands and splits subhead labels', () => {
    expect(parseBand('精彩 2023')).toEqual({ label: '精彩', year: 2023 });
    expect(parseBand('蓄势2024')).toEqual({ label: '蓄势', year: 2024 });
    expect(parseBand('2023年')).toBeUndefined();
    expect(splitSubhead('产业 计划谋篇破局 转型发展势头强劲')).toEqual({ label: '产业', title: '计划谋篇破局 转型发展势头强劲' });
    expect(splitSubhead('创新驱动再造优势 改革焕发新活力')).toEqual({ title: '创新驱动再造优势 改革焕发新活力' });
    expect(isTitleLike('主要预期目标')).toBe(true);
    expect(isTitleLike('稳定扩大就业创业，妥善做好“三善做好”大')).toBe(false);
  });
});

describe('classify', () => {
  it('reads a page head: headline, deck, honors, captions with credits, byline', () => {
    expect(kinds('标题\n\n副题\n\n- ★荣誉一\n- ★荣誉二\n\n\n\n图片说明。\n\n本报记者 某某 摄\n\n本报记者 某某\n\n精彩 2023\n\n导语，很长。')).toEqual([
      'headline:标题',
      'deck:副题',
      'honor:荣誉一',
      'honor:荣誉二',
      'caption:图片说明。',
      'credit:本报记者 某某 摄',
      'byline:本报记者 某某',
      'band:精彩 2023',
      'para:导语，很长。',
    ]);
  });

  it('takes a —— line as the deck and rewrites a -- dash', () => {
    expect(kinds(`标题\n\n本报记者 某某\n\n--副题在后\n\n${LEAD}`)).toEqual(['headline:标题', 'byline:本报记者 某某', 'deck:——副题在后', `para:${LEAD}`]);
  });

  it('finds a caption inside the body only when it stands apart', () => {
    const text = '标题\n\n精彩 2023\n\n小标题\n\n第一段，正文。\n\n\n\n某地全貌。\n\n短句也是正文。\n\n第二段，正文。';
    expect(kinds(text)).toEqual(['headline:标题', 'band:精彩 2023', 'subhead:小标题', 'para:第一段，正文。', 'caption:某地全貌。', 'para:短句也是正文。', 'para:第二段，正文。']);
  });

  it('keeps list items in the body as paragraphs', () => {
    expect(kinds(`标题\n\n${LEAD}\n\n1.第一点，内容。`)).toEqual(['headline:标题', `para:${LEAD}`, 'para:1.第一点，内容。']);
  });

  it('takes a short sentence in the page head for a caption, unless there is no body at all', () => {
    const units = classify(splitBlocks('标题\n\n正文，开始了。\n\n记者 某某 摄').flatMap((block) => block.lines));
    expect(units.map((unit) => unit.kind)).toEqual(['headline', 'caption', 'credit']);
    expect(ensureBody(units)).toBe(2);
    expect(units.map((unit) => unit.kind)).toEqual(['headline', 'para', 'para']);
  });
});
