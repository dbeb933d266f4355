/**
 * The press PDF: the proof converted to CMYK (or gray) for a newspaper press,
 * declaring PDF/X-3:2002 with a newsprint output intent, black text and rules
 * on the black plate alone, and its total ink coverage measured.
 *
 * The route is the one measured in docs/press-route.md:
 * neutral colours are set as K-only before Ghostscript (press/prepare.ts),
 * Ghostscript converts what is left, then the result is preflighted. The
 * PDF/X declaration is kept only when the structural checks pass; otherwise
 * no file is written, because a press trusts the declaration.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PdfError } from '../errors.ts';
import { runPreflight, type PreflightEdition, type PreflightReport } from '../preflight/preflight.ts';
import { conversionArgs, ghostscript, ghostscriptInfo, pdfxDefinition, prepareIccDir } from './press/ghostscript.ts';
import { NEWSPRINT_CONDITION } from './press/icc.ts';
import type { InkCoverage } from './press/ink-coverage.ts';
import { prepareForPress, type PrepareReport } from './press/prepare.ts';
import { writeFileAtomic } from './write-atomic.ts';
import { stepTimer } from '../timing.ts';
import { makeTempDir, removeTempDir } from '../paginate/temp-dirs.ts';

export interface PressInput {
  /** The proof PDF (Folio's RGB output). */
  pdf: string;
  /** The press PDF to write, e.g. pressPdfPath(pdf). */
  output: string;
  /** Gray instead of CMYK (a black-only page). */
  gray?: boolean;
  /** Expectations for the preflight of the result (page size, glyphs). */
  edition?: PreflightEdition;
  signal?: AbortSignal;
}

export interface PressReport {
  output: string;
  colour: 'cmyk' | 'gray';
  /** The PDF/X version the file declares, e.g. `PDF/X-3:2002`. */
  pdfx: string;
  outputIntent: { identifier: string; profile: string };
  ghostscript: { version: string; interpreter: 'legacy (-dNEWPDF=false)' | 'default' };
  prepare: PrepareReport;
  ink: InkCoverage;
  /** The preflight of the press file (press checks included). */
  preflight: PreflightReport;
  /** Milliseconds per step. */
  timings: { prepare: number; ghostscript: number; preflight: number };
  warnings: string[];
}

const PDFX_VERSION = 'PDF/X-3:2002';
/** Findings that would make the PDF/X declaration false: these stop the press file. */
const CONFORMANCE_RULES = new Set(['pdfx', 'boxes', 'fonts', 'rgb', 'transparency']);

/** `out/page.pdf` → `out/page.press.pdf`. */
export function pressPdfPath(proof: string): string {
  return path.join(path.dirname(proof), `${path.basename(proof).replace(/\.pdf$/i, '')}.press.pdf`);
}

export async function makePressPdf(input: PressInput): Promise<PressReport> {
  const colour = input.gray ? 'gray' : 'cmyk';
  const timings = { prepare: 0, ghostscript: 0, preflight: 0 };
  const timed = stepTimer(timings, input.signal);
  const dir = await makeTempDir('folio-press-');
  try {
    const proof = await readFile(input.pdf).catch((cause: unknown) => {
      throw new PdfError(`cannot read the proof PDF ${input.pdf}`, { cause, hint: 'render the edition first' });
    });
    const prepared = await timed('prepare', () => prepareForPress(proof, colour));
    const files = { prepared: path.join(dir, 'prepared.pdf'), definition: path.join(dir, 'pdfx.ps'), press: path.join(dir, 'press.pdf'), icc: path.join(dir, 'icc') };
    await writeFile(files.prepared, prepared.pdf);

    const gs = await ghostscriptInfo();
    await timed('ghostscript', async () => {
      await mkdir(files.icc);
      const profile = await prepareIccDir(files.icc, colour);
      await writeFile(files.definition, pdfxDefinition(profile, colour));
      await ghostscript(conversionArgs({ input: files.prepared, output: files.press, definition: files.definition, iccDir: files.icc, colour, legacyInterpreter: gs.legacyInterpreter }), input.signal);
    });

    const preflight = await timed('preflight', () => runPreflight({ pdf: files.press, edition: input.edition, press: true, signal: input.signal }));
    preflight.file = input.output;
    const broken = preflight.findings.filter((finding) => finding.severity === 'error' && CONFORMANCE_RULES.has(finding.rule));
    if (broken.length) {
      throw new PdfError(`the converted file does not meet ${PDFX_VERSION}, so no press PDF was written:\n${broken.map((f) => `  [${f.rule}] ${f.message}`).join('\n')}`, {
        hint: 'the proof PDF has content the press conversion cannot handle; run `folio preflight` on the proof',
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
      pdfx: PDFX_VERSION,
      outputIntent: { identifier: NEWSPRINT_CONDITION.identifier, profile: colour === 'cmyk' ? 'assets/icc/folio-newsprint-cmyk.icc' : 'Folio newsprint gray (built in)' },
      ghostscript: { version: gs.version, interpreter: gs.legacyInterpreter ? 'legacy (-dNEWPDF=false)' : 'default' },
      prepare: prepared.report,
      ink: preflight.measurements.ink!,
      preflight,
      timings,
      warnings,
    };
  } finally {
    await removeTempDir(dir);
  }
}
