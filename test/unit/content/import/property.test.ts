/**
 * Property tests: whatever text comes in, the importer either returns an
 * edition the loader accepts or throws ContentError for unusable text, and it
 * never drops a character of a unique block. numRuns stays modest so the
 * suite is fast; a long fuzz run (10,000+) is a separate, later job.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../../../src/errors.ts';
import { parseEdition } from '../../../../src/content/load.ts';
import { EditionSchema, type EditionInput } from '../../../../src/content/schema.ts';
import { importText, type FeatureImportResult } from '../../../../src/content/import/import.ts';

/** FOLIO_FUZZ_RUNS=10000 for a long run by hand. */
const RUNS = Number(process.env.FOLIO_FUZZ_RUNS ?? 300);
const UNUSABLE = /empty|binary|not text|no visible text|no body text/;

const HAN = Array.from('的一是在了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系軍場書體愛國');
const PUNCTUATION = [',', ';', ':', '?', '!', '(', ')', '.', '%', '，', '。', '；', '：', '、', '“', '”', '《', '》', '——', '…', '·', '"', "'"];
const MARKERS = ['★', '- ', '- ★', '• ', '1.', '2、', '（3）', '(4)', '□', '——', '--', '组图'];
const OTHER = ['a', 'Z', 'S308', '5', '8.15', '1:2', '2023', ' ', '  ', '\t', '\u3000', '摄', '提供'];
const SPECIAL_LINES = ['精彩 2023', '蓄势 2024', '本报记者 某某', '□本报记者某某', '本报记者 某某 摄', '（本版照片除署名外均由某单位提供）', '产业 计划谋篇破局 转型发展', '主要预期目标', ''];

const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HAN) },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 1, arbitrary: fc.constantFrom(...MARKERS) },
  { weight: 1, arbitrary: fc.constantFrom(...OTHER) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2 }) },
);
const line = fc.oneof(
  { weight: 5, arbitrary: fc.array(token, { maxLength: 60 }).map((tokens) => tokens.join('')) },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL_LINES) },
);
const gap = fc.constantFrom('\n', '\n\n', '\n\n\n\n', '\r\n\r\n');
/** A pool of lines, printed in an order that repeats some of them, with varying gaps: like extracted page text. */
const pageText = fc
  .tuple(fc.array(line, { minLength: 1, maxLength: 10 }), fc.array(fc.nat(), { maxLength: 40 }), fc.array(gap, { maxLength: 40 }))
  .map(([pool, order, gaps]) => order.map((i, n) => pool[i % pool.length]! + (gaps[n] ?? '\n\n')).join(''));
const anyText = fc.oneof(pageText, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.array(line, { maxLength: 30 }).map((lines) => lines.join('\n')));

/** Characters a block must keep: not whitespace, punctuation, markers or control characters. */
const DISPENSABLE = /[\s\p{P}\p{Cc}\u200B\u2060\uFEFF★☆□■◎•●▪]/gu;
const LIST_MARKER = /^\s*(?:[-－•●▪]\s*)?(?:[★☆]\s*)?(?:\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）])?/u;

function count(text: string, into = new Map<string, number>()): Map<string, number> {
  for (const char of text.replace(DISPENSABLE, '')) into.set(char, (into.get(char) ?? 0) + 1);
  return into;
}

/** The characters of the unique blocks (lines) of the input, markers aside. */
function sourceCharacters(text: string): Map<string, number> {
  const keys = new Set(text.split(/\r\n|\r|\n|\u2028|\u2029/u).map((l) => l.replace(LIST_MARKER, '').replace(DISPENSABLE, '')));
  const total = new Map<string, number>();
  for (const key of keys) count(key, total);
  return total;
}

/** Every string of the edition a reader sees (ids aside). */
function editionCharacters(edition: EditionInput): Map<string, number> {
  const strings: (string | undefined)[] = [edition.headline.kicker, edition.headline.title, edition.headline.deck, edition.byline, ...(edition.honors ?? []), edition.credit];
  for (const photo of edition.photos ?? []) strings.push(photo.caption, photo.credit);
  for (const section of edition.sections) {
    strings.push(section.label, section.year === undefined ? undefined : String(section.year), section.lead);
    for (const article of section.articles) strings.push(article.label, article.title, ...article.paragraphs);
  }
  return count(strings.filter((s): s is string => s !== undefined).join('\n'));
}

/** The feature import (v1), asked for: these properties are about its edition; stories.property.test.ts covers the page of stories. */
function tryImport(text: string): FeatureImportResult | undefined {
  try {
    return importText(text, { sourceName: 'fuzz.txt', as: 'feature' });
  } catch (error) {
    if (!(error instanceof ContentError) || !UNUSABLE.test(error.message)) throw error;
    return undefined;
  }
}

describe('importText on arbitrary text', () => {
  it('returns a loadable edition or throws ContentError for unusable text, nothing else', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = tryImport(text);
        if (!result) return;
        const loaded = parseEdition(result.yaml, 'fuzz.yaml');
        expect(loaded).toEqual(EditionSchema.parse(result.edition));
        expect(result.yaml.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=/);
        for (const warning of result.warnings) expect(warning.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: RUNS },
    );
  });

  it('never drops a character of a unique block', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = tryImport(text);
        if (!result) return;
        const kept = editionCharacters(result.edition);
        for (const [char, needed] of sourceCharacters(text)) {
          expect(kept.get(char) ?? 0, `character ${JSON.stringify(char)}`).toBeGreaterThanOrEqual(needed);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('throws ContentError, never anything else, for empty and binary input', () => {
    const unusable = fc.oneof(
      fc.stringMatching(/^[ \t\r\n\u3000]*$/),
      fc.tuple(fc.string(), fc.string()).map(([a, b]) => `${a}\0${b}`),
      fc.array(fc.constantFrom('\u0001', '\u0002', '\u001b', '\uFFFD'), { minLength: 1, maxLength: 50 }).map((chars) => chars.join('')),
    );
    fc.assert(
      fc.property(unusable, (text) => {
        expect(() => importText(text)).toThrow(ContentError);
      }),
      { numRuns: RUNS },
    );
  });

  it('imports a text with a headline and a long paragraph without throwing', () => {
    const paragraph = fc.array(fc.constantFrom(...HAN, '，'), { minLength: 90, maxLength: 200 }).map((chars) => `${chars.join('')}。`);
    fc.assert(
      fc.property(fc.constantFrom(...HAN), paragraph, anyText, (title, body, rest) => {
        const text = `${title}\n\n${body}\n\n${rest.replace(/\0/g, '')}`;
        // Only noise that makes the whole text look binary may still make it unusable.
        try {
          expect(importText(text, { as: 'feature' }).edition.sections.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(ContentError);
          expect((error as ContentError).message).toMatch(/not text/);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
