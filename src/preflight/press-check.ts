/**
 * Preflight as the gate of the press file (issue 20): a press file is written
 * only when neither the proof nor the converted file has an error finding.
 * The press stage (src/pdf/press.ts) calls `verifyPressFile`'s function on
 * its converted file; it never imports preflight itself.
 */
import path from 'node:path';
import { PdfError } from '../errors.ts';
import { t } from '../i18n/locale.ts';
import type { PressVerdict } from '../pdf/press.ts';
import type { PressSettings } from '../pdf/press/settings.ts';
import { runPreflight } from './preflight.ts';
import type { Finding, PreflightEdition, PreflightReport } from './types.ts';

/** One error finding as a line of the refusal message. */
export function describeFinding(finding: Finding): string {
  const where = [finding.page !== undefined ? `page ${finding.page}` : '', finding.where ?? ''].filter(Boolean).join(', ');
  return `[${finding.rule}] ${where ? `${where}: ` : ''}${finding.message}`;
}

const errorsOf = (report: PreflightReport) => report.findings.filter((finding) => finding.severity === 'error');

/** Throws when the proof's own preflight has errors: converting it would only carry them to the press. */
export function assertReadyForPress(proof: PreflightReport, pressFile: string): void {
  const errors = errorsOf(proof);
  if (errors.length === 0) return;
  const findings = errors.map((finding) => `  ${describeFinding(finding)}`).join('\n');
  throw new PdfError(t('preflight.pressRefused', { file: path.basename(proof.file), errors: proof.errors, findings }), {
    hint: t('preflight.pressRefusedHint', { file: path.basename(pressFile) }),
  });
}

/** The check the press stage runs on its converted file, before writing it to `output`. */
export function verifyPressFile(options: { output: string; edition?: PreflightEdition; signal?: AbortSignal }) {
  return async (file: string, settings: PressSettings): Promise<PressVerdict<PreflightReport>> => {
    const report = await runPreflight({ pdf: file, edition: options.edition, press: true, settings, signal: options.signal });
    report.file = options.output;
    return { problems: errorsOf(report).map(describeFinding), ink: report.measurements.ink!, report };
  };
}
