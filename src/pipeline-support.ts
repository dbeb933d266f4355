/**
 * What every build path shares: its options and result, the browser lease
 * and the list of files a build writes (for the output-over-input check).
 */
import type { EditionOverride } from './content/load.ts';
import { launchBrowser, type ManagedBrowser } from './paginate/browser.ts';
import type { StartedChromium } from './paginate/chromium-process.mjs';
import type { FitReport } from './paginate/fit-page.ts';
import type { PageArrangement } from './paginate/fit-modules.ts';
import { pressPdfPath, type PressReport } from './pdf/press.ts';
import type { PreflightReport } from './preflight/preflight.ts';
import { preflightReportPath } from './preflight/report.ts';
import type { NamedPath } from './same-file.ts';
import type { Timeouts } from './defaults.ts';
import { t } from './i18n/locale.ts';
import type { PressSettings } from './pdf/press/settings.ts';
import path from 'node:path';

export interface BuildOptions {
  /** An edition folder or its edition.yaml. */
  input: string;
  /** PDF path; default output/<edition id>.pdf. */
  output?: string;
  /** Also write the exact HTML that went to the browser. */
  htmlOutput?: string;
  /** Also write a PNG preview beside the PDF. */
  png?: boolean;
  /** A browser to reuse (batch, tests); otherwise one is launched and closed. */
  browser?: ManagedBrowser;
  /** A Chromium started for this build before Folio loaded (bin/folio.js); launched and closed as its own. */
  startedChromium?: StartedChromium;
  cacheDir?: string;
  /** A folder of Handlebars templates (layouts/, partials/) to use instead of Folio's own. */
  templatesDir?: string;
  /** Overrides of the browser timeouts (src/defaults.ts). */
  timeouts?: Partial<Timeouts>;
  /** Also write <name>.press.pdf for the printer (CMYK, or gray with `gray`). */
  press?: boolean;
  gray?: boolean;
  /** The plant's settings for the press PDF, over the edition's `paper.press`. */
  pressSettings?: Partial<PressSettings>;
  signal?: AbortSignal;
  /** Values set over the edition file's own (batch manifests); the file is not changed. */
  overrides?: readonly EditionOverride[];
}

export interface BuildResult {
  id: string;
  pdfPath: string;
  htmlPath?: string;
  pngPath?: string;
  pages: number;
  /** The feature's fit (a feature edition); a general page reports `arrangement` instead. */
  fit?: FitReport;
  /** Where the solver placed each module (a general page). */
  arrangement?: PageArrangement;
  /** Milliseconds per stage. */
  timings: Record<string, number>;
  /** Problems that did not stop the build, for the user to read. */
  warnings: string[];
  /** The preflight of the proof PDF, also written to <name>.preflight.json. */
  preflight: PreflightReport;
  preflightPath: string;
  /** The press PDF, when asked for; its preflight is in <name>.press.preflight.json. */
  press?: PressReport<PreflightReport>;
  pressPreflightPath?: string;
}

/** The caller's browser, or one launched now and closed when the build ends. */
export function leaseBrowser(options: BuildOptions) {
  if (options.browser) {
    options.startedChromium?.killNow();
    const given = options.browser;
    return { get: async () => given, release: async () => undefined };
  }
  const launching = launchBrowser({ timeoutMs: options.timeouts?.launchMs, started: options.startedChromium });
  launching.catch(() => undefined); // reported when the browser is needed, not before
  return {
    get: () => launching,
    release: async () => {
      const browser = await launching.catch(() => undefined);
      await browser?.close();
    },
  };
}

/** Every file a build writes, for refuseOutputOverInput. */
export function outputsOf(options: BuildOptions, pdfPath: string): NamedPath[] {
  const outputs: NamedPath[] = [
    { path: pdfPath, role: t('role.outputPdf') },
    { path: preflightReportPath(pdfPath), role: t('role.preflightReport') },
  ];
  if (options.htmlOutput) outputs.push({ path: options.htmlOutput, role: t('role.html') });
  if (options.png) outputs.push({ path: pdfPath.replace(/\.pdf$/i, '') + '.png', role: t('role.png') });
  if (options.press || options.gray) outputs.push({ path: pressPdfPath(pdfPath), role: t('role.pressPdf') });
  return outputs;
}

export type Timed = <T>(stage: string, run: () => Promise<T>) => Promise<T>;


/** The edition's `paper.press` (its profile relative to the edition folder) under the caller's settings. */
export function mergePressSettings(fromEdition: Partial<PressSettings> | undefined, editionDir: string, fromCaller: Partial<PressSettings> | undefined): Partial<PressSettings> {
  const profile = fromEdition?.profile && path.resolve(editionDir, fromEdition.profile);
  return { ...fromEdition, profile, ...Object.fromEntries(Object.entries(fromCaller ?? {}).filter(([, value]) => value !== undefined)) };
}
