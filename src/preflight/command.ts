/**
 * `folio preflight <file.pdf> [--edition <dir>] [--press] [--json]`: checks a
 * PDF and exits 1 when any check fails at error level.
 */
import type { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { loadEdition } from '../content/load.ts';
import { FolioError } from '../errors.ts';
import { t } from '../i18n/locale.ts';
import { preflightEditionOf, runPreflight } from './preflight.ts';
import { formatReport } from './report.ts';

/** The PDF failed preflight: exit 1, after the report has been printed. */
export class PreflightFailedError extends FolioError {}

/** The file to check does not exist: bad input, exit 2 (issue 15, item 7). */
export class PreflightInputError extends FolioError {
  override readonly exitCode = 2;
}

export interface PreflightCommandOptions {
  edition?: string;
  press?: boolean;
  json?: boolean;
}

export async function preflightCommand(pdf: string, options: PreflightCommandOptions): Promise<void> {
  const info = await stat(pdf).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' || error.code === 'ENOTDIR' ? undefined : 'other'));
  if (info === undefined) throw new PreflightInputError(t('cli.noSuchFile', { file: pdf }), { hint: t('cli.noSuchFileHint') });
  const edition = options.edition ? preflightEditionOf(await loadEdition(options.edition)) : undefined;
  // A file named *.press.pdf is a press file unless the user says otherwise.
  const press = options.press ?? /\.press\.pdf$/i.test(pdf);
  const report = await runPreflight({ pdf, edition, press });
  console.log(options.json ? JSON.stringify(report, null, 2) : formatReport(report));
  if (!report.ok) {
    throw new PreflightFailedError(t('preflight.foundErrors', { count: report.errors, file: pdf }), { hint: t('preflight.foundErrorsHint') });
  }
}

export function registerPreflightCommand(program: Command): void {
  program
    .command('preflight')
    .description(t('help.preflight'))
    .argument('<pdf>', t('help.pdfArg'))
    .option('--edition <edition>', t('help.preflightEdition'))
    .option('--press', t('help.preflightPress'))
    .option('--no-press', t('help.preflightNoPress'))
    .option('--json', t('help.preflightJson'))
    .action((pdf: string, options: PreflightCommandOptions) => preflightCommand(pdf, options));
}
