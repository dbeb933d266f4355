/**
 * Total area coverage (TAC): the sum of C, M, Y and K at a point. Newsprint
 * takes about 240% before ink sets off and smears (ISO 12647-3 and CGATS
 * TR 002 name 240–260%). Ghostscript's inkcov device gives page averages only,
 * so the page is rasterised to 8-bit CMYK (pamcmyk32, one sample a pixel, no
 * antialiasing) and the per-pixel sums are read here. Only the BleedBox is
 * measured: crop marks in the slug are cut off.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { ghostscript } from './ghostscript-run.ts';
import { makeTempDir, removeTempDir } from '../../paginate/temp-dirs.ts';

export const NEWSPRINT_INK_LIMIT = 240;
/** 72 ppi: pixels of 0.35 mm, finer than any area that can set off, and fast (≈0.3 s a page). */
export const INK_RASTER_PPI = 72;

export interface InkCoverage {
  /** Highest C+M+Y+K of any pixel, in percent (0–400). */
  maxPercent: number;
  limitPercent: number;
  withinLimit: boolean;
  /** Where the maximum is: page (1-based) and mm from the BleedBox's top left. */
  at: { page: number; xMm: number; yMm: number };
  /** Area above the limit, mm², over all pages. */
  overLimitMm2: number;
  ppi: number;
}

interface Pam {
  width: number;
  height: number;
  depth: number;
  data: Uint8Array;
}

function parsePam(bytes: Uint8Array): Pam {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256));
  const end = head.indexOf('ENDHDR\n');
  const field = (key: string) => Number(new RegExp(`^${key} (\\d+)`, 'm').exec(head)?.[1]);
  if (end < 0) throw new Error('not a PAM file');
  return { width: field('WIDTH'), height: field('HEIGHT'), depth: field('DEPTH'), data: bytes.subarray(end + 7) };
}

export async function measureInkCoverage(pdf: string, options: { ppi?: number; limit?: number; signal?: AbortSignal } = {}): Promise<InkCoverage> {
  const ppi = options.ppi ?? INK_RASTER_PPI;
  const limit = options.limit ?? NEWSPRINT_INK_LIMIT;
  const document = await PDFDocument.load(await readFile(pdf), { updateMetadata: false });
  const pages = document.getPages().map((page) => ({ media: page.getMediaBox(), bleed: page.getBleedBox() }));
  const dir = await makeTempDir('folio-ink-');
  try {
    await ghostscript(['-q', '-dBATCH', '-dNOPAUSE', '-dSAFER', '-sDEVICE=pamcmyk32', `-r${ppi}`, `-sOutputFile=${path.join(dir, 'page-%04d.pam')}`, pdf], options.signal);
    const files = (await readdir(dir)).filter((file) => file.endsWith('.pam')).sort();
    const result: InkCoverage = { maxPercent: 0, limitPercent: limit, withinLimit: true, at: { page: 1, xMm: 0, yMm: 0 }, overLimitMm2: 0, ppi };
    const pixelMm2 = (25.4 / ppi) ** 2;
    const limitSum = (limit / 100) * 255;
    for (const [index, file] of files.entries()) {
      const pam = parsePam(await readFile(path.join(dir, file)));
      const boxes = pages[index];
      if (!boxes || pam.depth !== 4) continue;
      // Pixel rows count from the top of the MediaBox.
      const px = (pt: number) => Math.round((pt * ppi) / 72);
      const mediaTop = boxes.media.y + boxes.media.height;
      const x0 = Math.max(0, px(boxes.bleed.x - boxes.media.x));
      const x1 = Math.min(pam.width, px(boxes.bleed.x + boxes.bleed.width - boxes.media.x));
      const y0 = Math.max(0, px(mediaTop - (boxes.bleed.y + boxes.bleed.height)));
      const y1 = Math.min(pam.height, px(mediaTop - boxes.bleed.y));
      let best = -1;
      let bestAt = [0, 0];
      for (let y = y0; y < y1; y += 1) {
        for (let x = x0, i = (y * pam.width + x0) * 4; x < x1; x += 1, i += 4) {
          const sum = pam.data[i]! + pam.data[i + 1]! + pam.data[i + 2]! + pam.data[i + 3]!;
          if (sum > limitSum) result.overLimitMm2 += pixelMm2;
          if (sum > best) {
            best = sum;
            bestAt = [x - x0, y - y0];
          }
        }
      }
      const percent = Math.round((best / 255) * 1000) / 10;
      if (percent > result.maxPercent) {
        const mm = (pixels: number) => Math.round((pixels / ppi) * 254) / 10;
        result.maxPercent = percent;
        result.at = { page: index + 1, xMm: mm(bestAt[0]!), yMm: mm(bestAt[1]!) };
      }
    }
    result.overLimitMm2 = Math.round(result.overLimitMm2);
    result.withinLimit = result.maxPercent <= limit;
    return result;
  } finally {
    await removeTempDir(dir);
  }
}
