import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, rgb } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { writeVolume } from '../../../src/batch/volume.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-volume-'));

/** A small PDF with `pages` pages, each with its own size and trim box. */
async function edition(name: string, pages: number): Promise<string> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i += 1) {
    const page = doc.addPage([300 + i * 10, 400]);
    page.setTrimBox(10, 10, 280, 380);
    page.drawRectangle({ x: 20, y: 20, width: 50, height: 50, color: rgb(0.8, 0.1, 0.1) });
  }
  doc.setTitle(name);
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, await doc.save());
  return file;
}

describe('writeVolume', () => {
  it('merges the editions in order, with one bookmark and one page-label range per edition', async () => {
    const parts = [
      { file: await edition('a', 1), id: 'wuzhi-2023', title: 'wuzhi-2023: 擎旗领跑' },
      { file: await edition('b', 2), id: 'wuzhi-2024', title: 'wuzhi-2024: 2024-01-05 A1版 勇闯新路' },
      { file: await edition('c', 1), id: 'dense', title: 'dense' },
    ];
    const target = path.join(dir, 'volume.pdf');
    expect(await writeVolume(target, parts, '武陟 2024')).toEqual({ pages: 4 });

    execFileSync('qpdf', ['--check', target]); // throws on a damaged file

    const merged = await PDFDocument.load(await readFile(target));
    expect(merged.getPageCount()).toBe(4);
    expect(merged.getPages().map((p) => p.getWidth())).toEqual([300, 300, 310, 300]);
    expect(merged.getPage(2).getTrimBox()).toEqual({ x: 10, y: 10, width: 280, height: 380 });
    expect(merged.getTitle()).toBe('武陟 2024');

    const pdf = await getDocument({ data: new Uint8Array(await readFile(target)), verbosity: 0 }).promise;
    const outline = (await pdf.getOutline())!;
    expect(outline.map((item) => item.title)).toEqual(parts.map((p) => p.title));
    const targets = await Promise.all(outline.map(async (item) => pdf.getPageIndex((item.dest as [{ num: number; gen: number }])[0])));
    expect(targets).toEqual([0, 1, 3]);
    expect(await pdf.getPageLabels()).toEqual(['wuzhi-2023-1', 'wuzhi-2024-1', 'wuzhi-2024-2', 'dense-1']);
    await pdf.destroy();
  });

  it('fails without leaving a partial file when an edition is unreadable', async () => {
    const target = path.join(dir, 'broken-volume.pdf');
    const missing = path.join(dir, 'missing.pdf');
    await expect(writeVolume(target, [{ file: await edition('d', 1), id: 'd', title: 'd' }, { file: missing, id: 'x', title: 'x' }], 'v')).rejects.toThrow(/could not write the volume/);
    await expect(readFile(target)).rejects.toThrow();
    const leftovers = execFileSync('ls', ['-a', dir], { encoding: 'utf8' });
    expect(leftovers).not.toMatch(/\.tmp/);
  });
});
