/**
 * Supplied ads (issue 17): an ad slot whose module names a file gets that
 * file placed in its rectangle after the page is printed, as a layout editor
 * places an ad in 方正飞腾 or InDesign: a PDF ad as its first page, untouched
 * (a form XObject, its vectors and fonts as the agency made them), a JPEG or
 * PNG ad as the image itself, never resampled. The ad keeps its proportions,
 * centred in the slot; one that is not the slot's shape is named in a
 * warning, since agencies supply ads at the booked size.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { measureGeometry, type PageGeometry } from '../defaults.ts';
import { ContentError, PdfError } from '../errors.ts';
import { t } from '../i18n/locale.ts';
import { computeBoxes } from './postprocess.ts';

export interface AdPlacement {
  id: string;
  /** The file as the page names it, relative to the page's folder. */
  file: string;
  /** The slot on the grid: columns and lines from the type area's top left. */
  column: number;
  line: number;
  columns: number;
  lines: number;
}

/** Differences of shape below this (in either direction) are the agency's rounding, not a wrong size. */
const SHAPE_TOLERANCE = 0.02;

export async function placeAds(pdf: Uint8Array, ads: readonly AdPlacement[], geometry: PageGeometry, dir: string): Promise<{ pdf: Uint8Array; warnings: string[] }> {
  if (ads.length === 0) return { pdf, warnings: [] };
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const page = document.getPage(0);
  const warnings: string[] = [];
  for (const ad of ads) {
    const slot = slotRect(page, ad, geometry);
    const drawn = await drawAd(document, page, ad, slot, path.resolve(dir, ad.file));
    // An image has no size of its own but its pixels: only its shape can be wrong. A PDF ad has both.
    const shape = Math.abs((drawn.height / drawn.width) / (slot.height / slot.width) - 1) > SHAPE_TOLERANCE;
    const size = drawn.kind === 'pdf' && Math.abs(drawn.scale - 1) > SHAPE_TOLERANCE;
    if (shape || size) {
      const inches = (drawn.width * drawn.scale) / 72;
      warnings.push(
        t('layout.adShape', {
          id: ad.id,
          file: ad.file,
          size: drawn.kind === 'pdf' ? `${mm(drawn.width)}×${mm(drawn.height)} mm` : `${drawn.width}×${drawn.height} px`,
          slot: `${mm(slot.width)}×${mm(slot.height)}`,
          fit: drawn.kind === 'pdf' ? `${Math.round(drawn.scale * 100)}%` : `${Math.round(drawn.width / inches)} ppi`,
        }),
      );
    }
  }
  return { pdf: await document.save({ useObjectStreams: false }), warnings };
}

const mm = (pt: number) => Math.round((pt * 25.4) / 72);

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The slot in PDF points: the grid rectangle measured from the TrimBox the page is given. */
function slotRect(page: PDFPage, ad: AdPlacement, geometry: PageGeometry): Box {
  const m = measureGeometry(geometry);
  const { trim } = computeBoxes(page.getMediaBox().height, geometry);
  const step = m.columnWidth + m.gutter;
  const width = ad.columns * m.columnWidth + (ad.columns - 1) * m.gutter;
  const height = ad.lines * geometry.linePitchPt;
  const top = trim[3] - m.marginTop - ad.line * geometry.linePitchPt;
  return { x: trim[0] + m.marginInside + ad.column * step, y: top - height, width, height };
}

async function drawAd(document: PDFDocument, page: PDFPage, ad: AdPlacement, slot: Box, file: string) {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new ContentError(t('layout.adMissing', { id: ad.id, file: ad.file }), { cause: error, hint: t('layout.adMissingFix') });
  }
  try {
    const kind = sniff(bytes);
    const art =
      kind === 'pdf'
        ? await document.embedPdf(bytes, [0]).then(([first]) => ({ width: first!.width, height: first!.height, draw: (at: Box) => page.drawPage(first!, at) }))
        : await (kind === 'png' ? document.embedPng(bytes) : document.embedJpg(bytes)).then((image) => ({ width: image.width, height: image.height, draw: (at: Box) => page.drawImage(image, at) }));
    const scale = Math.min(slot.width / art.width, slot.height / art.height);
    const width = art.width * scale;
    const height = art.height * scale;
    art.draw({ x: slot.x + (slot.width - width) / 2, y: slot.y + (slot.height - height) / 2, width, height });
    return { kind, width: art.width, height: art.height, scale };
    return { width: art.width, height: art.height, scale };
  } catch (error) {
    if (error instanceof ContentError) throw error;
    throw new PdfError(t('layout.adUnreadable', { id: ad.id, file: ad.file }), { cause: error, hint: t('layout.adUnreadableFix') });
  }
}

/** By content, not name: an agency's "ad.pdf" may be a JPEG. */
function sniff(bytes: Uint8Array): 'pdf' | 'png' | 'jpeg' {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8) return 'jpeg';
  throw new Error('not a PDF, PNG or JPEG file');
}
