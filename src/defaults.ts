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

/** Longest --timeout a user may give, in seconds; Node's timers overflow far above it. */
export const MAX_TIMEOUT_S = 3600;

/** Images are resized to the placed size at this resolution, never larger. */
export const IMAGE_PPI = 300;

/** Where derived images are cached, keyed by content hash. */
export const CACHE_DIR = path.join(FOLIO_ROOT, 'output', '.cache');

export const DEFAULT_OUTPUT_DIR = path.join(FOLIO_ROOT, 'output');

export const PDF_CREATOR = 'Folio (Paged.js 0.4.3, Chromium)';

/**
 * What preflight reads of one PDF, at most (issue 16: a 4 KB PDF of nested
 * forms, a 1.5 MB Flate bomb and a 39 KB flood of `q` each took GBs). A
 * Folio page uses a small part of each: about 0.1 M operators, forms two deep.
 */
export const PREFLIGHT_LIMITS = Object.freeze({
  /** Forms drawn inside forms. */
  formDepth: 16,
  /** Graphics states saved (q) and not yet restored (Q). */
  stateDepth: 256,
  /** Content operators run, over all pages and every time a form is drawn. */
  operators: 5_000_000,
  /** Bytes of one decompressed content stream. */
  streamBytes: 64 * 1024 * 1024,
  /** Bytes decompressed over the whole file. */
  totalBytes: 512 * 1024 * 1024,
});

/**
 * The largest edition Folio reads, checked before the browser starts (issue
 * 16: a 50 MB edition or an alias bomb ended as a navigation timeout after
 * 44 s and 1.4 GB). A broadsheet page holds about 10,000 characters.
 */
export const EDITION_LIMITS = Object.freeze({
  /** Bytes of the edition file. */
  fileBytes: 5 * 1024 * 1024,
  /** Characters of text once YAML aliases are expanded. */
  characters: 1_000_000,
});
