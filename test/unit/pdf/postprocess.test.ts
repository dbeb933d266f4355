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
