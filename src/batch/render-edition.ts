/**
 * One edition's render, as a local batch and a queue worker both do it: lease
 * the pool's browser, build the PDF, and after a browser crash try once more
 * on a fresh browser. It never throws: a failure is a `failed` record.
 */
import { receivedContinuations } from '../issue/continuations.ts';
import path from 'node:path';
import { build } from '../pipeline.ts';
import { describeError } from '../errors.ts';
import { TargetCrashedError } from '../paginate/page-events.ts';
import type { PressSettings } from '../pdf/press/settings.ts';
import type { EditionOverride } from './overrides.ts';
import type { BrowserPool } from './pool.ts';
import { figuresOf, pageFiguresOf, type EditionSummary } from './summary.ts';

/** What a render needs to know of an edition. */
export interface RenderTarget {
  id: string;
  /** Absolute path of the edition file. */
  file: string;
  pdfPath: string;
  overrides: readonly EditionOverride[];
  /** A page of an issue that receives a continuation (转版): the pages that jump to it are set first, to know the text. */
  receives?: { issueDir: string; label: string };
  /** Also write the press PDF, as `folio render --press` does: a preflight error fails the edition (issue 20). */
  press?: PressRequest;
}

/** A press PDF asked of a batch or a queue job: the command line's press options. */
export interface PressRequest {
  gray?: boolean;
  /** The plant's settings over the edition's `paper.press`; a profile is an absolute path (workers on other machines read it). */
  settings?: Partial<PressSettings>;
}

/** The press request as a stable string (unset settings left out), for the cache and the queue's job ids; '' without press. */
export function pressFingerprint(press: PressRequest | undefined): string {
  if (!press) return '';
  const settings = Object.entries(press.settings ?? {}).filter(([, value]) => value !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify({ gray: press.gray === true, settings });
}

/** Renders one edition; after a browser crash, once more on a fresh browser. Never throws. */
export async function renderEdition(target: RenderTarget, pool: BrowserPool, note: (line: string) => void): Promise<EditionSummary> {
  const base = { id: target.id, source: target.file };
  let timeMs = 0;
  for (let attempts = 1; ; attempts += 1) {
    let lease;
    try {
      lease = await pool.lease();
    } catch (error) {
      return { ...base, pdf: null, status: 'failed', timeMs, pages: null, warnings: [], fit: null, attempts, error: describeError(error) };
    }
    const start = performance.now();
    try {
      const { press } = target;
      const received = target.receives ? await receivedContinuations(target.receives.issueDir, target.receives.label, lease.browser) : [];
      const result = await build({ input: target.file, output: target.pdfPath, browser: lease.browser, overrides: [...target.overrides, ...received], press: press !== undefined, gray: press?.gray, pressSettings: press?.settings });
      timeMs += performance.now() - start;
      return { ...base, pdf: path.basename(result.pdfPath), status: 'rendered', timeMs: Math.round(timeMs), pages: result.pages, warnings: result.warnings, fit: result.fit ? figuresOf(result.fit, result.arrangement) : result.arrangement ? pageFiguresOf(result.arrangement) : null, attempts };
    } catch (error) {
      timeMs += performance.now() - start;
      if (attempts === 1 && pool.canRestart && (lease.crashed() || isCrash(error))) {
        note(`${target.id}: the browser crashed (${describeError(error).split('\n')[0]!.replace(/^error: /, '')}); retrying once`);
        continue;
      }
      return { ...base, pdf: null, status: 'failed', timeMs: Math.round(timeMs), pages: null, warnings: [], fit: null, attempts, error: describeError(error) };
    } finally {
      lease.release();
    }
  }
}

/** A crashed tab or a dropped browser connection, as Puppeteer's events reported it, anywhere in the cause chain (issue 16). */
function isCrash(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 8; current = current.cause, depth += 1) {
    if (current instanceof TargetCrashedError) return true;
  }
  return false;
}
