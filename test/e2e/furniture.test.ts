/** Page furniture: the folio line in the head margin shows exactly the paper fields an edition gives; the credit line sits at the foot. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { DUIKAI } from '../../src/defaults.ts';
import { sharedBrowser } from './support/browser.ts';
import { readBoxes, readPdfText } from './support/pdf.ts';
import { typeArea } from './support/layout.ts';

const renders = new Map<string, ReturnType<typeof renderOnce>>();
const render = (input: string) => {
  if (!renders.has(input)) renders.set(input, renderOnce(input));
  return renders.get(input)!;
};

async function renderOnce(input: string) {
  const pdf = path.join(mkdtempSync(path.join(os.tmpdir(), 'folio-furniture-')), 'page.pdf');
  await build({ input, output: pdf, browser: await sharedBrowser() });
  const boxes = readBoxes(pdf);
  return { text: await readPdfText(pdf), area: typeArea(boxes.trim, DUIKAI), trimTop: boxes.trim[3]! };
}

describe('page furniture', () => {
  it('sets the given paper fields in the folio line above the type area', async () => {
    const { text, area, trimTop } = await render('test/fixtures/folio-line');
    const head = text.items.filter((item) => item.y > area.top && item.y < trimTop);
    const line = head.map((item) => item.str).join('');
    for (const field of ['A4', '专版', '示例日报', '2024年1月5日', '责任编辑：某编辑']) expect(line).toContain(field);
  });

  it('prints nothing in the folio line that the edition does not give', async () => {
    const { text, area, trimTop } = await render('content/wuzhi-2024');
    expect(text.items.filter((item) => item.y > area.top && item.y < trimTop)).toEqual([]);
  });

  it('sets the page credit on the last line of the type area', async () => {
    const { text, area } = await render('content/wuzhi-2024');
    const lastLine = text.items.filter((item) => item.y < area.top - area.height + 2 * DUIKAI.linePitchPt);
    expect(lastLine.map((item) => item.str).join('')).toContain('（本版照片除署名外均由武陟县委宣传部提供）');
  });
});
