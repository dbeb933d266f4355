/**
 * Running Ghostscript for the press PDF: the command, the interpreter choice,
 * the ICC profile folder and the PDF/X definition file.
 */
import { existsSync } from 'node:fs';
import { readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PdfError } from '../../errors.ts';
import { ghostscript, GHOSTSCRIPT_INSTALL_HINT as INSTALL_HINT } from '../read/ghostscript-run.ts';
import { NEWSPRINT_CONDITION, newsprintGrayProfile } from './icc.ts';
import { builtInCmykProfile, type PressSettings } from './settings.ts';
import type { PressColour } from './neutral-black.ts';

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
export async function prepareIccDir(dir: string, colour: PressColour, settings: PressSettings): Promise<string> {
  const source = GHOSTSCRIPT_ICC_DIRS.find((candidate) => existsSync(path.join(candidate, 'default_rgb.icc')));
  if (!source) {
    throw new PdfError("cannot find Ghostscript's ICC profiles (default_rgb.icc)", { hint: INSTALL_HINT });
  }
  const replaced = colour === 'cmyk' ? 'default_cmyk.icc' : 'default_gray.icc';
  for (const file of await readdir(source)) {
    if (file.endsWith('.icc') && file !== replaced) await symlink(path.join(source, file), path.join(dir, file));
  }
  const output = path.join(dir, replaced);
  if (colour === 'cmyk') await symlink(cmykProfileOf(settings), output);
  else await writeFile(output, newsprintGrayProfile());
  return output;
}

/** The CMYK output profile: the plant's file, else the built-in one for the ink limit. */
export function cmykProfileOf(settings: PressSettings): string {
  return path.resolve(settings.profile ?? builtInCmykProfile(settings.inkLimit));
}

const psString = (text: string) => `(${text.replace(/[\\()]/g, '\\$&')})`;

/**
 * The PDF/X definitions (after Ghostscript's lib/PDFX_def.ps): the version
 * and Trapped keys, and the output intent with the embedded output profile.
 * PDF/X-1a:2001 declares GTS_PDFXVersion "PDF/X-1:2001" with the conformance
 * key (ISO 15930-1 §6.2.2). Title and dates come from the proof's own Info.
 */
export function pdfxDefinition(profile: string, colour: PressColour, settings: PressSettings): string {
  const version = settings.pdfx === 'PDF/X-1a:2001' ? '/GTS_PDFXVersion (PDF/X-1:2001) /GTS_PDFXConformance (PDF/X-1a:2001)' : '/GTS_PDFXVersion (PDF/X-3:2002)';
  const builtIn = colour === 'gray' || settings.profile === undefined;
  const registered = builtIn && settings.condition === NEWSPRINT_CONDITION.identifier;
  return [
    '%!',
    `[ ${version} /Trapped /False /DOCINFO pdfmark`,
    '[/_objdef {icc_PDFX} /type /stream /OBJ pdfmark',
    `[{icc_PDFX} << /N ${colour === 'cmyk' ? 4 : 1} >> /PUT pdfmark`,
    `[{icc_PDFX} ${psString(profile)} (r) file /PUT pdfmark`,
    '[/_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark',
    '[{OutputIntent_PDFX} <<',
    '  /Type /OutputIntent /S /GTS_PDFX',
    `  /OutputConditionIdentifier ${psString(settings.condition)}`,
    ...(registered ? [`  /OutputCondition ${psString(NEWSPRINT_CONDITION.condition)}`, `  /RegistryName ${psString(NEWSPRINT_CONDITION.registry)}`] : []),
    `  /Info ${psString(colour === 'gray' ? 'Folio newsprint gray' : builtIn ? `Folio newsprint CMYK, ${settings.inkLimit}% total ink` : path.basename(profile))}`,
    '  /DestOutputProfile {icc_PDFX}',
    '>> /PUT pdfmark',
    '[{Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark',
    '',
  ].join('\n');
}

/**
 * Photos: one lossy step (issue 20). The proof carries them lossless (PNG from
 * src/assets/images.ts, Flate in the PDF); Ghostscript's default settings
 * would downsample and JPEG them at about Q55 with M and Y subsampled. Here
 * they keep their full resolution and are JPEG'd once at the QFactor of
 * Ghostscript's own /prepress settings (0.15), without chroma subsampling.
 */
const PHOTO_QUALITY = '<< /ColorImageDict << /QFactor 0.15 /Blend 1 /HSamples [1 1 1 1] /VSamples [1 1 1 1] >> /GrayImageDict << /QFactor 0.15 /Blend 1 /HSamples [1 1 1 1] /VSamples [1 1 1 1] >> >> setdistillerparams';
const PHOTO_ARGS = [
  '-dDownsampleColorImages=false', '-dDownsampleGrayImages=false',
  '-dAutoFilterColorImages=false', '-dAutoFilterGrayImages=false',
  '-sColorImageFilter=DCTEncode', '-sGrayImageFilter=DCTEncode',
];

/** Arguments converting `input` to a PDF/X `output` in CMYK or gray. */
export function conversionArgs(options: { input: string; output: string; definition: string; iccDir: string; colour: PressColour; legacyInterpreter: boolean; settings: PressSettings }): string[] {
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
    `--permit-file-read=${path.dirname(cmykProfileOf(options.settings))}${path.sep}`,
    ...PHOTO_ARGS,
    `-sOutputFile=${options.output}`,
    '-c', PHOTO_QUALITY, '-f',
    options.definition,
    options.input,
  ];
}
