/**
 * What the annual volume's front matter says (issue 18, step 6), as plain
 * data for its template: the title page (the paper's name, the span of dates
 * and how many issues and pages — all read from the issues), the table of
 * contents (per issue: date, issue number, each page's label and 版名, the
 * headlines of its lead-rank stories and the volume page where the page is)
 * and the index of every headline by page. Page numbers are the volume's own
 * (the PDF page the reader's viewer goes to), counted after the front matter.
 */
import { formatDate } from '../template/helpers.ts';
import type { PageHeadline } from './page-headlines.ts';

/** One plate in the volume, in volume order. */
export interface VolumePage {
  date: string;
  issueNumber?: number;
  label: string;
  name: string;
  headlines: readonly PageHeadline[];
  /** Pages of the plate PDF (1 for a newspaper page). */
  pages: number;
  /** Per story id, how far below the trim's top its module starts (pt), where the render reported it: its bookmark opens there. */
  storyTops?: Readonly<Record<string, number>>;
}

export interface ContentsRow {
  label: string;
  name: string;
  leads: string[];
  all: string[];
  /** The page's first page in the volume, 1-based. */
  volumePage: number;
}

export interface ContentsIssue {
  date: string;
  dateText: string;
  issueText?: string;
  rows: ContentsRow[];
}

export interface FrontMatter {
  paperName: string;
  yearText: string;
  spanText: string;
  countText: string;
  issues: ContentsIssue[];
}

/** The front matter's data, the plates numbered from `firstPlatePage` (1-based: the front matter's length + 1). */
export function frontMatter(paperName: string, pages: readonly VolumePage[], firstPlatePage: number): FrontMatter {
  const issues: ContentsIssue[] = [];
  let volumePage = firstPlatePage;
  for (const page of pages) {
    let issue = issues.at(-1);
    if (issue?.date !== page.date) {
      issue = { date: page.date, dateText: formatDate(page.date), issueText: page.issueNumber === undefined ? undefined : `第${page.issueNumber}期`, rows: [] };
      issues.push(issue);
    }
    issue.rows.push({ label: page.label, name: page.name, leads: page.headlines.filter((h) => h.lead).map((h) => h.title), all: page.headlines.map((h) => h.title), volumePage });
    volumePage += page.pages;
  }
  const years = [...new Set(pages.map((page) => page.date.slice(0, 4)))];
  const first = pages[0]?.date ?? '';
  const last = pages.at(-1)?.date ?? '';
  return {
    paperName,
    yearText: years.length > 1 ? `${years[0]}—${years.at(-1)}年` : `${years[0] ?? ''}年`,
    spanText: first === last ? formatDate(first) : `${formatDate(first)}—${formatDate(last)}`,
    countText: `共${issues.length}期 ${pages.length}个版面`,
    issues,
  };
}

/** Every character the front matter sets, for cutting its fonts. */
export function frontMatterText(front: FrontMatter, fixed: string): string {
  const parts = [fixed, front.paperName, front.yearText, front.spanText, front.countText, '0123456789'];
  for (const issue of front.issues) {
    parts.push(issue.dateText, issue.issueText ?? '');
    for (const row of issue.rows) parts.push(row.label, row.name, ...row.all);
  }
  return parts.join('');
}
