/**
 * Supplied ads (issue 17): an ad slot that names a PDF or an image gets the
 * file itself in its rectangle — read back from the printed page: the ad's
 * own text where the slot is, its colour in the slot's pixels, a JPEG at
 * its own pixel size (not resampled), a warning for an ad of the wrong
 * shape, and a missing file refused before rendering.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { build } from '../../src/pipeline.ts';
import { DUIKAI, measureGeometry } from '../../src/defaults.ts';
import { ContentError } from '../../src/errors.ts';
import { sharedBrowser } from './support/browser.ts';
import { readBoxes, readPdfText } from './support/pdf.ts';
import { moduleRects } from './support/modules.ts';

const SOURCE = 'test/fixtures/pages/ad';
const MARK = 'ADTEST7Q';

/** A copy of the ad fixture whose foot slot names `file`, written by `write` into the copy. */
function pageWithAd(file: string, write: (target: string) => Promise<void> | void) {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'folio-ad-')), 'page');
  mkdirSync(dir);
  const page = parse(readFileSync(`${SOURCE}/edition.yaml`, 'utf8'));
  page.modules.find((m: { id: string }) => m.id === 'foot-ad').file = file;
  writeFileSync(path.join(dir, 'edition.yaml'), stringify(page));
  return { dir, ready: Promise.resolve(write(path.join(dir, file))) };
}

/** The foot slot of the fixture: 8 columns × 24 lines. */
function slotPt(columns = 8, lines = 24) {
  const m = measureGeometry(DUIKAI);
  return { width: columns * m.columnWidth + (columns - 1) * m.gutter, height: lines * DUIKAI.linePitchPt };
}

async function vectorAd(target: string, width: number, height: number) {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([width, height]);
  page.drawRectangle({ x: 0, y: 0, width, height, color: rgb(0, 0.2, 0.8) });
  page.drawText(MARK, { x: 20, y: height / 2, size: 40, font: await pdf.embedFont(StandardFonts.Helvetica), color: rgb(1, 1, 1) });
  writeFileSync(target, await pdf.save());
}

/** Mean RGB of the page's pixels inside a rectangle given in PDF points (raster at 20 dpi). */
async function meanColour(pdf: string, rect: { left: number; right: number; top: number; bottom: number }, mediaHeight: number) {
  const root = pdf.replace(/\.pdf$/, '-colour');
  execFileSync('pdftoppm', ['-r', '20', '-png', '-singlefile', pdf, root]);
  const px = (pt: number) => Math.round((pt * 20) / 72);
  const left = px(rect.left) + 2;
  const top = px(mediaHeight - rect.top) + 2;
  const { data, info } = await sharp(`${root}.png`)
    .extract({ left, top, width: px(rect.right) - left - 2, height: px(mediaHeight - rect.bottom) - top - 2 })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const sum = [0, 0, 0];
  for (let i = 0; i < data.length; i += 3) for (let c = 0; c < 3; c += 1) sum[c]! += data[i + c]!;
  const n = info.width * info.height;
  return sum.map((s) => s / n);
}

describe('supplied ads', () => {
  it('places a PDF ad in its slot as the agency made it: its own text there, its colour filling the slot', async () => {
    const { width, height } = slotPt();
    const { dir, ready } = pageWithAd('ad.pdf', (target) => vectorAd(target, width, height));
    await ready;
    const pdf = path.join(dir, 'page.pdf');
    const result = await build({ input: dir, output: pdf, browser: await sharedBrowser() });
    const boxes = readBoxes(pdf);
    const slot = moduleRects(result.arrangement!, boxes.trim, DUIKAI).find((r) => r.id === 'foot-ad')!;
    const text = await readPdfText(pdf);
    const mark = text.items.find((item) => item.str.includes(MARK));
    expect(mark, 'the ad\'s own text').toBeDefined();
    expect(mark!.x).toBeGreaterThan(slot.left);
    expect(mark!.y).toBeLessThan(slot.top);
    expect(mark!.y).toBeGreaterThan(slot.bottom);
    // The placeholder mark is gone, and the slot's pixels are the ad's blue.
    expect(text.joined).not.toContain('广告');
    const [r, g, b] = await meanColour(pdf, slot, boxes.media[3]!);
    expect(b!).toBeGreaterThan(150);
    expect(r!).toBeLessThan(80);
    expect(result.warnings.filter((w) => w.includes('foot-ad'))).toEqual([]);
  }, 120_000);

  it('places a JPEG ad at its own pixel size, and warns of an ad that is not the slot\'s shape', async () => {
    const { width, height } = slotPt();
    // Square where the slot is wide: set whole, centred, with a warning naming the ad and its scale.
    const side = Math.round((height / 72) * 150);
    const { dir, ready } = pageWithAd('ad.jpg', (target) =>
      sharp({ create: { width: side, height: side, channels: 3, background: { r: 200, g: 30, b: 30 } } }).jpeg().toFile(target).then(() => undefined),
    );
    await ready;
    const pdf = path.join(dir, 'page.pdf');
    const result = await build({ input: dir, output: pdf, browser: await sharedBrowser() });
    const images = execFileSync('pdfimages', ['-list', pdf]).toString();
    expect(images).toMatch(new RegExp(`\\s${side}\\s+${side}\\s`));
    const warning = result.warnings.find((w) => w.includes('"foot-ad"'));
    expect(warning).toBeDefined();
    expect(warning).toContain('ad.jpg');
    // Placed the slot's height tall: 150 px per inch, as the JPEG was made.
    expect(warning).toContain('150 ppi');
  }, 120_000);

  // The PNG proof is a picture of the sheet Chromium printed, before the ad goes into the PDF:
  // it shows the ad in its slot all the same, and the PDF still holds the JPEG once, untouched.
  it('shows a JPEG ad in its slot in the PNG proof, and places it in the PDF once', async () => {
    const { height } = slotPt();
    const side = Math.round((height / 72) * 150);
    const { dir, ready } = pageWithAd('ad.jpg', (target) =>
      sharp({ create: { width: side, height: side, channels: 3, background: { r: 200, g: 30, b: 30 } } }).jpeg().toFile(target).then(() => undefined),
    );
    await ready;
    const pdf = path.join(dir, 'page.pdf');
    const result = await build({ input: dir, output: pdf, png: true, browser: await sharedBrowser() });
    const boxes = readBoxes(pdf);
    const slot = moduleRects(result.arrangement!, boxes.trim, DUIKAI).find((r) => r.id === 'foot-ad')!;
    const { data, info } = await sharp(result.pngPath!).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    // The PNG is the whole sheet (the MediaBox), at its own scale.
    const scale = info.width / boxes.media[2]!;
    const mid = { x: (slot.left + slot.right) / 2, y: (slot.top + slot.bottom) / 2 };
    const half = (slot.top - slot.bottom) / 4;
    const sum = [0, 0, 0];
    let n = 0;
    for (let y = Math.round((boxes.media[3]! - mid.y - half) * scale); y < Math.round((boxes.media[3]! - mid.y + half) * scale); y += 1) {
      for (let x = Math.round((mid.x - half) * scale); x < Math.round((mid.x + half) * scale); x += 1) {
        for (let c = 0; c < 3; c += 1) sum[c]! += data[(y * info.width + x) * 3 + c]!;
        n += 1;
      }
    }
    const [r, g, b] = sum.map((s) => s / n);
    console.log(`proof PNG ${info.width}×${info.height} px; mean colour in the middle of the ad slot: ${[r, g, b].map((v) => v!.toFixed(0)).join(', ')}`);
    expect(r!).toBeGreaterThan(150);
    expect(g!).toBeLessThan(90);
    expect(b!).toBeLessThan(90);
    // The PDF: the ad once, the JPEG itself (Chromium printed no copy of it).
    const images = execFileSync('pdfimages', ['-list', pdf]).toString();
    expect(images.split('\n').filter((line) => new RegExp(`\\s${side}\\s+${side}\\s`).test(line))).toHaveLength(1);
  }, 120_000);

  it('refuses a missing ad file before rendering, naming the ad and the file', async () => {
    const { dir } = pageWithAd('nowhere.pdf', () => undefined);
    const error = await build({ input: dir, output: path.join(dir, 'page.pdf'), browser: await sharedBrowser() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toContain('foot-ad');
    expect((error as Error).message).toContain('nowhere.pdf');
  });
});
