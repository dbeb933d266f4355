/**
 * Photo quality through the press conversion (issue 20, item 5): PSNR of the
 * CMYK photo in the press file against the same photo converted losslessly
 * (the same Ghostscript conversion with Flate instead of JPEG), for Folio's
 * route (lossless proof, one JPEG at /prepress quality) and for the route it
 * replaced (a Q85 JPEG in the proof, then Ghostscript's default JPEG).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { conversionArgs, ghostscriptInfo, pdfxDefinition, prepareIccDir } from '../src/pdf/press/ghostscript.ts';
import { resolvePressSettings } from '../src/pdf/press/settings.ts';
import { ghostscript } from '../src/pdf/read/ghostscript-run.ts';
import { photoPixels } from '../test/e2e/support/photo-edition.ts';

export interface PhotoQuality {
  /** PSNR in dB of Folio's press photo against the lossless conversion. */
  folio: number;
  /** The same for the earlier route (Q85 JPEG, then Ghostscript's default JPEG). */
  before: number;
  widthPx: number;
  heightPx: number;
}

const WIDTH = 1500;
const HEIGHT = 1000;

/** A one-page PDF placing `image` (PNG or JPEG bytes) at 300 ppi. */
async function proofWith(image: Uint8Array, jpeg: boolean): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.setTitle('photo quality');
  const embedded = jpeg ? await document.embedJpg(image) : await document.embedPng(image);
  const page = document.addPage([(WIDTH * 72) / 300, (HEIGHT * 72) / 300]);
  page.drawImage(embedded, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  return document.save();
}

/** The photo of a press file as 8-bit CMYK samples (pdfimages writes CMYK TIFF). */
async function cmykPixels(pdf: string, dir: string): Promise<Buffer> {
  const prefix = path.join(dir, path.basename(pdf, '.pdf'));
  execFileSync('pdfimages', ['-tiff', pdf, prefix]);
  const file = readdirSync(dir).find((name) => name.startsWith(path.basename(prefix)) && name.endsWith('.tif'))!;
  return sharp(path.join(dir, file)).toColourspace('cmyk').raw().toBuffer();
}

function psnr(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += (a[i]! - b[i]!) ** 2;
  return Math.round(10 * Math.log10((255 * 255) / (sum / a.length)) * 10) / 10;
}

export async function benchPhotoQuality(work: string): Promise<PhotoQuality> {
  const dir = path.join(work, 'photo-quality');
  mkdirSync(dir, { recursive: true });
  const raw = sharp(photoPixels(WIDTH, HEIGHT, 7), { raw: { width: WIDTH, height: HEIGHT, channels: 3 } });
  const lossless = path.join(dir, 'lossless.pdf');
  const q85 = path.join(dir, 'q85.pdf');
  writeFileSync(lossless, await proofWith(await raw.clone().png().toBuffer(), false));
  writeFileSync(q85, await proofWith(await raw.clone().jpeg({ quality: 85 }).toBuffer(), true));

  const settings = resolvePressSettings();
  const iccDir = path.join(dir, 'icc');
  mkdirSync(iccDir);
  const definition = path.join(dir, 'pdfx.ps');
  writeFileSync(definition, pdfxDefinition(await prepareIccDir(iccDir, 'cmyk', settings), 'cmyk', settings));
  const { legacyInterpreter } = await ghostscriptInfo();
  const convert = async (input: string, output: string, adjust: (args: string[]) => string[]) => {
    await ghostscript(adjust(conversionArgs({ input, output, definition, iccDir, colour: 'cmyk', legacyInterpreter, settings })));
    return cmykPixels(output, dir);
  };
  const asFolio = (args: string[]) => args;
  const asFlate = (args: string[]) => args.map((arg) => arg.replace(/ImageFilter=DCTEncode/, 'ImageFilter=FlateEncode'));
  // The earlier route: Ghostscript's own image settings (no distiller parameters of Folio's).
  const asBefore = (args: string[]) => {
    const start = args.findIndex((arg) => arg.startsWith('-dDownsampleColorImages'));
    const out = args.filter((arg, index) => !(index >= start && index < start + 6));
    const c = out.indexOf('-c');
    out.splice(c, 3);
    return out;
  };
  const reference = await convert(lossless, path.join(dir, 'reference.pdf'), asFlate);
  const folio = await convert(lossless, path.join(dir, 'folio.pdf'), asFolio);
  const before = await convert(q85, path.join(dir, 'before.pdf'), asBefore);
  return { folio: psnr(folio, reference), before: psnr(before, reference), widthPx: WIDTH, heightPx: HEIGHT };
}
