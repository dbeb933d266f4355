/**
 * The plant's settings as command-line options, shared by `folio render` and
 * `folio batch` (issue 20). They override the edition's `paper.press`.
 */
import { InvalidArgumentError, type Command } from 'commander';
import path from 'node:path';
import { INK_LIMITS, MARK_MODES, PDFX_VERSIONS, RED_MODES } from '../../defaults.ts';
import type { PressSettings } from './settings.ts';

export interface PressCliOptions {
  press?: boolean;
  gray?: boolean;
  pdfx?: string;
  icc?: string;
  condition?: string;
  inkLimit?: number;
  red?: string;
  spotName?: string;
  marks?: string;
}

/** `x3`, `x1a` or the full version name → the version. */
const PDFX_SHORT: Record<string, PressSettings['pdfx']> = { x3: 'PDF/X-3:2002', x1a: 'PDF/X-1a:2001' };

function oneOf<T extends string>(values: readonly T[]) {
  return (value: string): T => {
    if ((values as readonly string[]).includes(value)) return value as T;
    throw new InvalidArgumentError(`use one of: ${values.join(', ')}`);
  };
}

function parsePdfx(value: string): string {
  const version = PDFX_SHORT[value.toLowerCase()] ?? PDFX_VERSIONS.find((name) => name === value);
  if (!version) throw new InvalidArgumentError(`use x3 (PDF/X-3:2002) or x1a (PDF/X-1a:2001)`);
  return version;
}

function parseInkLimit(value: string): number {
  const limit = Number(value);
  if (!(INK_LIMITS as readonly number[]).includes(limit)) throw new InvalidArgumentError(`use one of: ${INK_LIMITS.join(', ')} (percent)`);
  return limit;
}

export function addPressOptions(command: Command): Command {
  return command
    .option('--press', 'also write <name>.press.pdf for the printer: newsprint CMYK, PDF/X, black text and rules as pure K overprinting')
    .option('--gray', 'make the press PDF gray, for black-and-white pages (implies --press)')
    .option('--pdfx <version>', 'PDF/X version of the press PDF: x3 (PDF/X-3:2002, default) or x1a (PDF/X-1a:2001)', parsePdfx)
    .option('--icc <file>', "the plant's CMYK output profile (default: Folio's newsprint profile for the ink limit)")
    .option('--condition <id>', 'OutputConditionIdentifier of the output intent (default: CGATS TR 002, or Custom with --icc)')
    .option('--ink-limit <percent>', `total ink limit: ${INK_LIMITS.join(', ')} (default 240)`, parseInkLimit)
    .option('--red <mode>', 'design red: process (solid 0/100/100/0, default) or spot (a Separation, for 套红 pages)', oneOf(RED_MODES))
    .option('--spot-name <name>', 'name of the spot plate with --red spot (default Red)')
    .option('--marks <mode>', 'crop (crop marks and registration targets, default), slug (also slug line and colour bar) or none (trim-size page)', oneOf(MARK_MODES));
}

/** The settings the options give; unset ones stay undefined so the edition's apply. */
export function pressSettingsOf(options: PressCliOptions): Partial<PressSettings> {
  return {
    pdfx: options.pdfx as PressSettings['pdfx'] | undefined,
    // Absolute, so that a queue worker started in another folder reads the same file.
    profile: options.icc === undefined ? undefined : path.resolve(options.icc),
    condition: options.condition,
    inkLimit: options.inkLimit as PressSettings['inkLimit'] | undefined,
    red: options.red as PressSettings['red'] | undefined,
    spotName: options.spotName,
    marks: options.marks as PressSettings['marks'] | undefined,
  };
}

/** Whether any option asks for a press PDF (every plant setting implies --press). */
export function wantsPress(options: PressCliOptions): boolean {
  return Boolean(options.press || options.gray || options.pdfx || options.icc || options.condition || options.inkLimit || options.red || options.spotName || (options.marks && options.marks !== 'crop'));
}
