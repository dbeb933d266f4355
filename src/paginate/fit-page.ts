/**
 * Runs the copyfit against the live page: measure once, choose an
 * arrangement, apply it, and verify with the browser's own layout. A section
 * that the browser finds a line short gets that line and the page is fitted
 * again; this converges in one or two rounds.
 */
import type { Page } from 'puppeteer';
import { OverflowError } from '../errors.ts';
import { chooseArrangement, type Arrangement, type PageMeasure } from './fit.ts';
import type { OverflowEntry } from './page-events.ts';

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
}

const MAX_ROUNDS = 4;

interface FolioRuntime {
  measure(): PageMeasure;
  apply(arrangement: Arrangement): Frame[];
  setImages(urls: Record<string, string>): Promise<void>;
  findOverflow(): OverflowEntry[];
}
type WithRuntime = { folio: FolioRuntime };

export async function fitPage(
  page: Page,
  resolveImages: (frames: Frame[]) => Promise<Record<string, string>>,
): Promise<FitReport> {
  const measure = await page.evaluate(() => (window as unknown as WithRuntime).folio.measure());
  const extra: Record<string, number> = {};
  for (let round = 1; round <= MAX_ROUNDS; round += 1) {
    const arrangement = chooseArrangement(measure, undefined, extra);
    const frames = await page.evaluate((a) => (window as unknown as WithRuntime).folio.apply(a), arrangement);
    const overflow = await page.evaluate(() => (window as unknown as WithRuntime).folio.findOverflow());
    const short = overflow.filter((entry) => measure.sections.some((s) => s.name === entry.module));
    if (short.length === 0) {
      const urls = await resolveImages(frames);
      await page.evaluate((u) => (window as unknown as WithRuntime).folio.setImages(u), urls);
      return { rounds: round, measure, arrangement, frames };
    }
    for (const entry of short) {
      const section = measure.sections.find((s) => s.name === entry.module)!;
      extra[section.id] = (extra[section.id] ?? 0) + Math.max(1, entry.lines);
    }
  }
  throw new OverflowError(`the page did not fit after ${MAX_ROUNDS} rounds of fitting`, {
    hint: 'cut text in the longest section',
  });
}
