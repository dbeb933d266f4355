import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cutOffCopyWarnings, findCutOffParagraphs } from '../../../src/content/cut-off.ts';
import { loadContent, loadEdition } from '../../../src/content/load.ts';

function editionWith(paragraphs: string[], lead?: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-cut-off-'));
  const yaml = [
    'headline: { title: 擎旗领跑 }',
    'sections:',
    '  - id: review',
    '    label: 精彩',
    ...(lead ? [`    lead: ${lead}`] : []),
    '    articles:',
    '      - title: 创新驱动',
    '        paragraphs:',
    ...paragraphs.map((p) => `          - ${p}`),
  ].join('\n');
  writeFileSync(path.join(dir, 'edition.yaml'), yaml + '\n');
  return dir;
}

describe('cut-off copy (issue 19)', () => {
  it('names both paragraphs the feature prints as cut, with their place in edition.yaml', async () => {
    const warnings = await cutOffCopyWarnings(await loadEdition('content/wuzhi-2024'));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/edition\.yaml:66:\d+: sections\[0\]\.articles\[1\]\.paragraphs\[0\] .*黄河交通学院获批/);
    expect(warnings[1]).toMatch(/edition\.yaml:127:\d+: sections\[1\]\.articles\[7\]\.paragraphs\[0\]/);
  });

  it('accepts a sentence closed inside quotes or brackets, and flags a lead or paragraph that stops', async () => {
    const loaded = await loadEdition(editionWith(['建成投用。', '“一件事一次办。”', '开展（试点！）', '招商引资取得', '问题清单化解…'], '全县经济'));
    expect(findCutOffParagraphs(loaded.edition).map((p) => p.text)).toEqual(['全县经济', '招商引资取得']);
  });
});

describe('cut-off copy on a general page', () => {
  it('names a story paragraph that stops mid-sentence by its module path, under its subhead, and no complete one', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-cut-off-page-'));
    writeFileSync(
      path.join(dir, 'edition.yaml'),
      ['version: 2', 'modules:', '  - kind: story', '    id: a', '    headline: { title: 标题 }', '    body:', '      - 完整的一段。', '      - subhead: 小标题', '      - 黄河交通学院获批', ''].join('\n'),
    );
    const loaded = await loadContent(dir);
    expect(findCutOffParagraphs('page' in loaded ? loaded.page : loaded.edition).map((c) => c.path)).toEqual([['modules', 0, 'body', 2]]);
    const [warning, ...rest] = await cutOffCopyWarnings(loaded);
    expect(rest).toEqual([]);
    expect(warning).toMatch(/edition\.yaml:9:9: modules\[0\]\.body\[2\] \(under 「小标题」\)/);
  });
});
