/**
 * A plant's settings for the press file (issue 20): which PDF/X version, the
 * output profile and condition, the total ink limit, how design red prints
 * and which marks go in the slug. The command line and the paper's metadata
 * (`paper.press` in the edition) set them; defaults are in src/defaults.ts.
 */
import path from 'node:path';
import { FOLIO_ROOT, PRESS_DEFAULTS, type INK_LIMITS, type MARK_MODES, type PDFX_VERSIONS, type RED_MODES } from '../../defaults.ts';

export type PdfxVersion = (typeof PDFX_VERSIONS)[number];
export type InkLimit = (typeof INK_LIMITS)[number];
export type RedMode = (typeof RED_MODES)[number];
export type MarkMode = (typeof MARK_MODES)[number];

export interface PressSettings {
  pdfx: PdfxVersion;
  inkLimit: InkLimit;
  /** The plant's CMYK output profile (an ICC file); undefined: the built-in newsprint profile for the ink limit. */
  profile?: string;
  /** OutputConditionIdentifier of the output intent. */
  condition: string;
  red: RedMode;
  /** The name of the spot plate when `red` is `spot`. */
  spotName: string;
  marks: MarkMode;
}

/** The built-in CMYK profiles: the same TR 002 data, one per ink limit (assets/icc/README.md). */
export function builtInCmykProfile(limit: InkLimit): string {
  const file = limit === 240 ? 'folio-newsprint-cmyk.icc' : `folio-newsprint-cmyk-${limit}.icc`;
  return path.join(FOLIO_ROOT, 'assets', 'icc', file);
}

export function resolvePressSettings(given: Partial<PressSettings> = {}): PressSettings {
  const defined = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) as Partial<PressSettings>;
  // A plant profile without a registered condition is a custom one (ISO 15930: "Custom" with the profile embedded).
  const condition = defined.condition ?? (defined.profile ? 'Custom' : PRESS_DEFAULTS.condition);
  return { pdfx: PRESS_DEFAULTS.pdfx, inkLimit: PRESS_DEFAULTS.inkLimit, red: PRESS_DEFAULTS.red, marks: PRESS_DEFAULTS.marks, spotName: PRESS_DEFAULTS.spotName, ...defined, condition };
}
