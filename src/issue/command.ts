/**
 * `folio render <issue-dir>`: the render command hands an issue folder (one
 * holding issue.yaml) here. One line per page as it is written, its
 * warnings, then a summary line; `-o` names the output folder.
 */
import path from 'node:path';
import { ContentError } from '../errors.ts';
import { t } from '../i18n/locale.ts';
import type { StartedChromium } from '../paginate/chromium-process.mjs';
import { renderIssue } from './render.ts';

export interface IssueCommandOptions {
  output?: string;
  html?: string;
  png?: boolean;
  templates?: string;
  timeout?: number;
  press?: boolean;
  gray?: boolean;
}

function relative(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

export async function runIssueCommand(dir: string, options: IssueCommandOptions, startedChromium?: StartedChromium): Promise<void> {
  if (options.html) {
    // Refused before anything renders: one HTML file cannot hold several pages' documents.
    throw new ContentError(t('issue.htmlOneFile', { dir: relative(dir) }), { hint: t('issue.htmlOneFileHint') });
  }
  const result = await renderIssue({
    dir,
    outputDir: options.output,
    png: options.png,
    press: options.press,
    gray: options.gray,
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
