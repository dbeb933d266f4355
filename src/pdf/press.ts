/**
 * The press PDF: the proof converted to CMYK (or gray) for a newspaper press,
 * declaring PDF/X with a newsprint output intent, black text and rules on the
 * black plate alone, and its total ink coverage measured.
 *
 * The route is the one measured in docs/press-route.md: neutral
 * colours are set as K-only before Ghostscript (press/prepare.ts),
 * Ghostscript converts what is left, then the caller's `verify` (preflight)
 * judges the result. The file is written only when the verdict is clean
 * (issue 20): a press trusts the declaration and the pages, and an earlier
 * good file stays in place otherwise. The verdict comes from the caller so
 * that this stage does not import preflight (which reads PDFs through
 * ./read/): no import cycle between the two.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PdfError } from '../errors.ts';
import { t } from '../i18n/locale.ts';
import { conversionArgs, ghostscriptInfo, pdfxDefinition, prepareIccDir } from './press/ghostscript.ts';
import { ghostscript } from './read/ghostscript-run.ts';
import type { InkCoverage } from './read/ink-coverage.ts';
import { prepareForPress, type PrepareReport } from './press/prepare.ts';
import { resolvePressSettings, type PressSettings } from './press/settings.ts';
import { writeFileAtomic } from './write-atomic.ts';
import { stepTimer } from '../timing.ts';
import { makeTempDir, removeTempDir } from '../paginate/temp-dirs.ts';

/** What the caller's check found in the converted file. */
export interface PressVerdict<R> {
  /** Problems that stop the press file (preflight errors), as lines for the message. */
  problems: string[];
  ink: InkCoverage;
  /** The full report (preflight's), returned with the press report. */
  report: R;
}

export interface PressInput<R> {
  /** The proof PDF (Folio's RGB output). */
  pdf: string;
  /** The press PDF to write, e.g. pressPdfPath(pdf). */
  output: string;
  /** Gray instead of CMYK (a black-only page). */
  gray?: boolean;
  /** The plant's settings; see press/settings.ts for the defaults. */
  settings?: Partial<PressSettings>;
  /** Judges the converted file (at a temporary path) before it is written. */
  verify(file: string, settings: PressSettings): Promise<PressVerdict<R>>;
  signal?: AbortSignal;
}

export interface PressReport<R> {
  output: string;
  colour: 'cmyk' | 'gray';
  settings: PressSettings;
  /** The PDF/X version the file declares, e.g. `PDF/X-3:2002`. */
  pdfx: string;
  outputIntent: { identifier: string; profile: string };
  ghostscript: { version: string; interpreter: 'legacy (-dNEWPDF=false)' | 'default' };
  prepare: PrepareReport;
  ink: InkCoverage;
  /** The verdict's report (the preflight of the press file). */
  preflight: R;
  /** Milliseconds per step. */
  timings: { prepare: number; ghostscript: number; preflight: number };
  warnings: string[];
}

/** `out/page.pdf` → `out/page.press.pdf`. */
export function pressPdfPath(proof: string): string {
  return path.join(path.dirname(proof), `${path.basename(proof).replace(/\.pdf$/i, '')}.press.pdf`);
}

export async function makePressPdf<R>(input: PressInput<R>): Promise<PressReport<R>> {
  const colour = input.gray ? 'gray' : 'cmyk';
  const settings = resolvePressSettings(input.settings);
  const timings = { prepare: 0, ghostscript: 0, preflight: 0 };
  const timed = stepTimer(timings, input.signal);
  const dir = await makeTempDir('folio-press-');
  try {
    const proof = await readFile(input.pdf).catch((cause: unknown) => {
      throw new PdfError(`cannot read the proof PDF ${input.pdf}`, { cause, hint: 'render the edition first' });
    });
    const prepared = await timed('prepare', () => prepareForPress(proof, colour, settings));
    const files = { prepared: path.join(dir, 'prepared.pdf'), definition: path.join(dir, 'pdfx.ps'), press: path.join(dir, 'press.pdf'), icc: path.join(dir, 'icc') };
    await writeFile(files.prepared, prepared.pdf);

    const gs = await ghostscriptInfo();
    await timed('ghostscript', async () => {
      await mkdir(files.icc);
      const output = await prepareIccDir(files.icc, colour, settings);
      await writeFile(files.definition, pdfxDefinition(output, colour, settings));
      await ghostscript(conversionArgs({ input: files.prepared, output: files.press, definition: files.definition, iccDir: files.icc, colour, legacyInterpreter: gs.legacyInterpreter, settings }), input.signal);
    });

    const verdict = await timed('preflight', () => input.verify(files.press, settings));
    if (verdict.problems.length) {
      const findings = verdict.problems.map((line) => `  ${line}`).join('\n');
      throw new PdfError(t('preflight.pressRefused', { file: path.basename(input.output), errors: verdict.problems.length, findings }), {
        hint: t('preflight.pressRefusedHint', { file: path.basename(input.output) }),
      });
    }
    const warnings: string[] = [];
    if (!gs.legacyInterpreter) {
      warnings.push(`Ghostscript ${gs.version} has only its new PDF interpreter; the text layer (copy and search) was not checked`);
    }
    if (prepared.report.undecodable) warnings.push(`${prepared.report.undecodable} content stream(s) could not be decoded; their black may be rich black`);
    await writeFileAtomic(input.output, await readFile(files.press));
    return {
      output: input.output,
      colour,
      settings,
      pdfx: settings.pdfx,
      outputIntent: { identifier: settings.condition, profile: colour === 'cmyk' ? (settings.profile ?? 'assets/icc/folio-newsprint-cmyk.icc') : 'Folio newsprint gray (built in)' },
      ghostscript: { version: gs.version, interpreter: gs.legacyInterpreter ? 'legacy (-dNEWPDF=false)' : 'default' },
      prepare: prepared.report,
      ink: verdict.ink,
      preflight: verdict.report,
      timings,
      warnings,
    };
  } finally {
    await removeTempDir(dir);
  }
}
