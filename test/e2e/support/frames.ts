/**
 * Photo frames as printed: the rectangle each image is painted in, read from
 * the content stream (an image XObject fills the unit square under the
 * current transformation matrix), cut by the clip in force. Chromium snaps an
 * image to whole CSS pixels and may paint it a pixel taller than its frame;
 * the frame's `overflow: hidden` clips it back, so image ∩ clip is the frame
 * a reader sees.
 */
import { readFile } from 'node:fs/promises';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { apply, IDENTITY, multiply, type Matrix } from '../../../src/preflight/inspect/geometry.ts';

/** PDF points, y up. */
export interface FrameRect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export async function readFrames(file: string, pageNumber = 1): Promise<FrameRect[]> {
  const document = await getDocument({ data: new Uint8Array(await readFile(file)), useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const page = await document.getPage(pageNumber);
    const { fnArray, argsArray } = await page.getOperatorList();
    const frames: FrameRect[] = [];
    const stack: { ctm: Matrix; clip: FrameRect }[] = [];
    let ctm = IDENTITY;
    let clip: FrameRect = { left: -Infinity, right: Infinity, bottom: -Infinity, top: Infinity };
    // pdfjs records `W n` as the clip operator followed by the path it clips to.
    let clipping = false;
    for (let i = 0; i < fnArray.length; i += 1) {
      switch (fnArray[i]) {
        case OPS.save:
          stack.push({ ctm, clip });
          break;
        case OPS.restore:
          ({ ctm, clip } = stack.pop() ?? { ctm: IDENTITY, clip });
          break;
        case OPS.transform:
          ctm = multiply(argsArray[i] as unknown as Matrix, ctm);
          break;
        case OPS.clip:
        case OPS.eoClip:
          clipping = true;
          break;
        case OPS.constructPath: {
          if (!clipping) break;
          clipping = false;
          const box = (argsArray[i] as unknown[])[2] as ArrayLike<number> | null;
          if (box) clip = intersect(clip, rectUnder(ctm, box[0]!, box[1]!, box[2]!, box[3]!));
          break;
        }
        case OPS.paintImageXObject:
          frames.push(intersect(clip, rectUnder(ctm, 0, 0, 1, 1)));
          break;
      }
    }
    return frames;
  } finally {
    await document.destroy();
  }
}

function rectUnder(ctm: Matrix, x0: number, y0: number, x1: number, y1: number): FrameRect {
  const [ax, ay] = apply(ctm, x0, y0);
  const [bx, by] = apply(ctm, x1, y1);
  return { left: Math.min(ax, bx), right: Math.max(ax, bx), bottom: Math.min(ay, by), top: Math.max(ay, by) };
}

function intersect(a: FrameRect, b: FrameRect): FrameRect {
  return { left: Math.max(a.left, b.left), right: Math.min(a.right, b.right), bottom: Math.max(a.bottom, b.bottom), top: Math.min(a.top, b.top) };
}

/** Frames side by side: they share some height and not their width. */
export const besideEachOther = (a: FrameRect, b: FrameRect) =>
  a !== b && Math.min(a.top, b.top) - Math.max(a.bottom, b.bottom) > 1 && (a.right <= b.left + 0.5 || b.right <= a.left + 0.5);

/**
 * How far each frame's top and bottom edges are from the nearest matching
 * edge of a frame beside it, in points. A 美编 lines frames up: a frame
 * beside a stack (the lead photo beside two rows of two) meets the stack's
 * top frame at the top and its bottom frame at the foot. Frames with
 * nothing beside them are not listed.
 */
export function edgeMisalignment(frames: FrameRect[]): { frame: FrameRect; top: number; bottom: number }[] {
  return frames.flatMap((frame) => {
    const beside = frames.filter((other) => besideEachOther(frame, other));
    if (beside.length === 0) return [];
    const top = Math.min(...beside.map((other) => Math.abs(other.top - frame.top)));
    const bottom = Math.min(...beside.map((other) => Math.abs(other.bottom - frame.bottom)));
    return [{ frame, top, bottom }];
  });
}

/** A glyph as the caption reader needs it (support/glyphs.ts reads these). */
interface PlacedGlyph {
  char: string;
  x: number;
  y: number;
  size: number;
  font: string;
}

/**
 * The caption printed under a frame: the lines of LXGW WenKai glyphs (the
 * caption face; the credit is set in another) that start in the first line
 * under the frame and follow one pitch apart, between the frame's left edge
 * and `right` (the frame's own right edge, or its group's).
 */
export function captionUnder(glyphs: PlacedGlyph[], frame: FrameRect, pitch: number, right = frame.right): string[] {
  const kai = glyphs.filter((g) => /WenKai/i.test(g.font) && g.x >= frame.left - 1 && g.x < right && g.y < frame.bottom);
  const baselines = [...new Set(kai.map((g) => Math.round(g.y * 4) / 4))].sort((a, b) => b - a);
  const lines: string[] = [];
  let previous = frame.bottom;
  for (const y of baselines) {
    // The first baseline sits within the caption's first line; the others one pitch below the last.
    const limit = lines.length === 0 ? pitch * 1.5 : pitch + 1;
    if (previous - y > limit) break;
    lines.push(kai.filter((g) => Math.abs(Math.round(g.y * 4) / 4 - y) < 0.01).sort((a, b) => a.x - b.x).map((g) => g.char).join(''));
    previous = y;
  }
  return lines;
}
