/**
 * One job per edition (page). Its id comes from the batch cache's key (the
 * edition, its overrides, its photos and the whole Folio environment) and the
 * PDF it writes, so enqueueing the same page twice, from a batch run again
 * or from two batches at once, makes one job, rendered once.
 */
import { createHash } from 'node:crypto';
import { QUEUE, type QueueSettings } from '../defaults.ts';
import type { EditionOverride } from '../batch/overrides.ts';
import type { Plan } from '../batch/plan.ts';
import { pressFingerprint, type PressRequest } from '../batch/render-edition.ts';
import type { EditionSummary } from '../batch/summary.ts';

export interface PageJob {
  /** The edition id, as the batch reports it. */
  id: string;
  /** Store references (shared-folder paths) of the edition file and of its PDF. */
  edition: string;
  pdf: string;
  overrides: EditionOverride[];
  /** The batch cache key the batch computed: a worker that computes another refuses the job. */
  key: string;
  /** A page of an issue: the worker plans it with its issue (folio fields, the continuations it receives), as the batch did. */
  issue?: { dir: string; label: string };
  /** Also the press PDF beside it, made and gated as `folio render --press` does (issue 20). */
  press?: PressRequest;
}

/**
 * What a worker returns for a rendered page: the batch's record, who rendered
 * it, and the PDF's size and mtime as written, by which a batch run again
 * knows the PDF is still that job's (and takes it without a new render).
 */
export type PageResult = EditionSummary & { worker: string; written: { size: number; mtimeMs: number } };

export const JOB_NAME = 'render';

export function jobOf(plan: Plan, press?: PressRequest): { id: string; data: PageJob } {
  // BullMQ's custom ids may not contain ':'; edition ids are slugs and the hash is hex.
  // The press request is part of the id: the same page with and without press, or for two plants, is two renders.
  const hash = createHash('sha256').update(`${plan.key}\u0000${plan.pdfPath}\u0000${pressFingerprint(press)}`).digest('hex').slice(0, 20);
  return { id: `${plan.id}-${hash}`, data: { id: plan.id, edition: plan.file, pdf: plan.pdfPath, overrides: [...plan.overrides], key: plan.key, ...(plan.issue ? { issue: { dir: plan.issue.dir, label: plan.issue.label } } : {}), ...(press ? { press } : {}) } };
}

export function jobOptions(settings: QueueSettings = QUEUE) {
  return {
    attempts: settings.attempts,
    backoff: { type: 'exponential', delay: settings.backoffMs },
    removeOnComplete: { age: settings.keepFinishedS },
    removeOnFail: { age: settings.keepFinishedS },
  };
}
