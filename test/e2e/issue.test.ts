/**
 * An issue folder (issue 18): `renderIssue` writes one plate file per page
 * named by paper.yaml's pattern, each page's folio fields filled from
 * issue.yaml (the page files carry none), and the issue PDF with one
 * bookmark and one page label per page, in the issue's order.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderIssue, type IssueResult } from '../../src/issue/render.ts';
import { DUIKAI } from '../../src/defaults.ts';
import { sharedBrowser } from './support/browser.ts';
import { readBoxes, readPdfText } from './support/pdf.ts';
import { typeArea } from './support/layout.ts';

const ISSUE = 'test/fixtures/issues/2024-01-26';
const PLATES = ['20240126_A01.pdf', '20240126_A02.pdf', '20240126_A03.pdf'];

/** Text of page 1 above the type area (the folio line), and of the type area's top 200 pt (a masthead; the first headline starts lower), without the letter-spacing of the name. */
async function headText(file: string) {
  const text = await readPdfText(file);
  const boxes = readBoxes(file);
  const area = typeArea(boxes.trim, DUIKAI);
  const join = (keep: (y: number) => boolean) => text.items.filter((item) => keep(item.y)).map((item) => item.str).join('');
  return { pageCount: text.pageCount, folioLine: join((y) => y > area.top && y < boxes.trim[3]!), top: join((y) => y <= area.top && y > area.top - 200).replace(/\s+/g, '') };
}

function decodeText(object: unknown): string {
  return object instanceof PDFHexString || object instanceof PDFString ? object.decodeText() : String(object);
}

describe('folio render <issue-dir>', () => {
  let result: IssueResult;
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(path.join(os.tmpdir(), 'folio-issue-'));
    result = await renderIssue({ dir: ISSUE, outputDir: out, browser: await sharedBrowser() });
  }, 300_000);

  it('writes one plate file per page, named by the pattern, each with its own preflight', () => {
    const files = readdirSync(out).sort();
    expect(files.filter((file) => file.endsWith('.pdf'))).toEqual(['20240126.pdf', ...PLATES]);
    expect(files.filter((file) => file.endsWith('.preflight.json'))).toEqual(PLATES.map((plate) => plate.replace(/\.pdf$/, '.preflight.json')));
    expect(result.pages.map((page) => path.basename(page.pdfPath))).toEqual(PLATES);
  });

  it('prints each page\'s label, 版名, paper and the issue date from the issue files in its folio line', async () => {
    for (const [index, label, name] of [[1, 'A2', '综合新闻'], [2, 'A3', '综合新闻']] as const) {
      const head = await headText(path.join(out, PLATES[index]!));
      expect(head.pageCount).toBe(1);
      for (const field of [label, name, '示例日报', '2024年1月26日', '责任编辑：某编辑']) expect(head.folioLine).toContain(field);
    }
  });

  it('gives the front page (a masthead, no folio line) the paper name, issue date and number from the issue files', async () => {
    const front = await headText(path.join(out, PLATES[0]!));
    expect(front.pageCount).toBe(1);
    expect(front.folioLine).toBe('');
    for (const field of ['示例日报', '2024年1月26日', '第1期']) expect(front.top).toContain(field);
  });

  it('joins the plates in order into the issue PDF, with a bookmark and a page label per page', async () => {
    const issuePdf = path.join(out, '20240126.pdf');
    expect(result.issuePdfPath).toBe(issuePdf);
    const doc = await PDFDocument.load(await readFile(issuePdf), { updateMetadata: false });
    expect(doc.getPageCount()).toBe(3);
    for (const [index, plate] of PLATES.entries()) {
      expect((await readPdfText(issuePdf, index + 1)).joined).toBe((await readPdfText(path.join(out, plate))).joined);
    }
    const pageRefs = doc.getPages().map((page) => page.ref.toString());
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const marks: string[] = [];
    for (let ref = outlines.get(PDFName.of('First')); ref instanceof PDFRef; ) {
      const item = doc.context.lookup(ref, PDFDict);
      const target = (item.lookup(PDFName.of('Dest'), PDFArray).get(0) as PDFRef).toString();
      marks.push(`${decodeText(item.lookup(PDFName.of('Title')))} → page ${pageRefs.indexOf(target) + 1}`);
      ref = item.get(PDFName.of('Next'));
    }
    expect(marks).toEqual(['A1 要闻 → page 1', 'A2 综合新闻 → page 2', 'A3 综合新闻 → page 3']);
    const nums = doc.catalog.lookup(PDFName.of('PageLabels'), PDFDict).lookup(PDFName.of('Nums'), PDFArray).asArray();
    const labels: string[] = [];
    for (let i = 0; i < nums.length; i += 2) {
      const label = doc.context.lookup(nums[i + 1], PDFDict);
      // A label of a prefix only (no /S numbering style) prints exactly the prefix: A1, not A11.
      expect(label.has(PDFName.of('S'))).toBe(false);
      labels.push(`${(nums[i] as PDFNumber).asNumber()}:${decodeText(label.lookup(PDFName.of('P')))}`);
    }
    expect(labels).toEqual(['0:A1', '1:A2', '2:A3']);
  });
});
