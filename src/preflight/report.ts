/**
 * The preflight report as people and machines read it: a short text listing
 * (errors first, then warnings, then the rules and measurements), the JSON
 * form, and `<name>.preflight.json` written beside a rendered PDF.
 */
import path from 'node:path';
import { writeFileAtomic } from '../pdf/write-atomic.ts';
import { runPreflight, type PreflightInput } from './preflight.ts';
import type { Finding, PreflightReport } from './types.ts';
import { t } from '../i18n/locale.ts';

const SYMBOL = { passed: 'ok  ', warning: 'warn', failed: 'FAIL', skipped: '--  ' } as const;

function formatFinding(finding: Finding): string {
  const where = [finding.page !== undefined ? t('preflight.page', { page: finding.page }) : '', finding.where ?? ''].filter(Boolean).join(', ');
  const lines = [`${t(finding.severity === 'error' ? 'preflight.error' : 'preflight.warning')} [${finding.rule}] ${where ? `${where}: ` : ''}${finding.message}`];
  if (finding.hint) lines.push(t('cli.fix', { hint: finding.hint }));
  return lines.join('\n');
}

/** The report as text, in the user's language (issue 15, item 9); rule findings keep the rule's own words. */
export function formatReport(report: PreflightReport): string {
  const lines = [t(report.press ? 'preflight.titlePress' : 'preflight.title', { file: report.file })];
  const ordered = [...report.findings.filter((f) => f.severity === 'error'), ...report.findings.filter((f) => f.severity === 'warning')];
  lines.push(...ordered.map(formatFinding));
  if (ordered.length) lines.push('');
  for (const rule of report.rules) lines.push(`  ${SYMBOL[rule.status]} ${rule.id}: ${rule.title}`);
  const m = report.measurements;
  const facts = [
    m.pages !== undefined ? t('preflight.factPages', { pages: m.pages }) : '',
    m.fonts !== undefined ? t('preflight.factFonts', { fonts: m.fonts }) : '',
    m.smallestTextPt !== undefined ? t('preflight.factSmallestText', { pt: m.smallestTextPt }) : '',
    m.lowestImagePpi !== undefined ? t('preflight.factLowestPpi', { ppi: m.lowestImagePpi }) : '',
    m.ink ? t('preflight.factInk', { ink: m.ink.maxPercent, limit: m.ink.limitPercent }) : '',
  ].filter(Boolean);
  if (facts.length) lines.push(`  ${facts.join(t('preflight.factSeparator'))}`);
  if (m.pdfx) lines.push(`  PDF/X: ${m.pdfx}`);
  if (m.overprint) lines.push(`  ${t('preflight.overprint', { overprinting: m.overprint.overprinting, runs: m.overprint.solidBlackTextRuns })}`);
  for (const colour of m.textPlates ?? []) lines.push(`  ${t('preflight.textPlates', { colour: colour.colour, plates: colour.plates, runs: colour.runs, size: colour.smallestPt })}`);
  if (m.reversedSmallType !== undefined) lines.push(`  ${t('preflight.reversedType', { runs: m.reversedSmallType })}`);
  lines.push(t(report.ok ? 'preflight.passed' : 'preflight.failed', { errors: report.errors, warnings: report.warnings, seconds: (report.durationMs / 1000).toFixed(2) }));
  return lines.join('\n');
}

/** `out/page.pdf` → `out/page.preflight.json`; `out/page.press.pdf` → `out/page.press.preflight.json`. */
export function preflightReportPath(pdf: string): string {
  return path.join(path.dirname(pdf), `${path.basename(pdf).replace(/\.pdf$/i, '')}.preflight.json`);
}

export async function writePreflightReport(report: PreflightReport, file = preflightReportPath(report.file)): Promise<string> {
  await writeFileAtomic(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

/** Preflights a freshly rendered PDF and writes `<name>.preflight.json` beside it. */
export async function preflightRenderedPdf(input: PreflightInput): Promise<{ report: PreflightReport; reportPath: string }> {
  const report = await runPreflight(input);
  return { report, reportPath: await writePreflightReport(report) };
}
