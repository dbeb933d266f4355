/**
 * The vocabulary of preflight: findings, rules and the report. A rule judges
 * the facts read from the PDF and returns findings; a failed check is a
 * finding, never an exception.
 */
import type { PageGeometry } from '../defaults.ts';
import type { Edition } from '../content/schema.ts';
import type { InkCoverage } from '../pdf/read/ink-coverage.ts';
import type { PressSettings } from '../pdf/press/settings.ts';
import type { PdfFacts } from './inspect/document.ts';

export type Severity = 'error' | 'warning';

export interface Finding {
  /** The id of the rule that found it, e.g. `image-resolution`. */
  rule: string;
  severity: Severity;
  message: string;
  /** 1-based page, when the finding is on a page. */
  page?: number;
  /** Where: a field path in the edition (`sections[0].lead`) or a position on the page. */
  where?: string;
  /** One sentence on how to fix it. */
  hint?: string;
}

/** What the PDF is expected to be, from the edition it was rendered from. */
export interface PreflightEdition {
  /** Page geometry of the edition's preset (src/defaults.ts PRESETS). */
  geometry: PageGeometry;
  /** Expected number of pages: a Folio edition is one page. */
  pages: number;
  /** The edition's content, for the glyph coverage check. */
  content?: Readonly<Edition>;
  /** The edition file, for messages. */
  file?: string;
  /** The images the photos became, so findings name a photo by its id and file rather than a PDF resource name. */
  photos?: readonly PhotoImage[];
}

/** A photo as placed: its slot id, its source file (none for a placeholder) and the pixels sent to the page. */
export interface PhotoImage {
  id: string;
  file?: string;
  widthPx: number;
  heightPx: number;
}

export interface PreflightContext {
  facts: PdfFacts;
  edition?: PreflightEdition;
  press: boolean;
  /** The plant's settings (ink limit, PDF/X version). */
  settings: PressSettings;
  /** Total ink coverage, measured on first use (it rasterises the file). */
  ink(): Promise<InkCoverage>;
  /** Numbers worth reporting even when every check passes. */
  measurements: PreflightMeasurements;
}

export interface PreflightMeasurements {
  pages?: number;
  smallestTextPt?: number;
  lowestImagePpi?: number;
  fonts?: number;
  ink?: InkCoverage;
  pdfx?: string;
  /** Solid K text runs, and how many overprint (press files). */
  overprint?: { solidBlackTextRuns: number; overprinting: number };
  /** Each coloured text colour with the plates it is printed from (press files). */
  textPlates?: TextPlates[];
  /** Runs of type under 10 pt reversed out of an inked background (press files). */
  reversedSmallType?: number;
}

export interface TextPlates {
  /** e.g. `0/100/100/0` or `spot 100%`. */
  colour: string;
  /** e.g. `M+Y`. */
  plates: string;
  runs: number;
  smallestPt: number;
}

export interface Rule {
  id: string;
  /** What the rule checks, in a few words, for the report. */
  title: string;
  /** Whether the rule applies (e.g. only to press files, or only with an edition). */
  applies(context: PreflightContext): boolean;
  check(context: PreflightContext): Finding[] | Promise<Finding[]>;
}

export type RuleStatus = 'passed' | 'warning' | 'failed' | 'skipped';

export interface PreflightReport {
  file: string;
  press: boolean;
  /** True when no finding is an error. */
  ok: boolean;
  errors: number;
  warnings: number;
  rules: { id: string; title: string; status: RuleStatus }[];
  findings: Finding[];
  measurements: PreflightMeasurements;
  durationMs: number;
}

/** A press file made with `--marks none`: the sheet is the trimmed page, without bleed or slug (issue 20). */
export function trimSizePage(context: PreflightContext): boolean {
  return context.press && context.settings.marks === 'none';
}
