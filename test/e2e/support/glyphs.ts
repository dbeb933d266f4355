/**
 * Every glyph of a page with its own position and advance, read from the
 * content stream's text operators through pdfjs's operator list. pdfjs's text
 * content merges a justified line into runs and guesses spaces from gaps, so
 * it cannot say how far apart two characters are; the operators can. Chromium
 * draws each glyph with its own `Td` and writes a trimmed mark (标点挤压) as a
 * full-width glyph moved by half an em, so gaps here are what the reader sees.
 */
import { readFile } from 'node:fs/promises';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { IDENTITY, multiply, type Matrix } from '../../../src/preflight/inspect/geometry.ts';

export interface Glyph {
  char: string;
  /** Left edge of the glyph box, PDF points. */
  x: number;
  /** Baseline, PDF points from the bottom. */
  y: number;
  /** The font's advance for the glyph, PDF points (a full-width mark stays 1 em here, trimmed or not). */
  advance: number;
  /** Font size, PDF points. */
  size: number;
  /** Base font name, e.g. `ABCDEF+NotoSerifSC-Regular`. */
  font: string;
}

const translate = (tx: number, ty: number): Matrix => [1, 0, 0, 1, tx, ty];

interface GlyphArg {
  unicode: string;
  width: number;
}

export async function readGlyphs(file: string, pageNumber = 1): Promise<Glyph[]> {
  const document = await getDocument({ data: new Uint8Array(await readFile(file)), useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const page = await document.getPage(pageNumber);
    const { fnArray, argsArray } = await page.getOperatorList();
    const glyphs: Glyph[] = [];
    const stack: Matrix[] = [];
    let ctm = IDENTITY;
    let lineMatrix = IDENTITY;
    let textMatrix = IDENTITY;
    let font = '';
    let fontSize = 0;
    let charSpacing = 0;
    let hScale = 1;
    for (let i = 0; i < fnArray.length; i += 1) {
      const args = argsArray[i] as unknown[];
      switch (fnArray[i]) {
        case OPS.save:
          stack.push(ctm);
          break;
        case OPS.restore:
          ctm = stack.pop() ?? IDENTITY;
          break;
        case OPS.transform:
          ctm = multiply(args as unknown as Matrix, ctm);
          break;
        case OPS.beginText:
          lineMatrix = textMatrix = IDENTITY;
          break;
        case OPS.setFont: {
          const [ref, size] = args as [string, number];
          font = page.commonObjs.has(ref) ? ((page.commonObjs.get(ref) as { name?: string }).name ?? ref) : ref;
          fontSize = size;
          break;
        }
        case OPS.setCharSpacing:
          charSpacing = args[0] as number;
          break;
        case OPS.setHScale:
          hScale = (args[0] as number) / 100;
          break;
        case OPS.setTextMatrix:
          lineMatrix = textMatrix = Array.from(Array.isArray(args[0]) || ArrayBuffer.isView(args[0]) ? (args[0] as ArrayLike<number>) : (args as number[])).slice(0, 6) as unknown as Matrix;
          break;
        case OPS.moveText:
          lineMatrix = textMatrix = multiply(translate(args[0] as number, args[1] as number), lineMatrix);
          break;
        case OPS.showText:
        case OPS.showSpacedText:
          for (const item of args[0] as (GlyphArg | number | null)[]) {
            if (item === null) continue;
            if (typeof item === 'number') {
              textMatrix = multiply(translate((-item / 1000) * fontSize * hScale, 0), textMatrix);
              continue;
            }
            const placed = multiply(textMatrix, ctm);
            const scale = Math.hypot(placed[0], placed[1]);
            const advance = (item.width / 1000) * fontSize;
            if (item.unicode.trim()) {
              glyphs.push({ char: item.unicode, x: placed[4], y: placed[5], advance: advance * scale * hScale, size: fontSize * Math.abs(placed[3]), font });
            }
            textMatrix = multiply(translate((advance + charSpacing) * hScale, 0), textMatrix);
          }
          break;
      }
    }
    return glyphs;
  } finally {
    await document.destroy();
  }
}
