/**
 * Planning, before any browser starts: each edition is read and validated
 * (with its manifest overrides), given its id, output PDF, bookmark title and
 * cache key. An edition that cannot be read fails here, in milliseconds, with
 * the loader's own file:line:column message.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { t } from '../i18n/locale.ts';
import { describeError, FolioError, formatLocation } from '../errors.ts';
import { editionKey, type Environment } from './cache.ts';
import { editionFile, type BatchEntry } from './discover.ts';
import { parseContent } from '../content/load.ts';
import { pagePhotos, pageAdFiles, pageTitle } from '../content/v2/page-parts.ts';
import { decodeEditionSource } from '../content/encoding.ts';
import type { EditionOverride } from './overrides.ts';
import { relative } from './summary.ts';
import { planIssue } from './plan-issue.ts';
import { ISSUE_FILE } from '../issue/load.ts';
import type { Plan, PlanFailure } from './plan-types.ts';

export type { Plan, PlanFailure } from './plan-types.ts';

export async function planEdition(entry: BatchEntry, index: number, environment: Environment, outDir: string): Promise<Plan | PlanFailure> {
  let file: string | undefined;
  try {
    file = await editionFile(entry.input);
    const source = decodeEditionSource(await readFile(file), relative(file));
    const content = parseContent(source, relative(file), entry.overrides);
    const dir = path.dirname(file);
    const id = content.id ?? path.basename(dir);
    // A general page (schema v2) keys and titles by its modules; a feature edition by its own fields.
    const photos = 'modules' in content ? [...pagePhotos(content), ...pageAdFiles(content)] : content.photos;
    const key = await editionKey({ environment, source, overrides: entry.overrides, edition: { photos }, dir });
    const title = 'modules' in content ? pageTitle(content) : (content.title ?? content.headline.title);
    const heading = [content.paper.date, content.paper.page && `${content.paper.page}版`, title.replace(/\s+/g, '')];
    return {
      ok: true,
      index,
      id,
      file,
      pdfPath: path.join(outDir, `${id}.pdf`),
      overrides: entry.overrides,
      bookmark: `${id}: ${heading.filter(Boolean).join(' ')}`,
      key,
    };
  } catch (error) {
    // A manifest entry's problem is reported at the entry too, so the user knows which line to look at.
    const where = entry.location ? `${formatLocation({ ...entry.location, path: undefined })}: ` : '';
    const message = error instanceof FolioError && !error.location && where ? describeError(error).replace(/^error: /, `error: ${where}`) : describeError(error);
    return { ok: false, index, id: entry.fallbackId, source: file ?? entry.input, error: message };
  }
}

/** Plans every entry; a later edition that reuses an id fails, since it would overwrite the earlier PDF. */
export async function planAll(entries: readonly BatchEntry[], environment: Environment, outDir: string): Promise<(Plan | PlanFailure)[]> {
  const plans: (Plan | PlanFailure)[] = [];
  const owners = new Map<string, string>();
  for (const entry of entries) {
    // An issue is expanded into its pages: each page is one plan, at the next position of the batch.
    const expanded = entry.issue ? await planIssue(entry, plans.length, environment, outDir) : [await planEdition(entry, plans.length, environment, outDir)];
    for (const plan of expanded) addPlan(plan);
  }
  return plans;

  function addPlan(plan: Plan | PlanFailure): void {
    const index = plan.index;
    const owner = plan.ok ? owners.get(plan.id) : undefined;
    if (plan.ok && owner !== undefined) {
      // Two issue folders of one date would write each other's plates: the date is what to fix, not an id.
      const error = plan.issue
        ? t('batch.sameIssueDate', { date: plan.issue.date, label: plan.issue.label, earlier: relative(owner), later: relative(path.join(plan.issue.dir, ISSUE_FILE)) })
        : `error: edition id "${plan.id}" is also the id of ${relative(owner)}; both would write ${plan.id}.pdf\n  fix: give each edition its own id (\`id:\` in edition.yaml, or in the manifest's overrides)`;
      plans.push({ ok: false, index, id: plan.id, source: plan.file, error });
      return;
    }
    if (plan.ok) owners.set(plan.id, plan.issue ? path.join(plan.issue.dir, ISSUE_FILE) : plan.file);
    plans.push(plan);
  }
}
