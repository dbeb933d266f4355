/**
 * The last stages every build path shares, once the page is printed: the
 * PDF replaces its target only after it is read back and preflighted, then
 * the PNG preview and the press PDF (gated on the proof's preflight and
 * checked again after Ghostscript), and the warnings those steps leave.
 */
import path from 'node:path';
import { writeFileAtomic } from './pdf/write-atomic.ts';
import { makePressPdf, pressPdfPath, type PressReport } from './pdf/press.ts';
import type { PressSettings } from './pdf/press/settings.ts';
import { assertReadyForPress, verifyPressFile } from './preflight/press-check.ts';
import { runPreflight, type PreflightReport } from './preflight/preflight.ts';
import type { PreflightEdition } from './preflight/types.ts';
import { writePreflightReport } from './preflight/report.ts';
import type { BuildOptions, Timed } from './pipeline-support.ts';

export interface OutputsInput {
  options: BuildOptions;
  timed: Timed;
  pdfPath: string;
  /** The finished proof PDF. */
  pdf: Uint8Array;
  png?: Uint8Array;
  /** What the preflight expects of the file. */
  expected: PreflightEdition;
  pressSettings: Partial<PressSettings>;
  /** Requests the page made that were refused. */
  blockedRequests: readonly string[];
}

export interface WrittenOutputs {
  preflight: PreflightReport;
  preflightPath: string;
  pngPath?: string;
  press?: PressReport<PreflightReport>;
  pressPreflightPath?: string;
  /** Blocked requests and preflight findings, for the user to read. */
  warnings: string[];
}

export async function writeOutputs(input: OutputsInput): Promise<WrittenOutputs> {
  const { options, timed, pdfPath, expected } = input;
  // The new PDF replaces the target only once it has been read back and preflighted.
  const preflight = await timed('preflight', () =>
    writeFileAtomic(pdfPath, input.pdf, (written) => runPreflight({ pdf: written, edition: expected, signal: options.signal })),
  );
  preflight.file = pdfPath;
  const preflightPath = await writePreflightReport(preflight);
  let pngPath: string | undefined;
  if (input.png) {
    pngPath = pdfPath.replace(/\.pdf$/i, '') + '.png';
    await writeFileAtomic(pngPath, input.png);
  }
  let press: PressReport<PreflightReport> | undefined;
  let pressPreflightPath: string | undefined;
  if (options.press || options.gray) {
    const output = pressPdfPath(pdfPath);
    // A press file only when the proof's preflight has no error (issue 20), checked again after Ghostscript.
    assertReadyForPress(preflight, output);
    press = await timed('press', () =>
      makePressPdf({ pdf: pdfPath, output, gray: options.gray, settings: input.pressSettings, verify: verifyPressFile({ output, edition: expected, signal: options.signal }), signal: options.signal }),
    );
    pressPreflightPath = await writePreflightReport(press.preflight);
  }
  const warnings = [
    ...input.blockedRequests.map((url) => `blocked a request from the page: ${url}`),
    ...preflight.findings.map((finding) => `preflight ${finding.severity}: [${finding.rule}] ${finding.message}`),
  ];
  return { preflight, preflightPath, pngPath, press, pressPreflightPath, warnings };
}

/** The HTML output's path as the result reports it. */
export const htmlPathOf = (options: BuildOptions) => options.htmlOutput && path.resolve(options.htmlOutput);
