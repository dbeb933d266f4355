/**
 * Reads real PDFs for assertions: text items with positions (pdfjs-dist's
 * legacy build, the one that runs in Node), grouped into lines, plus boxes
 * and fonts through poppler.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface TextItem {
  str: string;
  x: number;
  /** Baseline, in PDF points from the bottom. */
  y: number;
  width: number;
  height: number;
  fontName: string;
}

export interface PdfText {
  pageCount: number;
  items: TextItem[];
  /** All text in reading order of the content stream, with no separators. */
  joined: string;
}

export async function readPdfText(file: string, pageNumber = 1): Promise<PdfText> {
  const data = new Uint8Array(await readFile(file));
  const document = await getDocument({ data, useSystemFonts: false, verbosity: 0 }).promise;
  const page = await document.getPage(pageNumber);
  const content = await page.getTextContent();
  const items: TextItem[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.length === 0) continue;
    items.push({
      str: item.str,
      x: item.transform[4],
      y: item.transform[5],
      width: item.width,
      height: item.height,
      fontName: item.fontName,
    });
  }
  const pageCount = document.numPages;
  await document.destroy();
  return { pageCount, items, joined: items.map((item) => item.str).join('') };
}

/** Groups glyph items into lines: same baseline (within 0.5 pt) and adjacent in x. */
export function groupLines(items: TextItem[], tolerance = 0.5): TextItem[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextItem[][] = [];
  for (const item of sorted) {
    const line = lines.find((candidate) => Math.abs(candidate[0]!.y - item.y) <= tolerance && isNear(candidate, item));
    if (line) line.push(item);
    else lines.push([item]);
  }
  for (const line of lines) line.sort((a, b) => a.x - b.x);
  return lines;
}

function isNear(line: TextItem[], item: TextItem): boolean {
  return line.some((other) => Math.abs(other.x + other.width - item.x) < item.height * 1.2 || Math.abs(item.x + item.width - other.x) < item.height * 1.2);
}

export interface PdfBoxes {
  media: number[];
  trim: number[];
  bleed: number[];
}

export function readBoxes(file: string): PdfBoxes {
  const out = execFileSync('pdfinfo', ['-box', file], { encoding: 'utf8' });
  const box = (name: string) => {
    const match = new RegExp(`^${name}:\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)`, 'm').exec(out);
    if (!match) throw new Error(`pdfinfo printed no ${name}`);
    return match.slice(1).map(Number);
  };
  return { media: box('MediaBox'), trim: box('TrimBox'), bleed: box('BleedBox') };
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export function readFonts(file: string): PdfFont[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const embedded = / (yes|no) +(yes|no) +(yes|no) +\d+ +\d+$/.exec(line);
      const type = /(CID TrueType|TrueType|Type 3|Type 1C|Type 1|CID Type 0C|CID Type 0)/.exec(line);
      return { name: line.split(/\s+/)[0]!, type: type?.[1] ?? 'unknown', embedded: embedded?.[1] === 'yes' };
    });
}

/** Text items with the real (base) font name of each, e.g. `ABCDEF+NotoSerifSC-Regular`. */
export async function readPdfGlyphs(file: string, pageNumber = 1): Promise<(TextItem & { font: string })[]> {
  const data = new Uint8Array(await readFile(file));
  const document = await getDocument({ data, useSystemFonts: false, verbosity: 0 }).promise;
  const page = await document.getPage(pageNumber);
  // The operator list loads the fonts into commonObjs, where their names are.
  await page.getOperatorList();
  const content = await page.getTextContent();
  const out: (TextItem & { font: string })[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim().length === 0) continue;
    const font = page.commonObjs.has(item.fontName) ? (page.commonObjs.get(item.fontName) as { name?: string }).name ?? '' : '';
    out.push({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height, fontName: item.fontName, font });
  }
  await document.destroy();
  return out;
}
