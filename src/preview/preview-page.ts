import type { EditionOverride } from '../content/load.ts';
/** What one preview rebuild takes and gives, for the feature and the general page alike. */
import type { DocumentFitter } from './fit-document.ts';
import type { PreviewReport } from './fit-summary.ts';
import type { ServedFiles } from './served-files.ts';
import type { ProofFinding } from './proof-findings.ts';

export interface PreviewPageInput {
  input: string;
  /** Fields filled from outside the file: an issue page's folio line from issue.yaml and paper.yaml. */
  overrides?: readonly EditionOverride[];
  fitter: DocumentFitter;
  cacheDir: string;
  files: ServedFiles;
}

export interface PreviewPage {
  id: string;
  title: string;
  html: string;
  report: PreviewReport;
  warnings: string[];
  /** Preflight findings known before the PDF: low-resolution photos, missing folio-line fields. */
  findings: ProofFinding[];
  /** Milliseconds per stage, as build() reports them. */
  timings: Record<string, number>;
}

