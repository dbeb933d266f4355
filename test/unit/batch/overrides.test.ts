import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../src/batch/manifest.ts';
import { parseEdition } from '../../../src/content/load.ts';
import { ContentError } from '../../../src/errors.ts';

const EDITION = 'headline: {title: 标题}\npaper: {page: "1"}\nsections: [{id: a, label: 精彩, articles: [{title: 题, paragraphs: [文。]}]}]\n';
const overridesOf = (yaml: string) => parseManifest(`editions:\n  - path: a\n    overrides:\n${yaml}`, 'list.yaml').editions[0]!.overrides;

describe('edition overrides', () => {
  it('leave editions without overrides as they are', () => {
    expect(parseEdition(EDITION, 'e.yaml', []).paper.page).toBe('1');
  });

  it('are set over the edition before validation; a bad value is reported in the manifest', () => {
    const edition = parseEdition(EDITION, 'e.yaml', overridesOf('      id: other\n      paper: { page: A1, date: 2024-01-05 }\n'));
    expect(edition).toMatchObject({ id: 'other', paper: { page: 'A1', date: '2024-01-05', preset: 'duikai' } });
    let error: unknown;
    try {
      parseEdition(EDITION, 'e.yaml', overridesOf('      paper: { date: soon }\n'));
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).location).toMatchObject({ file: 'list.yaml', line: 4, column: 22, path: 'paper.date' });
  });

  it('cannot set a lang that is not a BCP 47 tag (it is written into the PDF Catalog; issue 16)', () => {
    const hostile = `      lang: "zh) /OpenAction << /S /JavaScript /JS (app.alert(1)) >> /X ("\n`;
    expect(() => parseEdition(EDITION, 'e.yaml', overridesOf(hostile))).toThrow(/BCP 47/);
    expect(parseEdition(EDITION, 'e.yaml', overridesOf('      lang: zh-Hant-TW\n')).lang).toBe('zh-Hant-TW');
  });
});
