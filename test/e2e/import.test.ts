/**
 * Imported editions rendered for real: the Wuzhi source text and the fixture
 * texts go through `importFile`, are written as edition.yaml into a temporary
 * folder and built by the pipeline, in the suite's shared browser. Each must
 * come out as exactly one page carrying its headline and its text.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { importFile } from '../../src/content/import/import.ts';
import { sharedBrowser } from './support/browser.ts';
import { SOURCE_FILE } from './support/source.ts';
import { readPdfText } from './support/pdf.ts';

const FIXTURES = path.resolve('test', 'fixtures', 'import');
const squash = (text: string) => text.replace(/\s+/g, '');

async function importAndBuild(file: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-import-e2e-'));
  const imported = await importFile(file, { output: path.join(dir, 'edition.yaml') });
  // These texts are features: without --as they keep importing as v1 editions (issue 17).
  if (imported.shape !== 'feature') throw new Error(`${file} imported as ${imported.shape}, not as one feature`);
  const output = path.join(dir, 'out.pdf');
  const result = await build({ input: dir, output, browser: await sharedBrowser() });
  const text = await readPdfText(output);
  return { imported, result, text };
}

describe('an imported edition renders to one page', () => {
  it('the Wuzhi source text', async () => {
    const { imported, result, text } = await importAndBuild(SOURCE_FILE);
    expect(result.pages).toBe(1);
    expect(text.pageCount).toBe(1);
    const joined = squash(text.joined);
    expect(joined).toContain('擎旗领跑');
    // The paragraph printed five times in the source is on the page once.
    expect(joined.split('坚决维护意识形态安全').length - 1).toBe(1);
    // Every subhead made it onto the page.
    for (const section of imported.edition.sections) {
      for (const article of section.articles) expect(joined).toContain(squash(article.title));
    }
  });

  it('the fixture dash-deck.txt (—— deck, numbered honors, a 组图 caption)', async () => {
    const { imported, result, text } = await importAndBuild(path.join(FIXTURES, 'dash-deck.txt'));
    expect(result.pages).toBe(1);
    expect(text.pageCount).toBe(1);
    const joined = squash(text.joined);
    expect(joined).toContain(squash(imported.edition.headline.title));
    expect(joined).toContain('全省营商环境评价优秀县');
    for (const article of imported.edition.sections.flatMap((section) => section.articles)) expect(joined).toContain(squash(article.title));
  });
});

/**
 * These fixture texts are short for a broadsheet page (1,000–1,500
 * characters). They still render to one page: photos grow to their tallest
 * shape, and whatever nothing can take is reported as blank lines.
 */
describe('short imported editions', () => {
  it.each(['no-honors.txt', 'box-byline.txt', 'traditional.txt'])('the fixture %s renders to one page', async (name) => {
    const { result, text } = await importAndBuild(path.join(FIXTURES, name));
    expect(result.pages).toBe(1);
    expect(text.pageCount).toBe(1);
    const blank = result.fit!.arrangement.blankLines;
    expect(result.warnings.some((warning) => warning.includes(`${blank} lines short`))).toBe(blank > 0);
  });
});
