/**
 * Renders an issue (issue 18, step 2): every page in order through the same
 * `build()` with one browser, each to its plate file named by paper.yaml's
 * pattern with its own preflight beside it, then the issue PDF: the plates
 * concatenated, one bookmark per page ("A1 要闻") and PDF page labels equal
 * to the printed labels, so a reader's page box shows A2, not 2.
 */
import path from 'node:path';
import { build, type BuildOptions } from '../pipeline.ts';
import { launchBrowser, type ManagedBrowser } from '../paginate/browser.ts';
import { writeVolume } from '../batch/volume.ts';
import { ensureDir } from '../files/ensure-dir.ts';
import { DEFAULT_OUTPUT_DIR } from '../defaults.ts';
import { loadIssue, type LoadedIssue } from './load.ts';
import { formatPlateName, issuePdfName } from './plate-name.ts';
import type { StoryJump } from './jumps.ts';
import { continuationOverrides, continuationsFrom } from './continuations.ts';
import type { PageArrangement } from '../paginate/fit-modules.ts';

export interface RenderIssueOptions extends Pick<BuildOptions, 'png' | 'press' | 'gray' | 'pressSettings' | 'templatesDir' | 'timeouts' | 'cacheDir' | 'signal' | 'startedChromium'> {
  /** The issue folder (holding issue.yaml). */
  dir: string;
  /** Folder for the plates and the issue PDF; default output/<date>/. */
  outputDir?: string;
  /** A browser to reuse (tests); otherwise one is launched for the whole issue and closed. */
  browser?: ManagedBrowser;
  /** Called as each page is written, for progress lines. */
  onPage?: (page: RenderedIssuePage) => void;
}

export interface RenderedIssuePage {
  label: string;
  name: string;
  /** The plate file. */
  pdfPath: string;
  preflightPath: string;
  /** Pages in the plate (1 for a newspaper page). */
  pages: number;
  timeMs: number;
  /** The issue loader's (a page's own folio field) and the build's. */
  warnings: string[];
  /** Where the solver placed each module (a v2 page). */
  arrangement?: PageArrangement;
  /** Stories of this page continued on a later page (转版), with where each first part ends. */
  jumps: StoryJump[];
}

export interface IssueResult {
  issue: LoadedIssue;
  outputDir: string;
  pages: RenderedIssuePage[];
  /** The whole issue in one PDF. */
  issuePdfPath: string;
  timeMs: number;
}

/** Loads the issue, renders its pages in order with one browser, and writes the issue PDF. */
export async function renderIssue(options: RenderIssueOptions): Promise<IssueResult> {
  const start = performance.now();
  const issue = await loadIssue(options.dir);
  const { date } = issue.issue;
  const outputDir = path.resolve(options.outputDir ?? path.join(DEFAULT_OUTPUT_DIR, date));
  await ensureDir(outputDir);
  const browser = options.browser ?? (await launchBrowser({ timeoutMs: options.timeouts?.launchMs, started: options.startedChromium }));
  const pages: RenderedIssuePage[] = [];
  // 转版: pages are rendered in order, so a continuation's text is known when its target page is built.
  const continuations = new Map<number, Record<string, unknown>[]>();
  try {
    for (const [index, page] of issue.pages.entries()) {
      const pageStart = performance.now();
      const result = await build({
        input: page.file,
        output: path.join(outputDir, formatPlateName(issue.paper.plateFile, { date, label: page.label })),
        overrides: [...page.overrides, ...continuationOverrides(issue, index, continuations.get(index) ?? [])],
        browser,
        png: options.png,
        press: options.press,
        gray: options.gray,
        pressSettings: options.pressSettings,
        templatesDir: options.templatesDir,
        timeouts: options.timeouts,
        cacheDir: options.cacheDir,
        signal: options.signal,
      });
      const rendered: RenderedIssuePage = {
        label: page.label,
        name: page.name,
        pdfPath: result.pdfPath,
        preflightPath: result.preflightPath,
        pages: result.pages,
        timeMs: Math.round(performance.now() - pageStart),
        warnings: [...page.warnings, ...result.warnings],
        arrangement: result.arrangement,
        jumps: result.arrangement?.jumps ?? [],
      };
      for (const [target, modules] of continuationsFrom(issue, index, result.arrangement)) continuations.set(target, [...(continuations.get(target) ?? []), ...modules]);
      pages.push(rendered);
      options.onPage?.(rendered);
    }
  } finally {
    if (options.browser === undefined) await browser.close();
  }
  const issuePdfPath = path.join(outputDir, issuePdfName(date));
  const parts = pages.map((page) => ({ file: page.pdfPath, id: page.label, label: page.label, title: `${page.label} ${page.name}` }));
  await writeVolume(issuePdfPath, parts, `${issue.paper.name} ${date}`);
  return { issue, outputDir, pages, issuePdfPath, timeMs: Math.round(performance.now() - start) };
}
