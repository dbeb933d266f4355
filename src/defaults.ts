/**
 * Every default Folio uses, in one place. Stages receive these values through
 * their typed inputs; nothing else hard-codes a size, a timeout or a path.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Folio's own root: the repository, or the installed package
 * (node_modules/folio-newspaper), where templates/, styles/ and assets/ live.
 * Folio only reads from here; what it writes goes to the output and cache
 * folders below (issue 14: an installed Folio must not write into node_modules).
 */
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

/**
 * 四开 tabloid, the common size of county papers: half the 对开 sheet (a 对开
 * page folded once more), 272.5×390 mm. Body 小五 (9 pt) with a one-character
 * 栏空 as on 对开, and the 对开 side margins: the measure they leave holds 74
 * characters, 5 columns of 14 (a 四开 基本栏 is wider than the 对开 13).
 * Sources and the derivation: README, "Page presets".
 */
export const SIKAI: PageGeometry = Object.freeze({
  name: 'sikai',
  trimWidthMm: 272.5,
  trimHeightMm: 390,
  bleedMm: 3,
  slugMm: 10,
  columns: 5,
  columnChars: 14,
  gutterChars: 1,
  bodySizePt: 9,
  linePitchPt: 13.5,
  lines: 71,
  topMarginMm: 24,
});

export const PRESETS: Readonly<Record<string, PageGeometry>> = Object.freeze({ duikai: DUIKAI, sikai: SIKAI });

/**
 * What the page solver needs beyond the grid (docs/design/general-pages.md,
 * sections 3 and 6), per preset: headline sizes by rank and the masthead.
 */
export interface PageLayoutPreset {
  /** Headline title sizes (pt), largest first: rank r starts at step r − 1 and may go smaller at a price. */
  headlineLadder: readonly number[];
  /** Height of the masthead (报头) band on a front page, in body lines. */
  mastheadLines: number;
  /** Size of the paper's name in the masthead (pt). */
  mastheadNamePt: number;
}

export const PAGE_LAYOUT_PRESETS: Readonly<Record<string, PageLayoutPreset>> = Object.freeze({
  duikai: Object.freeze({ headlineLadder: [64, 44, 34, 28, 24, 20], mastheadLines: 14, mastheadNamePt: 110 }),
  // Five columns of 14: the lead's title at 48 pt holds about 13 characters across the page.
  sikai: Object.freeze({ headlineLadder: [48, 36, 30, 26, 22, 18], mastheadLines: 10, mastheadNamePt: 80 }),
});

/** The solver's rules, the same on every preset. */
export const PAGE_LAYOUT = Object.freeze({
  /** Lines between modules stacked one above the other (a rule is drawn in the middle). */
  gapLines: 1,
  /** No blank square larger than this on a page (issue 17). */
  maxBlankMm: 25,
  blankLineCost: 1,
  /** 撞题: taken only when nothing else fits, and then named in the report. */
  collisionCost: 1000,
  maxSteps: 2_000_000,
  /** A title broken into more lines than this is too small a span for its size. */
  headlineMaxTitleLines: 2,
  headGapLines: 1,
  photoGapLines: 1,
  minFrameLines: 6,
  /** Height / width of a photo frame: aimed at (a placeholder has no aspect of its own), flattest, tallest. */
  targetAspect: 2 / 3,
  minAspect: 0.45,
  maxAspect: 1.3,
  /** Rounds of measure → solve → apply → check before a module still short is reported. */
  rounds: 6,
  /** Of those, the first rounds that may also re-solve for white the page reported (empty columns, a short last column). */
  gapRounds: 2,
  /**
   * 转版: a story with a `continue:` target that is over its module by more than this many lines is
   * continued on the target page; by fewer, it is an overflow to cut (a jump of a line or two reads badly).
   */
  jumpMarginLines: 3,
  /** The least lines of text (in each of its columns) a story's first part keeps on its own page. */
  jumpMinLines: 6,
});

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

/**
 * The preview's connections (issue 16, case 12): at most `max` open at once,
 * leaving most of a 1,024 descriptor limit to rebuilds (photos, fonts,
 * watchers, the browser's pipe); a connection that has not sent its headers
 * within `headersTimeoutMs` is closed (Node checks every `checkIntervalMs`).
 */
export const PREVIEW_CONNECTIONS = Object.freeze({
  max: 256,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  checkIntervalMs: 2_000,
});

/** Images are resized to the placed size at this resolution, never larger. */
export const IMAGE_PPI = 300;

/**
 * The user's cache folder for Folio: `$XDG_CACHE_HOME/folio` when that is an
 * absolute path (the XDG Base Directory spec ignores a relative one), else
 * `~/.cache/folio`. Derived photos and cut fonts are keyed by content hash, so
 * every project and edition on the machine can share them.
 */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  const xdg = env.XDG_CACHE_HOME;
  return xdg && path.isAbsolute(xdg) ? path.join(xdg, 'folio') : path.join(home, '.cache', 'folio');
}

/** Where derived images and cut fonts are cached, keyed by content hash. */
export const CACHE_DIR = userCacheDir();

/**
 * Where PDFs go unless `-o` says otherwise: `output/` in the working
 * directory, resolved when a build runs (the user's project, not Folio's).
 */
export const DEFAULT_OUTPUT_DIR = 'output';

export const PDF_CREATOR = 'Folio (Paged.js 0.4.3, Chromium)';

/** `folio batch --queue` and `folio worker` (issue 21): BullMQ's settings, Folio's choices. */
export interface QueueSettings {
  /** The BullMQ queue every batch and worker on one Redis database share. */
  name: string;
  /** Renders of a page before it is reported failed (a page fault fails every time; a machine's fault may not). */
  attempts: number;
  /** Wait before a failed page is tried again, doubled each time. */
  backoffMs: number;
  /** A job stays its worker's this long without word from it; then another worker takes it (SIGKILL, a lost machine). */
  lockMs: number;
  /** How often each worker looks for jobs whose lock expired. */
  stalledCheckMs: number;
  /** Lock expiries a job survives before it is failed (a page that kills every worker that takes it). */
  maxStalled: number;
  /** Finished jobs are kept this long, for `folio queue status` and for a batch run again after Ctrl-C. */
  keepFinishedS: number;
  /** The first connection to Redis must be made within this. */
  connectMs: number;
}

export const QUEUE: Readonly<QueueSettings> = Object.freeze({
  name: 'folio-pages',
  attempts: 2,
  backoffMs: 1_000,
  lockMs: 30_000,
  stalledCheckMs: 15_000,
  maxStalled: 2,
  keepFinishedS: 7 * 24 * 3600,
  connectMs: 10_000,
});

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
