import { describe, expect, it } from 'vitest';
import { closeCjkSpaces, describeFixes, endsComplete, normalisePunctuation, normaliseWhitespace } from '../../../../src/content/import/text.ts';

const punct = (text: string) => normalisePunctuation(text).text;

describe('normalisePunctuation (GB/T 15834)', () => {
  it('makes , ; : ? ! ( ) next to Chinese text full-width', () => {
    expect(punct('武陟县,紧扣;目标:增长?是!')).toBe('武陟县，紧扣；目标：增长？是！');
    expect(punct('农村(社区)和单位')).toBe('农村（社区）和单位');
    expect(punct('中铁大桥(郑州)缆索')).toBe('中铁大桥（郑州）缆索');
  });

  it('keeps marks inside Latin and number runs', () => {
    expect(punct('工业增加值完成8.15亿元')).toBe('工业增加值完成8.15亿元');
    expect(punct('比例为1:2的')).toBe('比例为1:2的');
    expect(punct('共1,200人')).toBe('共1,200人');
    expect(punct('完成S308,S232改造')).toBe('完成S308,S232改造');
    expect(punct('函数f(x)的值')).toBe('函数f(x)的值');
    expect(punct('路段S308(北段)改造')).toBe('路段S308（北段）改造');
    expect(punct('访问example.com/?q=1查询')).toBe('访问example.com/?q=1查询');
    expect(punct('Hello, world!')).toBe('Hello, world!');
  });

  it('treats a comma after a number with its unit as sentence punctuation', () => {
    expect(punct('支出的82.4%,34项重点')).toBe('支出的82.4%，34项重点');
    expect(punct('growth 5%, then')).toBe('growth 5%, then');
  });

  it('converts parentheses as pairs and drops the spaces around converted marks', () => {
    expect(punct('(1)提升竞争力')).toBe('（1）提升竞争力');
    expect(punct('物联网 (Internet of Things, IoT) 设备')).toBe('物联网（Internet of Things, IoT）设备');
    expect(punct('时间 : 8:30')).toBe('时间：8:30');
  });

  it('reports what it changed', () => {
    const { fixes } = normalisePunctuation('甲,乙,丙;丁');
    expect(describeFixes(fixes)).toBe(', → ， ×2, ; → ；');
    expect(normalisePunctuation('plain text').fixes.size).toBe(0);
  });
});

describe('whitespace', () => {
  it('trims, collapses runs (including ideographic spaces and tabs) and removes control characters', () => {
    expect(normaliseWhitespace('\u3000\u3000正文\t 开始 \u0007')).toEqual({ text: '正文 开始', trimmed: true, collapsed: true, controls: 1 });
    expect(normaliseWhitespace('本报记者 董柏生')).toEqual({ text: '本报记者 董柏生', trimmed: false, collapsed: false, controls: 0 });
  });

  it('closes spaces between Chinese characters in prose, not between Chinese and Latin', () => {
    expect(closeCjkSpaces('组图 某县 政务 App 服务')).toEqual({ text: '组图某县政务 App 服务', removed: 2 });
  });
});

describe('endsComplete', () => {
  it('accepts sentence ends, closing quotes after them and closing parentheses', () => {
    for (const text of ['结束。', '真好！', '是吗？', '他说：“好。”', '（记者 张三）', '约为1:2.', '……']) expect(endsComplete(text), text).toBe(true);
  });

  it('rejects text that stops mid-sentence', () => {
    for (const text of ['黄河交通学院获批', '妥善做好“三善做好”大', '当好“桥头堡”', '完成，']) expect(endsComplete(text), text).toBe(false);
  });
});
