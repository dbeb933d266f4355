/**
 * A worker plans the page a job names again, as the batch planned it: a
 * page of an issue through its issue (the folio fields it fills, the pages
 * that jump to it, so the key and the continuation it receives are the
 * batch's), any other edition from its own file. The plan's key is then
 * compared with the job's: a worker that sees other files refuses the job.
 */
import path from 'node:path';
import type { Environment } from '../batch/cache.ts';
import { planEdition } from '../batch/plan.ts';
import { planIssue } from '../batch/plan-issue.ts';
import type { Plan, PlanFailure } from '../batch/plan-types.ts';
import { t } from '../i18n/locale.ts';
import { ISSUE_FILE } from '../issue/load.ts';
import type { PageJob } from './jobs.ts';

/** The job's plan; `edition` and `issueDir` are the store's local paths of what the job names. */
export async function planJob(job: PageJob, local: { edition: string; issueDir?: string }, environment: Environment, outDir: string): Promise<Plan | PlanFailure> {
  if (!job.issue || !local.issueDir) return planEdition({ input: local.edition, fallbackId: job.id, overrides: job.overrides }, 0, environment, outDir);
  const plans = await planIssue({ input: local.issueDir, fallbackId: job.id, overrides: [], issue: true }, 0, environment, outDir);
  const plan = plans.find((candidate) => candidate.id === job.id);
  if (plan) return plan;
  // The issue no longer lists the page (issue.yaml changed since the batch planned it).
  return plans.find((candidate) => !candidate.ok) ?? { ok: false, index: 0, id: job.id, source: path.join(local.issueDir, ISSUE_FILE), error: t('queue.pageGone', { label: job.issue.label, dir: local.issueDir }) };
}
