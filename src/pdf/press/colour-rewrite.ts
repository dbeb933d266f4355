/**
 * Sets the colours of a decoded content stream as inks before Ghostscript
 * (docs/press-route.md), and black overprint (issue 20):
 * - neutral RGB → K only (solid K for near-black), see neutral-black.ts;
 * - design red → solid 0/100/100/0, or a spot plate (a Separation) for 套红;
 * - the registration colour of the marks → 100/100/100/100 (every plate),
 *   the plate colours of the colour bar → that plate alone;
 * - solid K text, rules and fills overprint (ExtGState /OP /op true, /OPM 1:
 *   黑色文字叠印, so misregistration shows no white halo); everything else
 *   knocks out, images and forms always.
 * Ghostscript passes DeviceCMYK and Separation colours through untouched and
 * converts only what is left (the photos, other colours).
 */
import { PRESS_COLOURS } from '../../defaults.ts';
import { numbers, parseOperations, type Operation } from '../read/content-tokens.ts';
import { neutralColour, neutralLevel, type PressColour } from './neutral-black.ts';
import type { RedMode } from './settings.ts';

/** Resource names the rewritten streams use; prepare.ts adds them to the resources. */
export const SPOT_RESOURCE = 'FolioSpot';
/** ExtGState resource per overprint state: stroke (OP) and fill (op). */
export const OVERPRINT_STATES = { '00': 'FolioKnockout', '01': 'FolioOverprintFill', '10': 'FolioOverprintStroke', '11': 'FolioOverprint' } as const;
export type OverprintKey = keyof typeof OVERPRINT_STATES;

export interface ColourPlan {
  target: PressColour;
  red: RedMode;
}

export interface ColourRewrite {
  bytes: Uint8Array;
  neutral: number;
  chromatic: number;
  red: number;
  marks: number;
  /** Overprint switches inserted. */
  overprints: number;
  /** ExtGStates and the spot colour space the stream now names. */
  uses: { states: Set<OverprintKey>; spot: boolean };
}

/** RGB within half a step of 8-bit `rgb` (Chromium writes colours to 4 decimals). */
const matches = (values: readonly number[], rgb: readonly number[]) => values.length === 3 && values.every((v, i) => Math.abs(v * 255 - rgb[i]!) < 0.5);
const PLATE_INKS = { C: '1 0 0 0', M: '0 1 0 0', Y: '0 0 1 0', K: '0 0 0 1' } as const;
const TEXT_SHOW = new Set(['Tj', 'TJ', "'", '"']);
const PATH_START = new Set(['m', 're']);
const PATH_PAINT = new Set(['f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'S', 's']);
const KNOCKOUT_FIRST = new Set(['Do', 'BI', 'sh']);
const COLOUR_OPS = new Set(['g', 'G', 'k', 'K', 'cs', 'CS', 'sc', 'SC', 'scn', 'SCN']);

/** The replacement for an `r g b rg|RG`, with whether it is solid K, or undefined to leave it. */
function replacement(rgb: number[], stroke: boolean, plan: ColourPlan): { text: string; solidK: boolean; kind: 'neutral' | 'red' | 'marks' } | undefined {
  const [fillOp, strokeOp] = plan.target === 'cmyk' ? ['k', 'K'] : ['g', 'G'];
  const op = stroke ? strokeOp : fillOp;
  const cmyk = plan.target === 'cmyk';
  if (matches(rgb, PRESS_COLOURS.registration)) return { text: cmyk ? `1 1 1 1 ${op}` : `0 ${op}`, solidK: false, kind: 'marks' };
  for (const [plate, rgbOfPlate] of Object.entries(PRESS_COLOURS.plates)) {
    if (!matches(rgb, rgbOfPlate)) continue;
    const ink = cmyk ? PLATE_INKS[plate as keyof typeof PLATE_INKS] : plate === 'K' ? '0' : '1';
    return { text: `${ink} ${op}`, solidK: cmyk && plate === 'K', kind: 'marks' };
  }
  if (cmyk && matches(rgb, PRESS_COLOURS.designRed)) {
    const text = plan.red === 'spot' ? `/${SPOT_RESOURCE} ${stroke ? 'CS 1 SCN' : 'cs 1 scn'}` : `0 1 1 0 ${op}`;
    return { text, solidK: false, kind: 'red' };
  }
  const level = neutralLevel(rgb);
  if (level === undefined) return undefined;
  const text = neutralColour(level, stroke, plan.target);
  return { text, solidK: cmyk && text.startsWith('0 0 0 1 '), kind: 'neutral' };
}

export function rewritePressColours(bytes: Uint8Array, plan: ColourPlan): ColourRewrite {
  const encoder = new TextEncoder();
  const pieces: Uint8Array[] = [];
  const result: ColourRewrite = { bytes, neutral: 0, chromatic: 0, red: 0, marks: 0, overprints: 0, uses: { states: new Set(), spot: false } };
  let copied = 0;
  const splice = (start: number, end: number, text: string) => {
    pieces.push(bytes.subarray(copied, start), encoder.encode(text));
    copied = end;
  };
  // Overprint only means something with separate plates.
  const overprint = plan.target === 'cmyk';
  let solid = { fill: false, stroke: false };
  let state = { fill: false, stroke: false };
  // q/Q save and restore the colours as well as the overprint state.
  const stack: Array<{ state: typeof state; solid: typeof solid }> = [];
  let pathStart: number | undefined;

  const want = (at: number, stroke: boolean, fill: boolean) => {
    if (!overprint || (state.stroke === stroke && state.fill === fill)) return;
    const key = `${stroke ? 1 : 0}${fill ? 1 : 0}` as OverprintKey;
    // Inserted before the operation (or its path): `gs` may not stand inside a path object.
    pieces.push(bytes.subarray(copied, at), encoder.encode(`/${OVERPRINT_STATES[key]} gs `));
    copied = at;
    result.uses.states.add(key);
    result.overprints += 1;
    state = { stroke, fill };
  };

  const recolour = (operation: Operation) => {
    const rgb = numbers(operation);
    const stroke = operation.operator === 'RG';
    const found = rgb && replacement(rgb, stroke, plan);
    if (!found) {
      result.chromatic += 1;
      solid = { ...solid, [stroke ? 'stroke' : 'fill']: false };
      return;
    }
    splice(operation.start, operation.end, found.text);
    result[found.kind] += 1;
    if (found.text.includes(SPOT_RESOURCE)) result.uses.spot = true;
    solid = { ...solid, [stroke ? 'stroke' : 'fill']: found.solidK };
  };

  for (const operation of parseOperations(bytes)) {
    const op = operation.operator;
    if (op === 'rg' || op === 'RG') recolour(operation);
    else if (COLOUR_OPS.has(op)) {
      const values = numbers(operation);
      const isSolidK = op.toLowerCase() === 'k' && values?.join(' ') === '0 0 0 1';
      solid = op === op.toLowerCase() ? { ...solid, fill: isSolidK } : { ...solid, stroke: isSolidK };
    } else if (op === 'q') stack.push({ state, solid });
    else if (op === 'Q') ({ state, solid } = stack.pop() ?? { state, solid });
    else if (PATH_START.has(op)) pathStart ??= operation.start;
    else if (PATH_PAINT.has(op) || op === 'n') {
      if (op !== 'n') want(pathStart ?? operation.start, solid.stroke, solid.fill);
      pathStart = undefined;
    } else if (TEXT_SHOW.has(op)) want(operation.start, solid.stroke, solid.fill);
    // Images, shadings and forms knock out: a form starts from the state this stream assumes.
    else if (KNOCKOUT_FIRST.has(op)) want(operation.start, false, false);
  }
  if (copied === 0) return result;
  pieces.push(bytes.subarray(copied));
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    out.set(piece, offset);
    offset += piece.length;
  }
  return { ...result, bytes: out };
}
