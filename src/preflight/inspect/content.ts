/**
 * A content-stream interpreter that records what a printer's preflight asks
 * about: where text, paths and images land (with the clip applied), at what
 * size text is set, at what resolution images are placed, which colour
 * spaces are painted with, and which graphics states are transparent.
 * It follows ISO 32000-1 §8–9 closely enough for that; it draws nothing.
 */
import { PDFArray, PDFBool, PDFContext, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';
import { arrayItems, numbers, parseOperations, stringBytes, type Operand } from '../../pdf/read/content-tokens.ts';
import { colourFamily, familyOfComponents, isPaperWhite, type ColourFamily } from './colour-spaces.ts';
import { imageEntries, transparencyOf, type ImagePlacement, type Mark, type PageContent, type State, type TextRun } from './marks.ts';
import { fontsOf, type FontInfo } from './fonts.ts';
import type { ReadBudget } from './limits.ts';
import { limitError } from './limits.ts';
import { IDENTITY, intersect, multiply, scales, transformRect, union, type Matrix, type Rect } from './geometry.ts';

const name = (value: string) => PDFName.of(value);
const num = (value: PDFObject | undefined) => (value instanceof PDFNumber ? value.asNumber() : undefined);
const PAINT = new Set(['f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'S', 's']);
const STROKES = new Set(['S', 's', 'B', 'B*', 'b', 'b*']);
const FILLS = new Set(['f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);

export function readPageContent(
  page: { context: PDFContext; contents: PDFObject | undefined; resources: PDFDict | undefined; box: Rect; number: number },
  fontCache: Map<PDFDict | PDFRef, FontInfo>,
  budget: ReadBudget,
): PageContent {
  const { context, contents, resources } = page;
  const out: PageContent = { marks: [], texts: [], images: [], colourUses: new Map(), transparency: [] };
  const decode = (stream: PDFObject | undefined, what: string) => {
    const bytes = budget.decode(stream);
    if (!bytes) budget.unreadable.push(`page ${page.number}: ${what} cannot be decompressed`);
    return bytes ?? new Uint8Array();
  };
  const use = (family: ColourFamily) => out.colourUses.set(family, (out.colourUses.get(family) ?? 0) + 1);

  const run = (bytes: Uint8Array, res: PDFDict | undefined, start: State, forms: Set<string>) => {
    const fonts = fontsOf(res, fontCache);
    const stack: State[] = [];
    let gs: State = { ...start };
    let path: Rect | undefined;
    let clipPending = false;
    let tm: Matrix = IDENTITY;
    let tlm: Matrix = IDENTITY;
    const point = (x: number, y: number) => (path = union(path, transformRect(gs.ctm, x, y, x, y)));
    const lookup = (category: string, key: string) => {
      const dict = res?.lookup(name(category));
      return dict instanceof PDFDict ? dict.lookup(name(key)) : undefined;
    };
    const mark = (m: Mark) => out.marks.push(m);

    const showText = (items: Operand[]) => {
      if (!gs.font) return;
      const font = gs.font;
      const th = gs.hScale / 100;
      let advance = 0;
      let glyphs = 0;
      for (const item of items) {
        if (item.kind === 'number') advance -= ((item.value as number) / 1000) * gs.fontSize * th;
        if (item.kind !== 'string') continue;
        const bytes = stringBytes(item.value as string);
        for (let i = 0; i + font.codeLength <= bytes.length; i += font.codeLength) {
          const code = font.codeLength === 2 ? (bytes[i]! << 8) | bytes[i + 1]! : bytes[i]!;
          const space = font.codeLength === 1 && code === 32 ? gs.wordSpacing : 0;
          advance += (font.advance(code) * gs.fontSize + gs.charSpacing + space) * th;
          glyphs += 1;
        }
      }
      const trm = multiply(tm, gs.ctm);
      // CJK em box: 0.12 em below the baseline to 0.88 above (the ideographic em box).
      const box = transformRect(trm, 0, gs.rise - 0.12 * gs.fontSize, advance, gs.rise + 0.88 * gs.fontSize);
      const bbox = intersect(box, gs.clip);
      if (glyphs > 0 && bbox && gs.renderMode !== 3 && gs.renderMode !== 7) {
        const fill = gs.renderMode === 1 ? gs.stroke : gs.fill;
        const run: TextRun = { kind: 'text', bbox, ink: !isPaperWhite(fill.family, fill.values), sizePt: gs.fontSize * scales(trm).y, font: font.name, glyphs, fill, overprint: gs.renderMode === 1 ? gs.overprintStroke : gs.overprintFill };
        out.texts.push(run);
        mark(run);
        use(gs.renderMode === 1 ? gs.stroke.family : gs.fill.family);
      }
      tm = multiply([1, 0, 0, 1, advance, 0], tm);
    };

    for (const op of parseOperations(bytes)) {
      budget.countOperator();
      const args = numbers(op) ?? [];
      switch (op.operator) {
        // Shallow copies suffice: every operator replaces the state's objects, none mutates them.
        case 'q':
          if (stack.length >= budget.limits.stateDepth) throw limitError('graphics states nested too deep (q without Q)', budget.limits.stateDepth);
          stack.push({ ...gs });
          break;
        case 'Q': gs = stack.pop() ?? gs; break;
        case 'cm': if (args.length === 6) gs.ctm = multiply(args as unknown as Matrix, gs.ctm); break;
        case 'w': gs.lineWidth = args[0] ?? gs.lineWidth; break;
        case 'm': case 'l': point(args[0]!, args[1]!); break;
        case 'c': point(args[0]!, args[1]!); point(args[2]!, args[3]!); point(args[4]!, args[5]!); break;
        case 'v': case 'y': point(args[0]!, args[1]!); point(args[2]!, args[3]!); break;
        case 're': point(args[0]!, args[1]!); point(args[0]! + args[2]!, args[1]! + args[3]!); point(args[0]!, args[1]! + args[3]!); point(args[0]! + args[2]!, args[1]!); break;
        case 'W': case 'W*': clipPending = true; break;
        case 'g': case 'G': case 'rg': case 'RG': case 'k': case 'K': {
          const family: ColourFamily = op.operator.toLowerCase() === 'g' ? 'gray' : op.operator.toLowerCase() === 'rg' ? 'rgb' : 'cmyk';
          const target = op.operator === op.operator.toLowerCase() ? 'fill' : 'stroke';
          gs[target] = { family, values: args };
          break;
        }
        case 'cs': case 'CS': {
          const space = op.operands[0]?.kind === 'name' ? name(op.operands[0].value as string) : undefined;
          const family = colourFamily(space, res);
          gs[op.operator === 'cs' ? 'fill' : 'stroke'] = { family, values: family === 'cmyk' ? [0, 0, 0, 1] : [0] };
          break;
        }
        case 'sc': case 'scn': case 'SC': case 'SCN': {
          const target = op.operator.startsWith('s') ? 'fill' : 'stroke';
          const family = gs[target].family === 'unknown' ? familyOfComponents(args.length) : gs[target].family;
          gs[target] = { family, values: args };
          break;
        }
        case 'gs': {
          const key = String(op.operands[0]?.value ?? '');
          const state = lookup('ExtGState', key);
          if (state instanceof PDFDict) {
            out.transparency.push(...transparencyOf(state, key));
            gs.lineWidth = num(state.lookup(name('LW'))) ?? gs.lineWidth;
            // /OP sets both unless /op is given (ISO 32000-1 Table 58).
            const stroking = state.lookup(name('OP'));
            const filling = state.lookup(name('op')) ?? stroking;
            if (stroking instanceof PDFBool) gs.overprintStroke = stroking.asBoolean();
            if (filling instanceof PDFBool) gs.overprintFill = filling.asBoolean();
          }
          break;
        }
        case 'BT': tm = tlm = IDENTITY; break;
        case 'Tf': {
          const fontName = op.operands[0]?.kind === 'name' ? String(op.operands[0].value) : '';
          gs.font = fonts.get(fontName);
          gs.fontSize = Number(op.operands[1]?.value ?? 0);
          break;
        }
        case 'Tc': gs.charSpacing = args[0] ?? 0; break;
        case 'Tw': gs.wordSpacing = args[0] ?? 0; break;
        case 'Tz': gs.hScale = args[0] ?? 100; break;
        case 'TL': gs.leading = args[0] ?? 0; break;
        case 'Ts': gs.rise = args[0] ?? 0; break;
        case 'Tr': gs.renderMode = args[0] ?? 0; break;
        case 'Td': case 'TD': if (op.operator === 'TD') gs.leading = -args[1]!; tm = tlm = multiply([1, 0, 0, 1, args[0]!, args[1]!], tlm); break;
        case 'Tm': if (args.length === 6) tm = tlm = args as unknown as Matrix; break;
        case 'T*': tm = tlm = multiply([1, 0, 0, 1, 0, -gs.leading], tlm); break;
        case 'Tj': showText(op.operands); break;
        case 'TJ': showText(op.operands[0] ? arrayItems(String(op.operands[0].value)) : []); break;
        case "'": case '"':
          tm = tlm = multiply([1, 0, 0, 1, 0, -gs.leading], tlm);
          if (op.operator === '"') { gs.wordSpacing = Number(op.operands[0]?.value); gs.charSpacing = Number(op.operands[1]?.value); }
          showText(op.operands.slice(-1));
          break;
        case 'sh': {
          mark({ kind: 'shading', bbox: gs.clip, ink: true });
          const shading = op.operands[0] && lookup('Shading', String(op.operands[0].value));
          const dict = shading instanceof PDFRawStream ? shading.dict : shading;
          use(dict instanceof PDFDict ? colourFamily(dict.lookup(name('ColorSpace')), res) : 'unknown');
          break;
        }
        case 'ID': placeImage(op.operands, undefined); break;
        case 'Do': {
          const key = String(op.operands[0]?.value ?? '');
          const ref = (res?.lookup(name('XObject')) as PDFDict | undefined)?.get(name(key));
          const xobject = lookup('XObject', key);
          if (!(xobject instanceof PDFRawStream)) break;
          const subtype = xobject.dict.lookup(name('Subtype'));
          if (subtype === name('Image')) placeImage(undefined, xobject.dict, key);
          else if (subtype === name('Form') && !forms.has(String(ref))) {
            if (forms.size >= budget.limits.formDepth) throw limitError('forms nested too deep', budget.limits.formDepth);
            const matrix = xobject.dict.lookup(name('Matrix'));
            const m = matrix instanceof PDFArray && matrix.size() === 6 ? (matrix.asArray().map((v) => num(v) ?? 0) as unknown as Matrix) : IDENTITY;
            const inner: State = { ...gs, ctm: multiply(m, gs.ctm) };
            const bboxArray = xobject.dict.lookup(name('BBox'));
            const b = bboxArray instanceof PDFArray ? bboxArray.asArray().map((v) => num(v) ?? 0) : undefined;
            const clip = b ? intersect(gs.clip, transformRect(inner.ctm, b[0]!, b[1]!, b[2]!, b[3]!)) : gs.clip;
            if (!clip) break;
            if (xobject.dict.lookup(name('Group')) instanceof PDFDict) out.transparency.push(`transparency group in form /${key}`);
            const formRes = xobject.dict.lookup(name('Resources'));
            run(decode(xobject, `form /${key}`), formRes instanceof PDFDict ? formRes : res, { ...inner, clip }, new Set([...forms, String(ref)]));
          }
          break;
        }
        default:
          if (PAINT.has(op.operator) || op.operator === 'n') {
            if (path && PAINT.has(op.operator)) {
              const half = STROKES.has(op.operator) ? (gs.lineWidth * scales(gs.ctm).x) / 2 : 0;
              const bbox = intersect({ x0: path.x0 - half, y0: path.y0 - half, x1: path.x1 + half, y1: path.y1 + half }, gs.clip);
              const colour = FILLS.has(op.operator) ? gs.fill : gs.stroke;
              if (bbox) mark({ kind: 'path', bbox, ink: !isPaperWhite(colour.family, colour.values), fill: FILLS.has(op.operator) ? gs.fill : undefined });
              if (FILLS.has(op.operator)) use(gs.fill.family);
              if (STROKES.has(op.operator)) use(gs.stroke.family);
            }
            if (clipPending && path) gs.clip = intersect(gs.clip, path) ?? { x0: 0, y0: 0, x1: 0, y1: 0 };
            clipPending = false;
            path = undefined;
          }
      }
    }

    function placeImage(inline: Operand[] | undefined, dict: PDFDict | undefined, key = '(inline image)') {
      const { widthPx, heightPx, isMask, colourSpace } = imageEntries(dict, inline);
      const family = isMask ? gs.fill.family : colourFamily(colourSpace, res);
      if (dict?.lookup(name('SMask')) instanceof PDFRawStream || (num(dict?.lookup(name('SMaskInData'))) ?? 0) > 0) out.transparency.push(`soft mask on image /${key}`);
      const bbox = intersect(transformRect(gs.ctm, 0, 0, 1, 1), gs.clip);
      const { x, y } = scales(gs.ctm);
      if (!bbox) return;
      use(family);
      const image: ImagePlacement = { kind: 'image', bbox, ink: true, name: key, widthPx, heightPx, ppiX: x ? (widthPx * 72) / x : 0, ppiY: y ? (heightPx * 72) / y : 0, family };
      out.images.push(image);
      mark(image);
    }
  };

  const target = context.lookup(contents);
  const streams = target instanceof PDFArray ? target.asArray().map((item) => context.lookup(item)) : [target];
  const joined = streams.map((stream) => decode(stream, 'the content stream'));
  const bytes = new Uint8Array(joined.reduce((sum, part) => sum + part.length + 1, 0));
  let offset = 0;
  for (const part of joined) {
    bytes.set(part, offset);
    bytes[offset + part.length] = 0x0a; // streams of an array join at a token boundary
    offset += part.length + 1;
  }
  const black = { family: 'gray' as ColourFamily, values: [0] };
  run(bytes, resources, { ctm: IDENTITY, clip: page.box, fill: black, stroke: black, overprintFill: false, overprintStroke: false, lineWidth: 1, fontSize: 0, charSpacing: 0, wordSpacing: 0, hScale: 100, leading: 0, rise: 0, renderMode: 0 }, new Set());
  return out;
}
