/**
 * Small PDFs that trip one preflight check each, made with pdf-lib: a sheet
 * with Folio's geometry (trim, 3 mm bleed, 10 mm slug), and helpers to put
 * one offending thing on it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cmyk, PDFDocument, PDFHexString, PDFName, PDFPage, StandardFonts, beginText, endText, moveText, setFontAndSize, showText } from 'pdf-lib';
import sharp from 'sharp';
import { DUIKAI } from '../../../src/defaults.ts';
import { computeBoxes } from '../../../src/pdf/postprocess.ts';
import type { PreflightEdition } from '../../../src/preflight/types.ts';

export const MM = 72 / 25.4;
export const EDITION: PreflightEdition = { geometry: DUIKAI, pages: 1 };

const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-preflight-'));
let count = 0;

export interface Sheet {
  document: PDFDocument;
  page: PDFPage;
  /** TrimBox as [left, bottom, right, top] in points. */
  trim: [number, number, number, number];
}

/** A one-page document with Folio's sheet and boxes (as src/pdf/postprocess.ts sets them). */
export async function sheet(options: { boxes?: boolean; widthMm?: number; heightMm?: number } = {}): Promise<Sheet> {
  const document = await PDFDocument.create();
  const geometry = { ...DUIKAI, trimWidthMm: options.widthMm ?? DUIKAI.trimWidthMm, trimHeightMm: options.heightMm ?? DUIKAI.trimHeightMm };
  const width = (geometry.trimWidthMm + 2 * geometry.slugMm) * MM;
  const height = (geometry.trimHeightMm + 2 * geometry.slugMm) * MM;
  const page = document.addPage([width, height]);
  const { trim, bleed } = computeBoxes(height, geometry);
  if (options.boxes !== false) {
    page.setTrimBox(trim[0], trim[1], trim[2] - trim[0], trim[3] - trim[1]);
    page.setBleedBox(bleed[0], bleed[1], bleed[2] - bleed[0], bleed[3] - bleed[1]);
  }
  return { document, page, trim };
}

/** Saves the document to a temporary file and returns its path. */
export async function save(document: PDFDocument, name = 'fixture'): Promise<string> {
  const file = path.join(dir, `${++count}-${name}.pdf`);
  writeFileSync(file, await document.save());
  return file;
}

/** A solid RGB PNG of the given pixel size. */
export function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 90, g: 120, b: 160 } } }).png().toBuffer();
}

/** Text in an embedded-looking position (the type area), with pdf-lib's standard Helvetica. */
export async function text(target: Sheet, content: string, options: { x?: number; y?: number; size?: number } = {}): Promise<void> {
  const font = await target.document.embedFont(StandardFonts.Helvetica);
  target.page.drawText(content, { x: options.x ?? target.trim[0] + 40 * MM, y: options.y ?? target.trim[3] - 60 * MM, size: options.size ?? 9, font, color: cmyk(0, 0, 0, 1) });
}

/** A Type 3 font with one glyph ("a", a filled square), shown once. */
export function type3Text(target: Sheet): void {
  const context = target.document.context;
  const glyph = context.stream('1000 0 0 0 1000 1000 d1 0 0 1000 1000 re f');
  const font = context.obj({
    Type: 'Font',
    Subtype: 'Type3',
    FontBBox: [0, 0, 1000, 1000],
    FontMatrix: [0.001, 0, 0, 0.001, 0, 0],
    CharProcs: { a: context.register(glyph) },
    Encoding: { Type: 'Encoding', Differences: [97, 'a'] },
    FirstChar: 97,
    LastChar: 97,
    Widths: [1000],
    Resources: {},
  });
  target.page.node.setFontDictionary(PDFName.of('T3'), context.register(font));
  target.page.pushOperators(beginText(), setFontAndSize('T3', 12), moveText(target.trim[0] + 40 * MM, target.trim[1] + 60 * MM), showText(PDFHexString.of('61')), endText());
}
