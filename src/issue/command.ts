/**
 * `folio render <issue-dir>`: the render command hands an issue folder (one
 * holding issue.yaml) here. One line per page as it is written, its
 * warnings, then a summary line; `-o` names the output folder.
 */
import { pressSettingsOf, wantsPress, type PressCliOptions } from '../pdf/press/options.ts';
import { ContentError } from '../errors.ts';
import { t } from '../i18n/locale.ts';
import type { StartedChromium } from '../paginate/chromium-process.mjs';
import { displayPath as relative } from '../content/load.ts';
import { renderIssue, type RenderIssueOptions } from './render.ts';

/** The render command's options that an issue uses: `-o` names the output folder. */
export type IssueCommandOptions = Pick<RenderIssueOptions, 'png'> & PressCliOptions & { output?: string; html?: string; templates?: string; timeout?: number };

export async function runIssueCommand(dir: string, options: IssueCommandOptions, startedChromium?: StartedChromium): Promise<void> {
  if (options.html) {
    // Refused before anything renders: one HTML file cannot hold several pages' documents.
    throw new ContentError(t('issue.htmlOneFile', { dir: relative(dir) }), { hint: t('issue.htmlOneFileHint') });
  }
  const result = await renderIssue({
    dir,
    outputDir: options.output,
    png: options.png,
    // The plant's settings go to every page of the issue, as `folio render --press` gives them to one.
    press: wantsPress(options),
    gray: options.gray,
    pressSettings: pressSettingsOf(options),
    templatesDir: options.templates,
    timeouts: options.timeout === undefined ? undefined : { paginateMs: options.timeout * 1000 },
    startedChromium,
    onPage: (page) => {
      console.log(t('issue.pageDone', { label: page.label, name: page.name, file: relative(page.pdfPath), pages: page.pages, seconds: (page.timeMs / 1000).toFixed(2) }));
      for (const warning of page.warnings) console.error(t('cli.warning', { message: `${page.label}: ${warning}` }));
    },
  });
  console.log(
    t('issue.summary', {
      date: result.issue.issue.date,
      count: result.pages.length,
      file: relative(result.issuePdfPath),
      seconds: (result.timeMs / 1000).toFixed(2),
      reports: result.pages.length,
    }),
  );
}
