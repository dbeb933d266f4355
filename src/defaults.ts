/**
 * Every default Folio uses, in one place. Stages receive these values through
 * their typed inputs; nothing else hard-codes a size, a timeout or a path.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (where templates/, styles/ and assets/ live). */
export const FOLIO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const PT_PER_MM = 72 / 25.4;

/** Geometry of a page-size preset, all lengths in points unless named _mm. */
export interface PageGeometry {
  name: string;
  trimWidthMm: number;
  trimHeightMm: number;
  /** Bleed that the BleedBox declares (PDF/X: content meant to bleed reaches it). */
  bleedMm: number;
  /** Paper beyond the trim on each side: bleed plus room for the crop marks. */
  slugMm: number;
  columns: number;
  /** Characters of body type per column line. */
  columnChars: number;
  /** Gutter between columns, in body characters. */
  gutterChars: number;
  bodySizePt: number;
  /** Baseline pitch: the body leading. Every vertical measure is a multiple. */
  linePitchPt: number;
  /** Body lines in the type area: its height is lines × pitch. */
  lines: number;
  topMarginMm: number;
}

/** 对开 broadsheet: 390×545 mm, 8 columns of 13 小五 (9 pt) characters. */
export const DUIKAI: PageGeometry = Object.freeze({
  name: 'duikai',
  trimWidthMm: 390,
  trimHeightMm: 545,
  bleedMm: 3,
  slugMm: 10,
  columns: 8,
  columnChars: 13,
  gutterChars: 1,
  bodySizePt: 9,
  linePitchPt: 13.5,
  lines: 104,
  topMarginMm: 24,
});

export const PRESETS: Readonly<Record<string, PageGeometry>> = Object.freeze({ duikai: DUIKAI });

/** Derived measures of a geometry, in points. */
export function measureGeometry(geometry: PageGeometry) {
  const columnWidth = geometry.columnChars * geometry.bodySizePt;
  const gutter = geometry.gutterChars * geometry.bodySizePt;
  const typeWidth = geometry.columns * columnWidth + (geometry.columns - 1) * gutter;
  const typeHeight = geometry.lines * geometry.linePitchPt;
  const trimWidth = geometry.trimWidthMm * PT_PER_MM;
  const trimHeight = geometry.trimHeightMm * PT_PER_MM;
  return {
    columnWidth,
    gutter,
    typeWidth,
    typeHeight,
    trimWidth,
    trimHeight,
    marginInside: (trimWidth - typeWidth) / 2,
    marginTop: geometry.topMarginMm * PT_PER_MM,
    marginBottom: trimHeight - typeHeight - geometry.topMarginMm * PT_PER_MM,
  };
}

export interface Timeouts {
  launchMs: number;
  loadMs: number;
  paginateMs: number;
  printMs: number;
}

export const TIMEOUTS: Readonly<Timeouts> = Object.freeze({
  /** Launching Chromium. */
  launchMs: 30_000,
  /** Loading the page and its fonts and images. */
  loadMs: 30_000,
  /** Paged.js from injection to its `after` hook. */
  paginateMs: 60_000,
  /** page.pdf(). */
  printMs: 60_000,
});

/** Images are resized to the placed size at this resolution, never larger. */
export const IMAGE_PPI = 300;

/** Where derived images are cached, keyed by content hash. */
export const CACHE_DIR = path.join(FOLIO_ROOT, 'output', '.cache');

export const DEFAULT_OUTPUT_DIR = path.join(FOLIO_ROOT, 'output');

export const PDF_CREATOR = 'Folio (Paged.js 0.4.3, Chromium)';

/** The values a plant setting may take (src/pdf/press/settings.ts). */
export const PDFX_VERSIONS = ['PDF/X-3:2002', 'PDF/X-1a:2001'] as const;
/** ISO 12647-3 and CGATS TR 002 name 240–260% for coldset newsprint; some plants ask 220%. */
export const INK_LIMITS = [220, 240, 260] as const;
/** `process`: solid M+Y (0/100/100/0); `spot`: a Separation for a 套红 plate. */
export const RED_MODES = ['process', 'spot'] as const;
/** `crop`: crop marks and registration targets; `slug`: also a slug line and colour bar; `none`: a trim-size page. */
export const MARK_MODES = ['crop', 'slug', 'none'] as const;

/**
 * The press file's plant settings when neither the command line nor the
 * paper's metadata sets them (issue 20; src/pdf/press/settings.ts). PDF/X-3
 * with the built-in newsprint profile (CGATS TR 002 coldset, 240% total ink);
 * design red as solid M+Y; crop marks and registration targets.
 */
export const PRESS_DEFAULTS = Object.freeze({
  pdfx: 'PDF/X-3:2002',
  inkLimit: 240,
  condition: 'CGATS TR 002',
  red: 'process',
  marks: 'crop',
  spotName: 'Red',
} as const);

/**
 * Colours with a press meaning (issue 20), as the RGB the page is drawn in.
 * The press stage recognises them exactly and sets them as inks:
 * `designRed` (styles/tokens.css --accent) as solid M+Y or a spot plate;
 * `registration` (crop marks, targets, slug) on every plate; the `plates`
 * colours (colour bar, plate names in the slug) on their plate alone. They
 * are chosen to look right on the RGB proof and to be unlikely in a design.
 */
export const PRESS_COLOURS = Object.freeze({
  designRed: [200, 22, 29],
  registration: [1, 1, 3],
  plates: { C: [1, 160, 227], M: [229, 1, 127], Y: [255, 236, 1], K: [3, 1, 1] },
} as const);
