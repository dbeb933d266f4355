/**
 * Running Ghostscript for the press PDF: the command, the interpreter choice,
 * the ICC profile folder and the PDF/X definition file.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PdfError } from '../../errors.ts';
import { NEWSPRINT_CMYK_PROFILE, NEWSPRINT_CONDITION, newsprintGrayProfile } from './icc.ts';
import type { PressColour } from './neutral-black.ts';

const run = promisify(execFile);

const INSTALL_HINT = 'install Ghostscript (Debian: `apt-get install ghostscript`); `npm test` installs it through scripts/bootstrap.mjs';

export async function ghostscript(args: string[], signal?: AbortSignal): Promise<string> {
  try {
    const { stdout } = await run('gs', args, { signal, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch (cause) {
    const error = cause as NodeJS.ErrnoException & { stderr?: string; stdout?: string };
    if (error.code === 'ENOENT') throw new PdfError('Ghostscript (gs) is not installed', { cause, hint: INSTALL_HINT });
    const detail = `${error.stderr ?? ''}${error.stdout ?? ''}`.trim().split('\n').slice(-3).join(' ');
    throw new PdfError(`Ghostscript failed: ${detail || error.message}`, { cause });
  }
}

export interface GhostscriptInfo {
  version: string;
  /**
   * Whether the older PDF interpreter is still there (10.00 and 10.01). It
   * keeps the text layer exact; 10.00's new one garbles it (版→x, “→<:
   * docs/press-route.md). From 10.02 only the new one exists, fixed upstream.
   */
  legacyInterpreter: boolean;
}

let info: Promise<GhostscriptInfo> | undefined;

export function ghostscriptInfo(): Promise<GhostscriptInfo> {
  info ??= ghostscript(['--version']).then((out) => {
    const version = out.trim();
    const [major = 0, minor = 0] = version.split('.').map(Number);
    return { version, legacyInterpreter: major < 10 || (major === 10 && minor < 2) };
  });
  info.catch(() => (info = undefined));
  return info;
}

/** Ghostscript's own profile folders on common installs (Debian first). */
const GHOSTSCRIPT_ICC_DIRS = ['/usr/share/color/icc/ghostscript', '/usr/share/ghostscript/iccprofiles', '/usr/local/share/ghostscript/iccprofiles'];

/**
 * A folder Ghostscript reads as -sICCProfilesDir: its own profiles, with
 * default_cmyk.icc / default_gray.icc replaced by the newsprint ones. With a
 * ColorConversionStrategy set, -sOutputICCProfile is ignored (docs/press-route.md),
 * so this is how the output profile is chosen. Returns the output profile path.
 */
export async function prepareIccDir(dir: string, colour: PressColour): Promise<string> {
  const source = GHOSTSCRIPT_ICC_DIRS.find((candidate) => existsSync(path.join(candidate, 'default_rgb.icc')));
  if (!source) {
    throw new PdfError("cannot find Ghostscript's ICC profiles (default_rgb.icc)", { hint: INSTALL_HINT });
  }
  const replaced = colour === 'cmyk' ? 'default_cmyk.icc' : 'default_gray.icc';
  for (const file of await readdir(source)) {
    if (file.endsWith('.icc') && file !== replaced) await symlink(path.join(source, file), path.join(dir, file));
  }
  const output = path.join(dir, replaced);
  if (colour === 'cmyk') await symlink(NEWSPRINT_CMYK_PROFILE, output);
  else await writeFile(output, newsprintGrayProfile());
  return output;
}

const psString = (text: string) => `(${text.replace(/[\\()]/g, '\\$&')})`;

/**
 * The PDF/X-3 definitions (after Ghostscript's lib/PDFX_def.ps): the version
 * and Trapped keys, and the output intent with the embedded output profile.
 * Title and dates come from the proof's own Info dictionary.
 */
export function pdfxDefinition(profile: string, colour: PressColour): string {
  return [
    '%!',
    '[ /GTS_PDFXVersion (PDF/X-3:2002) /Trapped /False /DOCINFO pdfmark',
    '[/_objdef {icc_PDFX} /type /stream /OBJ pdfmark',
    `[{icc_PDFX} << /N ${colour === 'cmyk' ? 4 : 1} >> /PUT pdfmark`,
    `[{icc_PDFX} ${psString(profile)} (r) file /PUT pdfmark`,
    '[/_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark',
    '[{OutputIntent_PDFX} <<',
    '  /Type /OutputIntent /S /GTS_PDFX',
    `  /OutputConditionIdentifier ${psString(NEWSPRINT_CONDITION.identifier)}`,
    `  /OutputCondition ${psString(NEWSPRINT_CONDITION.condition)}`,
    `  /Info ${psString(colour === 'cmyk' ? 'Folio newsprint CMYK, 240% total ink' : 'Folio newsprint gray')}`,
    `  /RegistryName ${psString(NEWSPRINT_CONDITION.registry)}`,
    '  /DestOutputProfile {icc_PDFX}',
    '>> /PUT pdfmark',
    '[{Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark',
    '',
  ].join('\n');
}

/** Arguments converting `input` to a PDF/X-3 `output` in CMYK or gray. */
export function conversionArgs(options: { input: string; output: string; definition: string; iccDir: string; colour: PressColour; legacyInterpreter: boolean }): string[] {
  const space = options.colour === 'cmyk' ? 'CMYK' : 'Gray';
  return [
    '-q', '-dBATCH', '-dNOPAUSE', '-dSAFER',
    ...(options.legacyInterpreter ? ['-dNEWPDF=false'] : []),
    '-sDEVICE=pdfwrite',
    '-dPDFX',
    `-sColorConversionStrategy=${space}`,
    `-sProcessColorModel=Device${space}`,
    `-sICCProfilesDir=${options.iccDir}${path.sep}`,
    `--permit-file-read=${options.iccDir}${path.sep}`,
    `--permit-file-read=${path.dirname(NEWSPRINT_CMYK_PROFILE)}${path.sep}`,
    `-sOutputFile=${options.output}`,
    options.definition,
    options.input,
  ];
}
