/**
 * Property tests of the page-of-stories import (issue 17, Import): whatever
 * text comes in with --as stories, the result validates against PageSchema
 * and loses nothing (every character of every distinct line is on the page;
 * every dropped line repeats a kept one), or the text is refused with
 * ContentError as unusable. And on news pages built from known pieces, the
 * splitter finds every story and invents no photo.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importText } from '../../../../../src/content/import/import.ts';
import { PageSchema } from '../../../../../src/content/v2/page.ts';
import { ContentError } from '../../../../../src/errors.ts';
import { lostText } from '../../../../e2e/support/round-trip.ts';
import { SOURCE_FILE } from '../../../../e2e/support/source.ts';
import { pageText, randomText } from '../../../fuzz/arbitraries.ts';

const RUNS = Number(process.env.FOLIO_FUZZ_RUNS ?? 200);
const UNUSABLE = /empty|binary|not text|no visible text|no body text/;

// Pieces of the Wuzhi source (test/fixtures/source/wuzhi-2024.txt); 某某 is a placeholder name.
const HEADLINES = ['产业 计划谋篇破局 转型发展势头强劲', '民生 保障更加有力 社会平安大局稳定', '聚力 守牢安全发展底线 在维护大局稳定上见成效', '主要预期目标'];
const OPENINGS = ['本报讯', '本报记者 某某', '本报讯（记者 某某）', '（记者 某某）'];
/** The source's own sentences, each once: a page never repeats a paragraph by chance (repeats are dropped, and tested elsewhere). */
const SENTENCES = [...new Set(readFileSync(SOURCE_FILE, 'utf8').match(/[^。\n]+。/gu) ?? [])].filter((s) => !/^组图|本报/u.test(s));
const CAPTIONS = [
  ['河南江河纸业股份有限公司全貌', '本报记者 某某 摄'],
  ['图为武陟县第二人民医院新院区建成投入使用。'],
  ['嘉应镇御坝村黄河文化研学基地。', '某县融媒体中心供图'],
];
const gap = fc.constantFrom('\n', '\n\n', '\n\n\n');

/** One story: a headline, an opening line, 1–4 paragraphs (any of them short), 0–2 evidenced captions, maybe a sign-off. */
const story = fc
  .record({
    headline: fc.constantFrom(...HEADLINES),
    opening: fc.constantFrom(...OPENINGS),
    paragraphs: fc.integer({ min: 1, max: 4 }),
    captions: fc.array(fc.constantFrom(...CAPTIONS), { maxLength: 2 }),
    signoff: fc.boolean(),
    gaps: fc.array(gap, { minLength: 12, maxLength: 12 }),
  })
  .map((s) => ({ ...s, text: (paragraphs: string[]) => {
    const lines = [s.headline, s.opening, ...paragraphs, ...s.captions.flat(), ...(s.signoff ? ['（完）'] : [])];
    return lines.map((line, i) => line + s.gaps[i % s.gaps.length]).join('');
  } }));

/** The page's text: each story takes the next unused sentences of the source as its paragraphs. */
function pageOf(stories: readonly { paragraphs: number; text: (paragraphs: string[]) => string }[]): string {
  let next = 0;
  return stories.map((s) => s.text(SENTENCES.slice(next, (next += s.paragraphs)))).join('');
}

describe('importText --as stories on any text', () => {
  it('validates against PageSchema and loses nothing, or refuses unusable text with ContentError', () => {
    fc.assert(
      fc.property(fc.oneof(pageText, randomText), (text) => {
        let result;
        try {
          result = importText(text, { as: 'stories', sourceName: 'fuzz.txt' });
        } catch (error) {
          if (!(error instanceof ContentError) || !UNUSABLE.test(error.message)) throw error;
          return;
        }
        expect(PageSchema.safeParse(result.page).success).toBe(true);
        expect(lostText(text, result.page, result.dropped)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('importText on news pages built from known pieces', () => {
  it('finds every story, keeps every paragraph as a paragraph and makes captions only of evidenced captions', () => {
    fc.assert(
      fc.property(fc.array(story, { minLength: 2, maxLength: 6 }), (stories) => {
        const text = pageOf(stories);
        const result = importText(text, { sourceName: 'page.txt' });
        expect(result.shape).toBe('stories');
        if (result.shape !== 'stories') return;
        const modules = PageSchema.parse(result.page).modules;
        expect(modules.map((m) => (m.kind === 'story' ? m.headline.title : m.kind))).toEqual(stories.map((s) => s.headline));
        expect(lostText(text, result.page, result.dropped)).toEqual([]);
        const photos = modules.flatMap((m) => (m.kind === 'story' ? m.photos.map((p) => p.caption) : []));
        const expected = [...new Set(stories.flatMap((s) => s.captions.map((c) => c[0]!)))];
        expect(new Set(photos)).toEqual(new Set(expected));
        // No paragraph became a caption or a subhead.
        for (const m of modules) if (m.kind === 'story') expect(m.body.every((part) => typeof part === 'string')).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
