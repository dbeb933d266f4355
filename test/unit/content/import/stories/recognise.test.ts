/**
 * The line recognisers of the multi-story import (issue 17, Import). Names
 * are the placeholder 某某 and places 某地; dates in wire datelines are
 * placeholders too (1月1日): only the shapes matter here.
 */
import { describe, expect, it } from 'vitest';
import {
  isBylineLine,
  isCreditLine,
  isPictureCaption,
  isSignoffLine,
  parseDateline,
  splitTrailingCredit,
  splitTrailingSignoff,
} from '../../../../../src/content/import/stories/recognise.ts';

describe('parseDateline', () => {
  it('recognises 本报讯, 本报X日电 and agency datelines, alone or run on into the paragraph', () => {
    expect(parseDateline('本报讯')).toEqual({ dateline: '本报讯' });
    expect(parseDateline('本报某地讯')).toEqual({ dateline: '本报某地讯' });
    expect(parseDateline('本报26日电')).toEqual({ dateline: '本报26日电' });
    expect(parseDateline('本报某地1月1日电 全县开展……。')).toEqual({ dateline: '本报某地1月1日电', rest: '全县开展……。' });
    expect(parseDateline('新华社某地1月1日电（记者 某某）正文第一句。')).toEqual({ dateline: '新华社某地1月1日电', byline: '（记者 某某）', rest: '正文第一句。' });
    expect(parseDateline('本报讯 （本报记者 某某 通讯员 某某）')).toEqual({ dateline: '本报讯', byline: '（本报记者 某某 通讯员 某某）' });
  });

  it('leaves paragraphs that only mention the paper alone', () => {
    expect(parseDateline('本报讯，记者获悉。')).toBeUndefined();
    expect(parseDateline('据本报讯，全县开展……。')).toBeUndefined();
    expect(parseDateline('本报记者 某某')).toBeUndefined();
  });
});

describe('bylines and sign-offs', () => {
  it('a byline line: 本报记者 X, 记者 X 通讯员 Y, （记者 X）', () => {
    expect(['本报记者 某某', '记者 某某 通讯员 某某', '（记者 某某）', '（本报记者 某某）'].every(isBylineLine)).toBe(true);
    expect(isBylineLine('（记者 某某）表示，要加快进度。')).toBe(false);
    expect(isBylineLine('本报记者 某某 摄')).toBe(false);
  });

  it('a sign-off line: （完）, （本报记者 X）', () => {
    expect(['（完）', '(完)', '（本报记者 某某）', '（记者 某某）'].every(isSignoffLine)).toBe(true);
    expect(isSignoffLine('完')).toBe(false);
    expect(isSignoffLine('全县开展活动（完）')).toBe(false);
  });

  it('a sign-off run on at the end of a paragraph, after a finished sentence', () => {
    expect(splitTrailingSignoff('全县开展活动。（完）')).toEqual({ text: '全县开展活动。', signoff: '（完）' });
    expect(splitTrailingSignoff('全县开展活动。 （本报记者 某某）')).toEqual({ text: '全县开展活动。', signoff: '（本报记者 某某）' });
    expect(splitTrailingSignoff('工程（完）')).toBeUndefined();
    expect(splitTrailingSignoff('（完）')).toBeUndefined();
  });
});

describe('photo evidence', () => {
  it('credit lines: …摄, …供图, 图片…, 图/X', () => {
    expect(['本报记者 贾蓝 摄', '（某某 摄）', '某县融媒体中心供图', '图片由某某提供', '图/本报记者 某某'].every(isCreditLine)).toBe(true);
    expect(isCreditLine('（本版照片除署名外均由武陟县委宣传部提供）')).toBe(false);
    expect(isCreditLine('图片展示了全县发展成就。')).toBe(false);
  });

  it('captions that say they are captions: 图为…, 组图…, a sentence then 图为…', () => {
    expect(isPictureCaption('图为武陟县第二人民医院新院区建成投入使用。')).toBe(true);
    expect(isPictureCaption('组图“龙腾怀川·鹤情焦作”2023福至嘉应观端午游园系列活动的规模、游客量、媒体宣传均创历史最佳。')).toBe(true);
    expect(isPictureCaption('新院区建成投入使用。图为门诊楼。')).toBe(true);
    expect(isPictureCaption('坚决维护意识形态安全，营造清朗网络空间和良好舆论氛围。')).toBe(false);
    expect(isPictureCaption('图书馆新馆开放。')).toBe(false);
  });

  it('a credit run on at the end of a caption, only when it names someone', () => {
    expect(splitTrailingCredit('河南江河纸业股份有限公司全貌。本报记者 某某 摄')).toEqual({ caption: '河南江河纸业股份有限公司全貌。', credit: '本报记者 某某 摄' });
    expect(splitTrailingCredit('河南江河纸业股份有限公司全貌。（某某 摄）')).toEqual({ caption: '河南江河纸业股份有限公司全貌。', credit: '（某某 摄）' });
    expect(splitTrailingCredit('展览开幕。游客纷纷拍摄')).toBeUndefined();
  });
});
