/**
 * Runs the copyfit against the live page: measure once, choose an
 * arrangement, apply it, and verify with the browser's own layout. A section
 * that the browser finds a line short gets that line and the page is fitted
 * again; this converges in one or two rounds.
 */
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { OverflowError } from '../errors.ts';
import { t } from '../i18n/locale.ts';
import { chooseArrangement, type Arrangement, type PageMeasure, type Staircase } from './fit.ts';
import { overfullArrangement } from './fit-overfull.ts';
import { SECTION_PHOTO_SPANS, textColumnCandidates, textKey, type TextCandidate } from './fit-sections.ts';
import { GALLERY_PHOTO_SPANS } from './fit-gallery-rows.ts';
import type { OverflowEntry } from './page-events.ts';
import { FIT_RUNTIME_SCRIPTS } from './runtime-files.ts';

export interface Frame {
  id: string;
  widthPt: number;
  heightPt: number;
}

export interface FitReport {
  rounds: number;
  measure: PageMeasure;
  arrangement: Arrangement;
  frames: Frame[];
  /** Content that does not fit, arranged for proofing (fitPage with `overfull`): the section cut short and by how much. */
  overfull?: { sectionId?: string; module: string; missingLines: number };
}

export interface FitPageOptions {
  /** Arrange content that does not fit anyway, cutting a section short, instead of failing (the preview). */
  overfull?: boolean;
}

const MAX_ROUNDS = 4;

/** Waits for the page's fonts: measuring needs the real faces. */
export async function waitForFonts(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * Readies a loaded page for fitPage: waits for its fonts and injects the fit
 * runtime. `scriptIdPrefix` names the script elements, for a caller that
 * removes them again (the preview).
 */
export async function injectFitRuntime(page: Page, scriptIdPrefix?: string): Promise<void> {
  await waitForFonts(page);
  for (const file of FIT_RUNTIME_SCRIPTS) {
    const id = scriptIdPrefix === undefined ? undefined : scriptIdPrefix + path.basename(file, '.js');
    await page.addScriptTag({ path: file, id });
  }
}

/** What the runtime measures, chosen here where the fit is: caption spans, and text columns by photo count. */
export interface MeasureCandidates {
  captionSpans: number[];
  textColumns: Record<number, TextCandidate[]>;
}

/** Sections hold at most this many photos in practice; more are measured as this many (the fit drops side layouts past 2). */
const MOST_SECTION_PHOTOS = 12;

export function measureCandidates(): MeasureCandidates {
  const textColumns: Record<number, TextCandidate[]> = {};
  for (let count = 0; count <= MOST_SECTION_PHOTOS; count += 1) textColumns[count] = textColumnCandidates(count);
  return { captionSpans: [...new Set([...GALLERY_PHOTO_SPANS, ...SECTION_PHOTO_SPANS])].sort((a, b) => a - b), textColumns };
}

interface FolioRuntime {
  measure(candidates: MeasureCandidates): PageMeasure;
  apply(arrangement: Arrangement): Frame[];
  setImages(urls: Record<string, string>): Promise<void>;
  evenSectionText(sectionId: string, columns: number, span: number): { lines: number; loose: number[]; spread: number; staircase: Staircase };
  findOverflow(): OverflowEntry[];
}
type WithRuntime = { folio: FolioRuntime };

export async function fitPage(
  page: Page,
  resolveImages: (frames: Frame[]) => Promise<Record<string, string>>,
  options: FitPageOptions = {},
): Promise<FitReport> {
  const measure = await page.evaluate((c) => (window as unknown as WithRuntime).folio.measure(c), measureCandidates());
  const extra: Record<string, number> = {};
  const evened = new Set<string>();
  let overfull: FitReport['overfull'];
  const choose = (): Arrangement => {
    try {
      return chooseArrangement(measure, undefined, extra);
    } catch (error) {
      if (!options.overfull || !(error instanceof OverflowError)) throw error;
      const proof = overfullArrangement(measure, extra);
      overfull = { sectionId: proof.sectionId, module: proof.module, missingLines: proof.missingLines };
      return proof.arrangement;
    }
  };
  for (let round = 1; round <= MAX_ROUNDS; round += 1) {
    let arrangement = choose();
    // Even the columns of the counts chosen; if that changes a height, choose again.
    while (await evenChosen(page, measure, arrangement, evened)) arrangement = choose();
    // Applied and checked in one call: each call is a round trip to the page.
    const { frames, overflow } = await page.evaluate((a) => {
      const { folio } = window as unknown as WithRuntime;
      return { frames: folio.apply(a), overflow: folio.findOverflow() };
    }, arrangement);
    const short = overflow.filter((entry) => measure.sections.some((s) => s.name === entry.module));
    // An over-full proof overflows on purpose; so does the last round of one the browser still finds short.
    if (short.length === 0 || overfull || (options.overfull && round === MAX_ROUNDS)) {
      const urls = await resolveImages(frames);
      await page.evaluate((u) => (window as unknown as WithRuntime).folio.setImages(u), urls);
      if (short.length > 0 && !overfull) overfull = { module: short[0]!.module, missingLines: short[0]!.lines };
      return { rounds: round, measure, arrangement, frames, overfull };
    }
    for (const entry of short) {
      const section = measure.sections.find((s) => s.name === entry.module)!;
      extra[section.id] = (extra[section.id] ?? 0) + Math.max(1, entry.lines);
    }
  }
  throw overflowAfterRounds();
}

/**
 * Evens the text of each section at the column count the arrangement gave it
 * (once per section and count), writing the result into the measurements.
 * Returns true when it evened anything new: the arrangement must then be
 * chosen again, to carry the new heights and spacing.
 */
async function evenChosen(page: Page, measure: PageMeasure, arrangement: Arrangement, evened: Set<string>): Promise<boolean> {
  const todo = arrangement.sections
    .map((plan) => ({ id: plan.id, columns: plan.textColumns, span: plan.textSpan }))
    .filter((plan) => !evened.has(`${plan.id}:${textKey(plan.columns, plan.span)}`));
  if (todo.length === 0) return false;
  const results = await page.evaluate(
    (plans) => plans.map((plan) => (window as unknown as WithRuntime).folio.evenSectionText(plan.id, plan.columns, plan.span)),
    todo,
  );
  todo.forEach((plan, i) => {
    const key = textKey(plan.columns, plan.span);
    evened.add(`${plan.id}:${key}`);
    const section = measure.sections.find((s) => s.id === plan.id)!;
    section.textLines[key] = results[i]!.lines;
    section.looseSubheads[key] = results[i]!.loose;
    section.textSpread[key] = results[i]!.spread;
    (section.staircase ??= {})[key] = results[i]!.staircase;
  });
  return true;
}

function overflowAfterRounds(): OverflowError {
  return new OverflowError(t('overflow.rounds', { rounds: MAX_ROUNDS }), {
    hint: t('overflow.roundsHint'),
  });
}

/** What a fit left for the user to act on: lines nothing could take (the page is underfull). */
export function fitWarnings(fit: FitReport): string[] {
  const blank = fit.arrangement.blankLines;
  return blank > 0
    ? [`the page is ${blank} lines short of full: its photos are at their tallest and no module can take more; add text or photos`]
    : [];
}
