/**
 * Arbitraries for fuzzing the content loader and the importer: YAML-ish text
 * built from the schema's own keys, near-valid editions serialised and then
 * damaged, page-like text, and fully random strings.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';

/** FOLIO_FUZZ_RUNS overrides the number of cases (10,000 by default). */
export const FUZZ_RUNS = Number(process.env.FOLIO_FUZZ_RUNS ?? 10_000);
/** FOLIO_FUZZ_SEED replays a run. */
export const FUZZ_SEED = process.env.FOLIO_FUZZ_SEED === undefined ? undefined : Number(process.env.FOLIO_FUZZ_SEED);

/** Every key the edition schema knows, at any depth. */
export const SCHEMA_KEYS = [
  'id', 'title', 'lang', 'paper', 'name', 'date', 'page', 'section', 'editor', 'preset',
  'headline', 'kicker', 'deck', 'byline', 'honors', 'photos', 'file', 'caption', 'credit',
  'focus', 'x', 'y', 'sections', 'label', 'year', 'lead', 'articles', 'paragraphs', 'keywords',
];
/** Keys that are near misses or that JavaScript objects treat specially. */
const ODD_KEYS = ['paragraph', 'subtitle', 'Title', '标题', '__proto__', 'constructor', 'prototype', 'toString', '<<', '""', "''", '? a', '1', '-1', 'null', 'true', '~'];

const HAN = Array.from('擎旗领跑勇闯高质量发展新路精彩蓄势产业民生聚力武陟县本报记者董柏生摄年月日全国示范的一是在了有和人这中大为上个国軍場書體');
const PUNCTUATION = Array.from('，。；：、“”《》（）…·—！？,.;:!?()%"\'`@#&*|>-[]{}\\/');
/** Characters beyond the BMP and outside every font: hieroglyphs, CJK Ext-B, emoji, a lone surrogate, controls. */
const EXOTIC = ['𓀀', '𠀀', '𪚥', '😀', '\uD800', '\uFFFD', '\u0000', '\u0007', '\u001b', '\u200B', '\uFEFF', '\u2028', '\u3000', '\t', '\r'];

export const hanText = fc.array(fc.constantFrom(...HAN, ...PUNCTUATION), { minLength: 1, maxLength: 30 }).map((chars) => chars.join(''));

/** Scalars the way an editor might type them, including YAML's special forms. */
export const scalar = fc.oneof(
  { weight: 5, arbitrary: hanText },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'true', 'no', 'null', '~', '', '""', "''", '"未闭合', "'未闭合", '"a\\x"', '"\\u12"', '|', '|-', '>-', '>+2',
      '[', ']', '{', '}', '[a, b]', '[正文。]', '{x: 1, y: 0.5}', '{x: 2}', '2024-01-05', '2024-13-45', '2023', '20233', '1900', '2200',
      '*a', '&a 擎旗', '&a', '!!str 1', '!!int x', '!!binary aGk=', '!!map', '!foo bar', '- x', '# 注释', ':', ': x', '? x', '%YAML 1.2',
      '@', '`', '0x1F', '0o17', '.nan', '-.inf', '1e400', '9007199254740993', 'duikai', 'a4', 'zh-CN', 'review', 'Review 2023',
      'photos/plant.jpg', '../x.jpg', '/etc/passwd', '---', '...', '"""', '<<: *a',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(...EXOTIC) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const key = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...SCHEMA_KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });
const indent = fc.oneof({ weight: 8, arbitrary: fc.nat(4).map((n) => '  '.repeat(n)) }, { weight: 1, arbitrary: fc.constantFrom(' ', '   ', '\t', ' \t', '\u3000') });

/** One line of YAML-ish text: indentation, maybe a list dash, a key and/or a value, maybe a comment. */
const yamlLine = fc
  .record({
    indent,
    dash: fc.boolean(),
    key: fc.option(key, { freq: 4 }),
    colon: fc.constantFrom(':', ':', ':', ':', '：', ''),
    value: fc.option(scalar, { freq: 4 }),
    comment: fc.option(fc.constantFrom(' # 注释', '#x', ' #'), { freq: 10 }),
  })
  .map(({ indent, dash, key, colon, value, comment }) => {
    let line = indent + (dash ? '- ' : '');
    if (key !== null) line += `${key}${colon}`;
    if (value !== null) line += (key !== null ? ' ' : '') + value;
    return line + (comment ?? '');
  });
const newline = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

export const yamlishText = fc
  .tuple(fc.array(yamlLine, { maxLength: 40 }), newline)
  .map(([lines, eol]) => lines.join(eol));

const ID_POOL = ['review', 'outlook', 'plant', 'a', 'review-2023', 'x1', 'jiaying-base', '2024'];
const nonEmpty = hanText.filter((text) => text.trim().length > 0);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { freq: 2, nil: undefined });
const unit = fc.double({ min: 0, max: 1, noNaN: true });

/** A valid edition object: every field right, optional ones sometimes present. */
export const validEdition = fc
  .record({
    sectionIds: fc.uniqueArray(fc.constantFrom(...ID_POOL), { minLength: 1, maxLength: 2 }),
    photoIds: fc.uniqueArray(fc.constantFrom(...ID_POOL), { maxLength: 2 }),
    id: maybe(fc.constantFrom(...ID_POOL)),
    title: maybe(nonEmpty),
    lang: maybe(fc.constantFrom('zh-CN', 'zh-Hans')),
    paper: maybe(fc.record({ name: maybe(nonEmpty), date: maybe(fc.constantFrom('2024-01-05', '2023-12-31')), page: maybe(fc.constantFrom('A4', '7')), section: maybe(nonEmpty), editor: maybe(nonEmpty), preset: maybe(fc.constant('duikai')) })),
    headline: fc.record({ kicker: maybe(nonEmpty), title: nonEmpty, deck: maybe(nonEmpty) }),
    byline: maybe(nonEmpty),
    honors: maybe(fc.array(nonEmpty, { maxLength: 3 })),
    credit: maybe(nonEmpty),
    keywords: maybe(fc.array(nonEmpty, { maxLength: 2 })),
    sectionBodies: fc.array(
      fc.record({
        label: nonEmpty,
        year: maybe(fc.integer({ min: 1900, max: 2200 })),
        lead: maybe(nonEmpty),
        articles: fc.array(fc.record({ label: maybe(nonEmpty), title: nonEmpty, paragraphs: fc.array(nonEmpty, { minLength: 1, maxLength: 2 }) }), { minLength: 1, maxLength: 2 }),
      }),
      { minLength: 2, maxLength: 2 },
    ),
    photoBodies: fc.array(
      fc.record({ file: maybe(fc.constantFrom('plant.jpg', 'photos/a.png')), caption: nonEmpty, credit: maybe(nonEmpty), focus: maybe(fc.record({ x: unit, y: unit })), section: fc.nat(5) }),
      { minLength: 2, maxLength: 2 },
    ),
  })
  .map(({ sectionIds, photoIds, sectionBodies, photoBodies, ...rest }) => ({
    ...rest,
    photos: photoIds.map((id, i) => {
      const { section, ...photo } = photoBodies[i]!;
      return { id, ...photo, section: section < sectionIds.length ? sectionIds[section] : undefined };
    }),
    sections: sectionIds.map((id, i) => ({ id, ...sectionBodies[i]! })),
  }));

/** Wrong values: of the wrong type, empty, out of range, or ids that are not slugs. */
const WRONG_VALUES: unknown[] = ['', '   ', null, true, 0, -1, 2.5, 1e9, 20233, [], {}, ['a'], { a: 1 }, 'Review 2023', '2024年1月5日', 'a4', '二〇二三', [''], [null], [[]]];
/** One mistake an editor makes: a field set to a wrong value, a required field removed, or an unknown key added. */
const mistake = fc.record({ node: fc.nat(), kind: fc.constantFrom('replace', 'replace', 'delete', 'add'), value: fc.constantFrom(...WRONG_VALUES), key: fc.constantFrom('subtitle', 'paragraph', 'caption', 'Title', '图片', 'id') });

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function applyMistake(root: Json, m: { node: number; kind: string; value: unknown; key: string }): Json {
  // Every (container, key) slot of the tree, in document order.
  const slots: [Json[] | { [key: string]: Json }, string | number][] = [];
  const walk = (node: Json) => {
    if (Array.isArray(node)) node.forEach((child, i) => (slots.push([node, i]), walk(child)));
    else if (node !== null && typeof node === 'object') for (const [key, child] of Object.entries(node)) slots.push([node, key]), walk(child);
  };
  walk(root);
  if (slots.length === 0) return root;
  const [container, key] = slots[m.node % slots.length]!;
  const value = structuredClone(m.value) as Json;
  if (Array.isArray(container)) {
    if (m.kind === 'delete') container.splice(key as number, 1);
    else if (m.kind === 'add') container.push(value);
    else container[key as number] = value;
  } else if (m.kind === 'delete') delete container[key];
  else if (m.kind === 'add') container[m.key] = value;
  else container[key] = value;
  return root;
}

/** An edition object close to the schema: valid, or with a few of the common mistakes. */
export const nearEdition = fc
  .tuple(validEdition, fc.array(mistake, { maxLength: 2 }))
  .map(([edition, mistakes]) => mistakes.reduce((root, m) => applyMistake(root, m), JSON.parse(JSON.stringify(edition)) as Json));

/** Damage applied to serialised YAML: cut, insert, re-indent or duplicate at a position. */
const damage = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom('delete', 'insert', 'indent', 'duplicate-line', 'tab'),
  text: fc.oneof(fc.constantFrom(':', '"', "'", '-', '[', '{', '#', '*', '&', '!', '|', '>', '  ', '\n', '\t', '：', '? '), scalar),
  length: fc.integer({ min: 1, max: 8 }),
});

function applyDamage(source: string, d: { at: number; kind: string; text: string; length: number }): string {
  const pos = Math.floor(d.at * source.length);
  switch (d.kind) {
    case 'delete':
      return source.slice(0, pos) + source.slice(pos + d.length);
    case 'insert':
      return source.slice(0, pos) + d.text + source.slice(pos);
    case 'tab':
      return source.slice(0, pos) + '\t' + source.slice(pos);
    case 'indent': {
      const lineStart = source.lastIndexOf('\n', pos - 1) + 1;
      return source.slice(0, lineStart) + ' '.repeat(d.length) + source.slice(lineStart);
    }
    default: {
      const lineStart = source.lastIndexOf('\n', pos - 1) + 1;
      const lineEnd = source.indexOf('\n', pos);
      const line = source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
      return source.slice(0, lineStart) + line + '\n' + source.slice(lineStart);
    }
  }
}

/** A near-valid edition as YAML, untouched or with a few pieces of damage. */
export const damagedEditionText = fc
  .tuple(nearEdition, fc.array(damage, { maxLength: 2 }), fc.constantFrom<'block' | 'flow'>('block', 'block', 'flow'))
  .map(([edition, damages, style]) => {
    let source = style === 'flow' ? stringify(edition, { collectionStyle: 'flow' }) : stringify(edition);
    for (const d of damages) source = applyDamage(source, d);
    return source;
  });

/** Fully random text. */
export const randomText = fc.oneof(
  fc.string({ maxLength: 200, size: 'large' }),
  fc.string({ unit: 'grapheme', maxLength: 100, size: 'large' }),
  fc.string({ unit: 'binary', maxLength: 200, size: 'large' }),
  fc.array(fc.constantFrom(...HAN, ...PUNCTUATION, ...EXOTIC, ' ', '\n', '\n\n', ': ', '- '), { maxLength: 120, size: 'large' }).map((parts) => parts.join('')),
);

/** Extracted-page-like text for the importer: headline, lists, captions, credits, bands, subheads, paragraphs. */
const SPECIAL_LINES = [
  '精彩 2023', '蓄势 2024', '回望 2023', '本报记者 董柏生', '□本报记者 某某', '本报记者 某某 摄', '（本版照片除署名外均由某单位提供）',
  '产业 计划谋篇破局 转型发展', '聚力 构建现代化产业体系 在突出工业强县上见成效', '主要预期目标', '——勇闯高质量发展新路', '--副题',
  '★全国医养结合示范县', '- ★全国自然资源节约集约示范县', '1.全省营商环境评价优秀县', '2、全省“一网通办”工作先进县', '（3）全市先进单位',
  '组图 某县政务服务中心。', '河南江河纸业股份有限公司全貌。', '文/某某', '图文/某某', '', ' ', '\u3000', '#', '- ', 'headline: 擎旗领跑', 'title: "x',
];
const pageLine = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...HAN, ...PUNCTUATION, '。', '，'), { minLength: 1, maxLength: 120 }).map((c) => c.join('')) },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_LINES) },
  { weight: 1, arbitrary: scalar },
);
export const pageText = fc
  .tuple(fc.array(pageLine, { minLength: 1, maxLength: 14 }), fc.array(fc.nat(), { maxLength: 40 }), fc.array(fc.constantFrom('\n', '\n\n', '\n\n\n', '\r\n\r\n', '\n \n'), { maxLength: 40 }))
  .map(([pool, order, gaps]) => (order.length === 0 ? pool : order.map((i) => pool[i % pool.length]!)).map((line, n) => line + (gaps[n] ?? '\n\n')).join(''));
