import { describe, expect, it } from 'vitest';
import { loadEdition } from '../../../src/content/load.ts';
import { assertGlyphCoverage, checkGlyphCoverage, printedFields } from '../../../src/preflight/glyphs.ts';
import { ContentError, describeError, exitCodeOf } from '../../../src/errors.ts';

describe('checkGlyphCoverage', () => {
  it('names each character no font has, its code point and the field it is in', async () => {
    const { edition } = await loadEdition('test/fixtures/preflight/uncovered-glyphs.yaml');
    const findings = await checkGlyphCoverage(edition, 'uncovered-glyphs.yaml');
    expect(findings.map((f) => [f.severity, f.where, f.message])).toEqual([
      ['error', 'uncovered-glyphs.yaml (photos[0].caption)', 'character "😀" (U+1F600) in photos[0].caption is in no font: LXGW WenKai 400 has no glyph for it'],
      ['error', 'uncovered-glyphs.yaml (sections[0].articles[0].paragraphs[1])', 'character "䶮" (U+4DAE) in sections[0].articles[0].paragraphs[1] is in no font: Noto Serif SC 400 has no glyph for it'],
    ]);
  });

  it('finds nothing in the feature edition', async () => {
    const { edition } = await loadEdition('content/wuzhi-2024');
    expect(await checkGlyphCoverage(edition)).toEqual([]);
  });

  it('covers every printed field of the feature edition', async () => {
    const { edition } = await loadEdition('content/wuzhi-2024');
    const paths = printedFields(edition).map((field) => field.path);
    expect(paths).toContain('headline.title');
    expect(paths).toContain('sections[0].lead');
    expect(paths).toContain('sections[1].articles[0].paragraphs[0]');
    expect(paths.filter((p) => p.startsWith('photos[')).length).toBeGreaterThan(0);
  });

  it('stops a render with exit 2, pointing at the first field with a missing character', async () => {
    const loaded = await loadEdition('test/fixtures/preflight/uncovered-glyphs.yaml');
    const error = await assertGlyphCoverage(loaded, 'uncovered-glyphs.yaml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect(exitCodeOf(error)).toBe(2);
    expect(describeError(error)).toContain('error: uncovered-glyphs.yaml (photos[0].caption): 2 character(s) of the content are in no font:');
    expect(describeError(error)).toContain('"䶮" (U+4DAE)');
    await expect(assertGlyphCoverage(await loadEdition('content/wuzhi-2024'))).resolves.toBeUndefined();
  });
});
