/**
 * Preflight: reads a PDF once, runs every rule that applies, and reports the
 * findings. A failed check is a finding; only an unreadable file throws.
 */
import path from 'node:path';
import { PRESETS } from '../defaults.ts';
import { PdfError } from '../errors.ts';
import type { LoadedEdition } from '../content/load.ts';
import type { Photo } from '../content/schema.ts';
import { measureInkCoverage, type InkCoverage } from '../pdf/read/ink-coverage.ts';
import { inspectPdf, type PdfFacts } from './inspect/document.ts';
import { UnreadablePdfError } from './inspect/limits.ts';
import { resolvePressSettings, type PressSettings } from '../pdf/press/settings.ts';
import { RULES } from './rules/index.ts';
import type { Finding, PhotoImage, PreflightContext, PreflightEdition, PreflightReport, Rule, RuleStatus } from './types.ts';

export type { Finding, PreflightEdition, PreflightReport } from './types.ts';

export interface PreflightInput {
  pdf: string;
  /** What the file should be; see preflightEditionOf. Without it, page size and glyphs are not checked. */
  edition?: PreflightEdition;
  /** A press file: also check RGB left, transparency, ink coverage and the PDF/X declaration. */
  press?: boolean;
  /** The plant's settings a press file was made for (ink limit, PDF/X version); default src/defaults.ts PRESS_DEFAULTS. */
  settings?: PressSettings;
  /** Only these rules (ids); default all. */
  rules?: readonly string[];
  signal?: AbortSignal;
}

/** Findings listed per rule and severity; the counts include the ones left out. */
const LISTED_PER_RULE = 5;

/** The expectations of a loaded edition: its preset's geometry, one page, its content for glyph coverage. */
export function preflightEditionOf(loaded: LoadedEdition): PreflightEdition {
  const geometry = PRESETS[loaded.edition.paper.preset];
  if (!geometry) throw new PdfError(`unknown paper preset "${loaded.edition.paper.preset}"`);
  const relative = path.relative(process.cwd(), loaded.file);
  return { geometry, pages: 1, content: loaded.edition, file: relative.startsWith('..') ? loaded.file : relative };
}

/** The photos as the image stage placed them, for findings that name a photo. */
export function photoImagesOf(photos: readonly Photo[], images: Readonly<Record<string, { widthPx: number; heightPx: number }>>): PhotoImage[] {
  return photos.flatMap((photo) => {
    const image = images[photo.id];
    return image ? [{ id: photo.id, file: photo.file, widthPx: image.widthPx, heightPx: image.heightPx }] : [];
  });
}

async function runRule(rule: Rule, context: PreflightContext): Promise<Finding[]> {
  try {
    return await rule.check(context);
  } catch (error) {
    // A rule that cannot run is reported, not thrown: the other checks still count.
    return [{ rule: rule.id, severity: 'error', message: `the check could not run: ${error instanceof Error ? error.message : String(error)}` }];
  }
}

function listed(findings: Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const severity of ['error', 'warning'] as const) {
    const some = findings.filter((finding) => finding.severity === severity);
    out.push(...some.slice(0, LISTED_PER_RULE));
    if (some.length > LISTED_PER_RULE) {
      out.push({ rule: some[0]!.rule, severity, message: `…and ${some.length - LISTED_PER_RULE} more ${severity}(s) like these` });
    }
  }
  return out;
}

export async function runPreflight(input: PreflightInput): Promise<PreflightReport> {
  const start = performance.now();
  let facts: PdfFacts;
  try {
    facts = await inspectPdf(input.pdf);
  } catch (cause) {
    if (cause instanceof UnreadablePdfError) throw cause;
    throw new PdfError(`cannot read ${input.pdf} as a PDF`, { cause, hint: 'check that the file exists and is a complete PDF' });
  }
  let ink: Promise<InkCoverage> | undefined;
  const context: PreflightContext = {
    facts,
    edition: input.edition,
    press: input.press ?? false,
    settings: resolvePressSettings(input.settings),
    measurements: { pages: facts.pages.length },
    ink: () => (ink ??= measureInkCoverage(input.pdf, { limit: context.settings.inkLimit, signal: input.signal })),
  };
  const rules: PreflightReport['rules'] = [];
  const findings: Finding[] = [];
  let errors = 0;
  let warnings = 0;
  for (const rule of RULES) {
    if ((input.rules && !input.rules.includes(rule.id)) || !rule.applies(context)) {
      rules.push({ id: rule.id, title: rule.title, status: 'skipped' });
      continue;
    }
    input.signal?.throwIfAborted();
    const found = await runRule(rule, context);
    const ruleErrors = found.filter((finding) => finding.severity === 'error').length;
    errors += ruleErrors;
    warnings += found.length - ruleErrors;
    const status: RuleStatus = ruleErrors ? 'failed' : found.length ? 'warning' : 'passed';
    rules.push({ id: rule.id, title: rule.title, status });
    findings.push(...listed(found));
  }
  return {
    file: input.pdf,
    press: context.press,
    ok: errors === 0,
    errors,
    warnings,
    rules,
    findings,
    measurements: context.measurements,
    durationMs: Math.round(performance.now() - start),
  };
}
