/**
 * An issue in a batch (issue 18, step 5): the issue folder is loaded once
 * (loadIssue: paper.yaml, issue.yaml and every page with the folio-line
 * fields the issue fills) and expanded into one plan per page, so the unit of
 * work, of the cache key and of the progress bar is a page. A page's key
 * covers its file, the issue and paper fields it reads (its overrides), its
 * photos and the environment; its PDF is the plate file paper.yaml names,
 * in a folder per issue date under the batch's output folder.
 */
import { createHash } from 'node:crypto';
import { jumpSourcesOf } from '../issue/continuations.ts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeError } from '../errors.ts';
import { editionKey, type Environment } from './cache.ts';
import type { BatchEntry } from './discover.ts';
import { parseContent } from '../content/load.ts';
import { decodeEditionSource } from '../content/encoding.ts';
import { pageAdFiles, pagePhotos } from '../content/v2/page-parts.ts';
import { loadIssue } from '../issue/load.ts';
import { formatPlateName } from '../issue/plate-name.ts';
import { pageHeadlines } from '../issue/page-headlines.ts';
import type { IssuePageInfo, Plan, PlanFailure } from './plan-types.ts';
import { measureGeometry, PRESETS } from '../defaults.ts';
import { relative } from './summary.ts';

/** Where a page's lines are, for the volume's story bookmarks. */
function gridOf(preset: string): IssuePageInfo['grid'] {
  const geometry = PRESETS[preset]!;
  return { topPt: measureGeometry(geometry).marginTop, pitchPt: geometry.linePitchPt };
}

/** The plans of one issue's pages, from `index` on; an issue that cannot be loaded is one failure. */
export async function planIssue(entry: BatchEntry, index: number, environment: Environment, outDir: string): Promise<(Plan | PlanFailure)[]> {
  let issue;
  try {
    issue = await loadIssue(entry.input);
  } catch (error) {
    return [{ ok: false, index, id: entry.fallbackId, source: entry.input, error: describeError(error) }];
  }
  const { date, issueNumber } = issue.issue;
  const plans: (Plan | PlanFailure)[] = [];
  for (const [offset, page] of issue.pages.entries()) {
    const id = `${date}/${page.label}`;
    try {
      const source = decodeEditionSource(await readFile(page.file), relative(page.file));
      const content = parseContent(source, relative(page.file), page.overrides);
      // As planEdition keys a page: its photos and its supplied ads (a queue worker re-plans the page and must get the same key).
      const photos = 'modules' in content ? [...pagePhotos(content), ...pageAdFiles(content)] : content.photos;
      const own = await editionKey({ environment, source, overrides: page.overrides, edition: { photos }, dir: path.dirname(page.file) });
      // A page that receives a continuation changes when a page that jumps to it does.
      const sources = jumpSourcesOf(issue, offset);
      const key = sources.length === 0 ? own : createHash('sha256').update(own).update(await Promise.all(sources.map((j) => readFile(issue.pages[j]!.file))).then((files) => Buffer.concat(files))).digest('hex');
      plans.push({
        ok: true,
        index: index + offset,
        id,
        file: page.file,
        pdfPath: path.join(outDir, date, formatPlateName(issue.paper.plateFile, { date, label: page.label })),
        overrides: page.overrides,
        bookmark: `${page.label} ${page.name}`,
        key,
        ...(sources.length > 0 ? { receives: { issueDir: issue.dir, label: page.label } } : {}),
        issue: { dir: issue.dir, paperName: issue.paper.name, date, issueNumber, label: page.label, name: page.name, headlines: pageHeadlines(content), warnings: page.warnings, grid: gridOf(content.paper.preset) },
      });
    } catch (error) {
      plans.push({ ok: false, index: index + offset, id, source: page.file, error: describeError(error) });
    }
  }
  return plans;
}
