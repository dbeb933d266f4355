/**
 * What one page of an issue preview is built from, read again at every
 * rebuild: the folio-line fields issue.yaml and paper.yaml fill (so an edit
 * there shows without restarting) and the continuations (转版) the pages
 * before it send, set as `folio render <issue>` sets them. Which saved files
 * rebuild the page: its own, the issue's shared files, anything that is not a
 * page file (templates, styles, photos), and a page before it that jumps to
 * it — by the issue as last loaded, or by a `continue:` its saved text names
 * now (a jump just added).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EditionOverride } from '../content/load.ts';
import { receivedContinuations } from '../issue/continuations.ts';
import { jumpTargetOf } from '../issue/jumps.ts';
import { ISSUE_FILE, loadIssue, PAPER_FILE, type LoadedIssue } from '../issue/load.ts';
import type { ManagedBrowser } from '../paginate/browser.ts';

/** Files of the issue folder every page depends on. */
const SHARED_FILES = new Set([ISSUE_FILE, PAPER_FILE]);

export interface IssuePageSource {
  /** The page's overrides now: its folio line and the continuations it receives. */
  overrides(): Promise<readonly EditionOverride[]>;
  /** Whether a saved file (`<folder>/<path>`, as the watcher names it) changes this page. */
  concerns(changed: string): boolean;
}

/** The issue as last loaded, shared by the pages of one preview. */
export interface LatestIssue {
  issue: LoadedIssue;
}

export function issuePageSource(latest: LatestIssue, file: string, browser: ManagedBrowser): IssuePageSource {
  const dir = latest.issue.dir;
  const folder = path.basename(dir);
  const relative = (absolute: string) => path.relative(dir, absolute).split(path.sep).join('/');
  const own = relative(file);
  const indexOf = (issue: LoadedIssue) => issue.pages.findIndex((page) => page.file === file);
  return {
    async overrides() {
      latest.issue = await loadIssue(dir);
      const page = latest.issue.pages[indexOf(latest.issue)];
      if (!page) return [];
      return [...page.overrides, ...(await receivedContinuations(latest.issue, page.label, browser))];
    },
    concerns(changed) {
      if (!changed.startsWith(`${folder}/`)) return true; // templates, styles
      const name = changed.slice(folder.length + 1);
      if (name === own || SHARED_FILES.has(name)) return true;
      const { issue } = latest;
      const from = issue.pages.findIndex((page) => relative(page.file) === name);
      if (from < 0) return true; // a photo, or a file that is no page
      const index = indexOf(issue);
      return from < index && ([...issue.pages[from]!.jumps.values()].includes(index) || namesJumpTo(path.join(dir, name), issue, index));
    },
  };
}

/** Whether a page file's saved text continues a story on page `index` (read as text: the file may not parse yet). */
function namesJumpTo(file: string, issue: LoadedIssue, index: number): boolean {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  for (const match of text.matchAll(/^\s*continue:\s*["']?([^"'\s#]+)/gm)) {
    if (jumpTargetOf(match[1]!, issue.issue.pages) === index) return true;
  }
  return false;
}
