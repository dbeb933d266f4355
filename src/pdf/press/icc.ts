/**
 * The output profiles of the press PDF (the header reader is ../read/icc-header.ts).
 *
 * CMYK: assets/icc/folio-newsprint-cmyk.icc, made with ArgyllCMS from the
 * ANSI CGATS/SNAP TR 002-2007 coldset-newsprint characterization data with a
 * 240% total ink limit (see assets/icc/README.md). Ghostscript's own
 * default_cmyk.icc is a coated SWOP profile that puts about 253% ink on photos
 * (docs/press-route.md), too much for newsprint.
 *
 * Gray: a monochrome output profile (ICC.1:2001-04 §6.3.1.2: description,
 * grayTRC, media white point, copyright) built here from the K-only patches
 * of the same TR 002 data. Ghostscript ships only display-class gray
 * profiles, and a PDF/X output intent must be an output-device profile.
 */
import path from 'node:path';
import { FOLIO_ROOT } from '../../defaults.ts';

export const NEWSPRINT_CMYK_PROFILE = path.join(FOLIO_ROOT, 'assets', 'icc', 'folio-newsprint-cmyk.icc');

/** Registered characterization (ICC registry) the profiles are made from. */
export const NEWSPRINT_CONDITION = {
  identifier: 'CGATS TR 002',
  condition: 'Coldset offset printing on newsprint (ANSI CGATS/SNAP TR 002-2007)',
  registry: 'http://www.color.org',
};

/** TR 002 K-only patches: K % → CIE Y of the print (paper alone is 56.88). */
const TR002_K_RAMP: ReadonlyArray<readonly [number, number]> = [
  [0, 56.88], [3, 52.11], [7, 48.03], [10, 45.54], [15, 41.45], [20, 37.73], [25, 34.04],
  [30, 31.01], [40, 25.15], [50, 20.56], [60, 17.07], [70, 14.67], [80, 12.92], [90, 11.18], [100, 9.37],
];
const TR002_PAPER_XYZ = [0.5486, 0.5688, 0.4398] as const;

/**
 * Device gray (0 = solid K, 1 = paper) → PCS Y relative to the paper, from
 * the measured K ramp, scaled between paper and solid black so that RGB black
 * still reaches K 100% (black-point scaling, as a perceptual table would).
 */
function grayCurve(points = 256): number[] {
  const black = TR002_K_RAMP.at(-1)![1];
  const white = TR002_K_RAMP[0]![1];
  return Array.from({ length: points }, (_, index) => {
    const k = 100 * (1 - index / (points - 1));
    const upper = TR002_K_RAMP.findIndex(([percent]) => percent >= k);
    const [k1, y1] = TR002_K_RAMP[Math.max(upper, 1)]!;
    const [k0, y0] = TR002_K_RAMP[Math.max(upper, 1) - 1]!;
    const y = y0 + ((y1 - y0) * (k - k0)) / (k1 - k0);
    return (y - black) / (white - black);
  });
}

function s15Fixed16(value: number): number[] {
  const fixed = Math.round(value * 65536) >>> 0;
  return [fixed >>> 24, (fixed >>> 16) & 0xff, (fixed >>> 8) & 0xff, fixed & 0xff];
}
const u32 = (value: number) => [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0) & 0x7f);

/** A version 2.1 monochrome output ('prtr', GRAY, PCS XYZ) profile for newsprint. */
export function newsprintGrayProfile(): Uint8Array {
  const description = 'Folio newsprint gray (CGATS TR 002 K ramp)';
  const curve = grayCurve();
  const tags: Array<[string, number[]]> = [
    // textDescriptionType: ASCII, then empty Unicode and ScriptCode parts (67-byte filler).
    ['desc', [...ascii('desc'), 0, 0, 0, 0, ...u32(description.length + 1), ...ascii(description), 0, ...u32(0), ...u32(0), 0, 0, 0, ...new Array(67).fill(0)]],
    ['cprt', [...ascii('text'), 0, 0, 0, 0, ...ascii('Made by Folio from ANSI CGATS/SNAP TR 002-2007 data'), 0]],
    ['wtpt', [...ascii('XYZ '), 0, 0, 0, 0, ...TR002_PAPER_XYZ.flatMap(s15Fixed16)]],
    ['kTRC', [...ascii('curv'), 0, 0, 0, 0, ...u32(curve.length), ...curve.flatMap((y) => { const v = Math.round(y * 65535); return [v >> 8, v & 0xff]; })]],
  ];
  const tableSize = 4 + tags.length * 12;
  let offset = 128 + tableSize;
  const table: number[] = u32(tags.length);
  const data: number[] = [];
  for (const [signature, bytes] of tags) {
    table.push(...ascii(signature), ...u32(offset), ...u32(bytes.length));
    const padded = [...bytes, ...new Array((4 - (bytes.length % 4)) % 4).fill(0)];
    data.push(...padded);
    offset += padded.length;
  }
  const header = new Array<number>(128).fill(0);
  const put = (at: number, bytes: number[]) => bytes.forEach((byte, index) => (header[at + index] = byte));
  put(0, u32(offset));
  put(8, [0x02, 0x10, 0, 0]);
  put(12, ascii('prtr'));
  put(16, ascii('GRAY'));
  put(20, ascii('XYZ '));
  put(24, [0x07, 0xea, 0, 11, 0, 27, 0, 0, 0, 0, 0, 0]); // 2026-11-27: fixed, so the profile is reproducible
  put(36, ascii('acsp'));
  put(68, [0.9642, 1, 0.8249].flatMap(s15Fixed16)); // PCS illuminant D50
  return Uint8Array.from([...header, ...table, ...data]);
}
