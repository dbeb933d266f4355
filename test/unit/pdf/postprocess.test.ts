import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { computeBoxes, postprocessPdf } from '../../../src/pdf/postprocess.ts';
import { DUIKAI } from '../../../src/defaults.ts';

const MM = 72 / 25.4;

describe('postprocessPdf', () => {
  it('measures the trim from the top of a rounded MediaBox', () => {
    const { trim, bleed } = computeBoxes(1602, DUIKAI);
    expect(trim[3]).toBeCloseTo(1602 - 10 * MM, 3);
    expect((trim[3] - trim[1]) / MM).toBeCloseTo(545, 3);
    expect((trim[1] - bleed[1]) / MM).toBeCloseTo(3, 3);
  });

  it('sets TrimBox, BleedBox and the metadata', async () => {
    const source = await PDFDocument.create();
    source.addPage([410 * MM, 565 * MM]);
    const out = await postprocessPdf(await source.save(), DUIKAI, { title: '擎旗领跑', author: '本报记者 董柏生', subject: '副题', keywords: ['武陟'], lang: 'zh-CN' });
    const pdf = await PDFDocument.load(out);
    const page = pdf.getPage(0);
    expect(page.getTrimBox().width / MM).toBeCloseTo(390, 2);
    expect(page.getBleedBox().width / MM).toBeCloseTo(396, 2);
    expect(pdf.getTitle()).toBe('擎旗领跑');
    expect(pdf.getAuthor()).toBe('本报记者 董柏生');
    expect(pdf.getCreator()).toContain('Folio');
  });
});

describe('metadata strings cannot inject PDF objects (issue 16)', () => {
  // A ")" ends a literal string: written unescaped, the rest became Catalog entries.
  const HOSTILE = 'zh) /OpenAction << /S /JavaScript /JS (app.alert(1)) >> /X (';

  /** The Catalog and Info dictionaries as qpdf reads them (an independent parser). */
  function qpdfTrailerObjects(pdf: Uint8Array) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-meta-'));
    try {
      const file = path.join(dir, 'x.pdf');
      writeFileSync(file, pdf);
      const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=qpdf', file], { encoding: 'utf8' }));
      const objects = json.qpdf[1] as Record<string, { value?: Record<string, unknown> }>;
      const trailer = json.qpdf[1].trailer.value as Record<string, string>;
      const deref = (ref: string) => objects[`obj:${ref}`]!.value as Record<string, unknown>;
      return { catalog: deref(trailer['/Root']!), info: deref(trailer['/Info']!) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('writes lang, title, author, subject and keywords as whole strings; the Catalog has no action', async () => {
    const source = await PDFDocument.create();
    source.addPage([410 * MM, 565 * MM]);
    const out = await postprocessPdf(await source.save(), DUIKAI, { title: HOSTILE, author: HOSTILE, subject: HOSTILE, keywords: [HOSTILE], lang: HOSTILE });
    const { catalog, info } = qpdfTrailerObjects(out);
    expect(Object.keys(catalog).sort()).toEqual(['/Lang', '/Pages', '/Type', '/ViewerPreferences']);
    expect(catalog['/Lang']).toBe(`u:${HOSTILE}`);
    for (const key of ['/Title', '/Author', '/Subject', '/Keywords']) expect(info[key], key).toBe(`u:${HOSTILE}`);
  });
});
