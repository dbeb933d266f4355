import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../src/batch/manifest.ts';
import { ContentError, describeError } from '../../../src/errors.ts';

const FILE = 'annual/manifest.yaml';
const DIR = path.resolve('annual');

function manifestError(source: string): ContentError {
  try {
    parseManifest(source, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error('expected the manifest to be rejected');
}

describe('parseManifest', () => {
  it('reads short and long entries, relative to the manifest, with overrides flattened to field paths', () => {
    const manifest = parseManifest(
      [
        'editions:',
        '  - 2024-01/wuzhi',
        '  - path: 2024-02/wuzhi/edition.yaml',
        '    overrides:',
        '      id: wuzhi-2024-02',
        '      paper: { date: 2024-02-05, page: A1 }',
        '      keywords: [武陟]',
        'volume:',
        '  title: 武陟 2024',
        '  order: [wuzhi-2024-02]',
      ].join('\n'),
      FILE,
    );
    expect(manifest.editions.map((e) => e.input)).toEqual([path.join(DIR, '2024-01/wuzhi'), path.join(DIR, '2024-02/wuzhi/edition.yaml')]);
    expect(manifest.editions[0]!.overrides).toEqual([]);
    const overrides = manifest.editions[1]!.overrides;
    expect(overrides.map((o) => [o.path.join('.'), o.value])).toEqual([
      ['id', 'wuzhi-2024-02'],
      ['paper.date', '2024-02-05'],
      ['paper.page', 'A1'],
      ['keywords', ['武陟']],
    ]);
    expect(overrides[1]!.location).toMatchObject({ file: FILE, line: 6, column: 22, path: 'editions[1].overrides.paper.date' });
    expect(manifest.editions[1]!.location).toMatchObject({ line: 3 });
    expect(manifest.volumeTitle).toBe('武陟 2024');
    expect(manifest.order).toEqual([{ id: 'wuzhi-2024-02', location: expect.objectContaining({ line: 10, column: 11 }) }]);
  });

  it('points at an unknown key, listing the allowed ones', () => {
    const error = manifestError('editions:\n  - path: a\n    overide: {}\n');
    expect(error.location).toMatchObject({ file: FILE, line: 3, column: 5, path: 'editions[0].overide' });
    expect(error.message).toContain('unknown key "overide"; allowed keys: path, overrides');
    expect(describeError(error)).toContain(`${FILE}:3:5`);
  });

  it('points at values of the wrong type and at a missing list', () => {
    expect(manifestError('editions:\n  - path: 3\n').location).toMatchObject({ line: 2, column: 11, path: 'editions[0].path' });
    expect(manifestError('volume: {}\n').message).toMatch(/editions/);
    expect(manifestError('editions: []\n').message).toContain('at least one edition');
    expect(manifestError('editions: [a]\nvolume: { order: [Not_An_Id] }\n').location).toMatchObject({ line: 2, column: 19, path: 'volume.order[0]' });
  });

  it('reports YAML syntax errors at their line and column', () => {
    const error = manifestError('editions:\n  - "a\n');
    expect(error.message).toMatch(/^invalid YAML in the manifest/);
    expect(error.location?.line).toBeGreaterThanOrEqual(2);
  });

  it('rejects an override that names no edition field, at the override', () => {
    const error = manifestError('editions:\n  - path: a\n    overrides:\n      paper: { pgae: A1 }\n');
    expect(error.message).toContain('"paper.pgae" names no edition field');
    expect(error.location).toMatchObject({ line: 4, column: 22 });
  });

  it('says so when given an edition instead of a manifest', () => {
    const error = manifestError('headline: { title: 标题 }\nsections: []\n');
    expect(error.hint).toMatch(/looks like an edition/);
  });

  it('rejects an id listed twice in the volume order', () => {
    expect(manifestError('editions: [a, b]\nvolume: { order: [a, a] }\n').message).toContain('lists "a" twice');
  });
});
