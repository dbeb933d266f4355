/**
 * What a page receives from the pages that jump to it (转版), as build
 * overrides: the continuation modules appended to its own. `folio render
 * <issue>` builds them as it renders the pages in order; a batch renders each
 * page on its own, so a page that receives a continuation sets the pages that
 * jump to it again first, in a scratch folder, to learn where each story was
 * cut (the cut is a line boundary only the browser knows).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { EditionOverride } from '../content/load.ts';
import { ContentError } from '../errors.ts';
import { t } from '../i18n/locale.ts';
import type { ManagedBrowser } from '../paginate/browser.ts';
import type { PageArrangement } from '../paginate/fit-modules.ts';
import { build } from '../pipeline.ts';
import { continuationModule } from './jumps.ts';
import { loadIssue, type LoadedIssue } from './load.ts';

/** The continuation modules a page receives, appended to its own modules (the solver places them like any). */
export function continuationOverrides(issue: LoadedIssue, index: number, modules: readonly Record<string, unknown>[]): EditionOverride[] {
  if (modules.length === 0) return [];
  const page = issue.pages[index]!;
  if (!page.page) {
    throw new ContentError(t('issue.jumpToFeature', { page: page.label, stories: modules.map((m) => String(m.id)).join(', ') }), {
      hint: t('issue.jumpToFeatureHint'),
    });
  }
  const count = page.page.modules.length;
  return modules.map((value, j) => ({ path: ['modules', count + j], value }));
}

/** The continuation modules page `from` sends to each later page, from its rendered arrangement. */
export function continuationsFrom(issue: LoadedIssue, from: number, arrangement: PageArrangement | undefined): Map<number, Record<string, unknown>[]> {
  const page = issue.pages[from]!;
  const sent = new Map<number, Record<string, unknown>[]>();
  for (const jump of arrangement?.jumps ?? []) {
    const story = page.page?.modules.find((module) => module.id === jump.id);
    const target = page.jumps.get(jump.id);
    if (story?.kind !== 'story' || target === undefined) continue;
    const module = continuationModule(story, jump.split, page.label);
    if (module) sent.set(target, [...(sent.get(target) ?? []), module]);
  }
  return sent;
}

/** Pages before `index` that jump to it. */
export function jumpSourcesOf(issue: LoadedIssue, index: number): number[] {
  return issue.pages.flatMap((page, j) => (j < index && [...page.jumps.values()].includes(index) ? [j] : []));
}

/** A batch's page of an issue: the overrides of the continuations it receives, from the pages that jump to it set again. The issue is loaded once (a folder), or given as its caller loaded it. */
export async function receivedContinuations(issueOrDir: LoadedIssue | string, label: string, browser: ManagedBrowser): Promise<EditionOverride[]> {
  const issue = typeof issueOrDir === 'string' ? await loadIssue(issueOrDir) : issueOrDir;
  const index = issue.pages.findIndex((page) => page.label === label);
  const sources = jumpSourcesOf(issue, index);
  if (index < 0 || sources.length === 0) return [];
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'folio-jumps-'));
  try {
    const received: Record<string, unknown>[] = [];
    for (const from of sources) {
      const source = issue.pages[from]!;
      // A page that jumps here may receive a continuation itself: it is set as it prints.
      const own = await receivedContinuations(issue, source.label, browser);
      const result = await build({ input: source.file, output: path.join(scratch, `${from}.pdf`), overrides: [...source.overrides, ...own], browser });
      received.push(...(continuationsFrom(issue, from, result.arrangement).get(index) ?? []));
    }
    return continuationOverrides(issue, index, received);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
