import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../src/batch/manifest.ts';
import { overridesSupported, parseEditionWith, withOverrides } from '../../../src/batch/overrides.ts';
import { ContentError, FolioError } from '../../../src/errors.ts';

const EDITION = 'headline: {title: 标题}\npaper: {page: "1"}\nsections: [{id: a, label: 精彩, articles: [{title: 题, paragraphs: [文。]}]}]\n';
const overridesOf = (yaml: string) => parseManifest(`editions:\n  - path: a\n    overrides:\n${yaml}`, 'list.yaml').editions[0]!.overrides;

describe('edition overrides', () => {
  it('leave editions without overrides to the loader as they are', () => {
    expect(parseEditionWith(EDITION, 'e.yaml', []).paper.page).toBe('1');
    const options = { input: 'x' };
    expect(withOverrides(options, [])).toBe(options);
  });

  it.runIf(overridesSupported())('are set over the edition before validation; a bad value is reported in the manifest', () => {
    const edition = parseEditionWith(EDITION, 'e.yaml', overridesOf('      id: other\n      paper: { page: A1, date: 2024-01-05 }\n'));
    expect(edition).toMatchObject({ id: 'other', paper: { page: 'A1', date: '2024-01-05', preset: 'duikai' } });
    let error: unknown;
    try {
      parseEditionWith(EDITION, 'e.yaml', overridesOf('      paper: { date: soon }\n'));
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).location).toMatchObject({ file: 'list.yaml', line: 4, column: 22, path: 'paper.date' });
  });

  it.skipIf(overridesSupported())('fail clearly while the loader cannot apply them', () => {
    const overrides = overridesOf('      paper: { page: A1 }\n');
    expect(() => parseEditionWith(EDITION, 'e.yaml', overrides)).toThrow(FolioError);
    expect(() => withOverrides({ input: 'x' }, overrides)).toThrow(/cannot apply manifest overrides/);
  });
});
