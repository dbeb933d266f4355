/**
 * `folio batch --volume` over issues (issue 18, step 6): the annual volume
 * from the plates the batch left on disk (rendered now or unchanged), its
 * front matter set in a browser of its own (the batch's pool is closed by
 * then), then the batch's single editions after the issues.
 */
import path from 'node:path';
import { ensureDir } from '../files/ensure-dir.ts';
import { describeError, withoutErrorPrefix } from '../errors.ts';
import { launchBrowser, type ManagedBrowser } from '../paginate/browser.ts';
import { writeAnnualVolume, type VolumePlate } from '../issue/volume-annual.ts';
import type { IssuePageInfo, Plan, PlanFailure } from './plan-types.ts';
import type { EditionSummary, VolumeSummary } from './summary.ts';

export async function buildIssueVolume(target: string, plans: readonly (Plan | PlanFailure)[], results: readonly EditionSummary[], options: { browser?: ManagedBrowser; launch?: () => Promise<ManagedBrowser> }): Promise<VolumeSummary> {
  const done = plans.filter((plan): plan is Plan => plan.ok && results[plan.index]!.status !== 'failed');
  // By date, then in each issue's page order (plans keep it); a stable sort keeps the pages of one date together.
  const pages = done.filter((plan) => plan.issue).sort((a, b) => (a.issue!.date < b.issue!.date ? -1 : a.issue!.date > b.issue!.date ? 1 : a.index - b.index));
  const plates: VolumePlate[] = pages.map((plan) => ({ ...plan.issue!, file: plan.pdfPath, pages: results[plan.index]!.pages ?? 1, storyTops: storyTopsOf(plan.issue!, results[plan.index]!) }));
  const others = done.filter((plan) => !plan.issue).map((plan) => ({ file: plan.pdfPath, id: plan.id, title: plan.bookmark }));
  const editions = [...pages, ...done.filter((plan) => !plan.issue)].map((plan) => plan.id);
  const browser = options.browser ?? (await (options.launch ?? launchBrowser)());
  try {
    await ensureDir(path.dirname(target));
    const { pages: count } = await writeAnnualVolume({ target, paperName: pages[0]!.issue!.paperName, plates, others, browser });
    return { path: target, pages: count, editions };
  } catch (error) {
    return { path: target, pages: 0, editions, error: withoutErrorPrefix(describeError(error)) };
  } finally {
    if (options.browser === undefined) await browser.close();
  }
}

/** Where each story's module starts on its page (pt below the trim's top), from the placed modules the render reported (a cached page's too). */
function storyTopsOf(page: IssuePageInfo, result: EditionSummary): Record<string, number> {
  const tops: Record<string, number> = {};
  for (const module of result.fit?.modules ?? []) tops[module.id] = page.grid.topPt + module.line * page.grid.pitchPt;
  return tops;
}
