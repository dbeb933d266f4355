/**
 * The importer against the real thing: the raw page text of the Wuzhi feature
 * must give the same blocks, in the same order and with the same text, as the
 * hand-curated content/wuzhi-2024/edition.yaml. Ids may differ (the curator
 * chose descriptive ones); everything a reader sees must not.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseEdition } from '../../../../src/content/load.ts';
import type { Edition } from '../../../../src/content/schema.ts';
import { importFile, type FeatureImportResult } from '../../../../src/content/import/import.ts';

const SOURCE = path.resolve('test', 'fixtures', 'source', 'wuzhi-2024.txt');
const CURATED = path.resolve('content', 'wuzhi-2024', 'edition.yaml');

/** What a reader sees, with section ids replaced by section positions. */
function visible(edition: Edition) {
  const sectionIndex = new Map(edition.sections.map((section, index) => [section.id, index]));
  return {
    headline: edition.headline,
    byline: edition.byline,
    honors: edition.honors,
    photos: edition.photos.map((photo) => ({
      caption: photo.caption,
      credit: photo.credit,
      file: photo.file,
      section: photo.section === undefined ? undefined : sectionIndex.get(photo.section),
    })),
    sections: edition.sections.map((section) => ({
      label: section.label,
      year: section.year,
      lead: section.lead,
      articles: section.articles.map((article) => ({ label: article.label, title: article.title, paragraphs: article.paragraphs })),
    })),
    credit: edition.credit,
  };
}

let result: FeatureImportResult;
let imported: Edition;
let curated: Edition;

beforeAll(async () => {
  const auto = await importFile(SOURCE);
  // The Wuzhi text is one feature page: without --as it keeps importing as the v1 edition it always did (issue 17).
  if (auto.shape !== 'feature') throw new Error(`the Wuzhi source imported as ${auto.shape}, not as one feature`);
  result = auto;
  imported = parseEdition(result.yaml, 'imported.yaml');
  curated = parseEdition(readFileSync(CURATED, 'utf8'), CURATED);
});

describe('importing the Wuzhi source text', () => {
  it('gives the curated edition: same blocks, same order, same text', () => {
    expect(visible(imported)).toEqual(visible(curated));
  });

  it('checks the pieces one by one too (so a failure says which)', () => {
    const a = visible(imported);
    const b = visible(curated);
    expect(a.headline).toEqual(b.headline);
    expect(a.byline).toBe(b.byline);
    expect(a.honors).toEqual(b.honors);
    expect(a.photos).toEqual(b.photos);
    expect(a.sections.map((s) => [s.label, s.year, s.lead])).toEqual(b.sections.map((s) => [s.label, s.year, s.lead]));
    expect(a.sections.map((s) => s.articles)).toEqual(b.sections.map((s) => s.articles));
    expect(a.credit).toBe(b.credit);
  });

  it('places the captions printed inside a section’s text in that section', () => {
    const inSection = imported.photos.filter((photo) => photo.section !== undefined);
    expect(inSection.map((photo) => photo.caption)).toEqual(['武陟县第二人民医院新院区建成投入使用。', '河南江河纸业股份有限公司全貌。']);
    expect(new Set(inSection.map((photo) => photo.section))).toEqual(new Set([imported.sections[0]!.id]));
  });

  it('generates slug ids and declares every photo a placeholder', () => {
    expect(imported.photos.map((photo) => photo.id)).toEqual(imported.photos.map((_, index) => `photo-${index + 1}`));
    expect(imported.photos.every((photo) => photo.file === undefined)).toBe(true);
    expect(imported.sections.map((section) => section.id)).toEqual(['section-2023', 'section-2024']);
  });

  it('returns the same edition it writes', () => {
    expect(parseEdition(result.yaml, 'x.yaml')).toEqual(parseEdition(JSON.stringify(result.edition), 'x.json'));
  });
});

describe('the warnings', () => {
  const find = (line: number, pattern: RegExp) => result.warnings.find((warning) => warning.line === line && pattern.test(warning.message));

  it('report the subhead and paragraph printed five times, with every line', () => {
    const warning = find(105, /repeated 5 times/);
    expect(warning).toBeDefined();
    expect(warning!.endLine).toBe(143);
    expect(warning!.message).toContain('105, 117, 125, 133, 141');
  });

  it('report the subhead printed twice with different paragraphs, merged', () => {
    const warning = find(101, /merged/);
    expect(warning).toBeDefined();
    expect(warning!.message).toContain('101, 113');
    expect(find(129, /repeated twice/)).toBeDefined();
  });

  it('flag the two cut-off paragraphs, which are kept verbatim', () => {
    expect(find(75, /cut off/)).toBeDefined();
    expect(find(131, /cut off/)).toBeDefined();
    expect(result.warnings.filter((warning) => /cut off/.test(warning.message))).toHaveLength(2);
    expect(imported.sections[0]!.articles[1]!.paragraphs[0]).toMatch(/黄河交通学院获批$/);
  });

  it('report each punctuation fix with its line', () => {
    expect(find(57, /full-width/)?.message).toContain(', → ， ×4');
    expect(find(85, /full-width/)?.message).toMatch(/; → ； ×2/);
    expect(find(145, /full-width/)?.message).toContain('( → （');
  });

  it('are in source order and inside the source', () => {
    const lines = result.warnings.map((warning) => warning.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(Math.max(...lines)).toBeLessThanOrEqual(145);
    expect(Math.min(...lines)).toBeGreaterThanOrEqual(1);
  });

  it('are summed up', () => {
    expect(result.summary[0]).toContain('“擎旗领跑”');
    expect(result.summary.join('\n')).toMatch(/cut off \(lines 75, 131\)/);
    expect(result.summary.join('\n')).toMatch(/merged 1 repeated subhead/);
  });
});

describe('the YAML', () => {
  it('starts with the schema modeline and names the source', () => {
    const [first, second] = result.yaml.split('\n');
    expect(first).toBe('# yaml-language-server: $schema=../../schema/edition.schema.json');
    expect(second).toContain('wuzhi-2024.txt');
  });

  it('comments where it cleaned', () => {
    expect(result.yaml).toContain('# repeated 5 times in the source (lines 105–143); kept once');
    expect(result.yaml).toMatch(/# printed twice in the source \(lines 101, 113\) with different paragraphs: merged here/);
    expect(result.yaml).toMatch(/# ends without terminal punctuation in the source \(line 75\)/);
  });

  it('sets paragraphs as folded block scalars', () => {
    expect(result.yaml).toMatch(/paragraphs:\n\s+- >-\n\s+全力实施/);
    expect(result.yaml).toMatch(/lead: >-\n\s+2023年，武陟县/);
  });
});
