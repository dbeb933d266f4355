/** A batch's plans: one per edition or issue page, made before any browser starts (plan.ts, plan-issue.ts). */
import type { EditionOverride } from './overrides.ts';
import type { PageHeadline } from '../issue/page-headlines.ts';

export interface Plan {
  ok: true;
  /** Position in the batch. */
  index: number;
  id: string;
  /** Absolute path of the edition file. */
  file: string;
  pdfPath: string;
  overrides: readonly EditionOverride[];
  /** The volume's bookmark for this edition. */
  bookmark: string;
  key: string;
  /** Set for a page of an issue: what the annual volume lists of it. */
  issue?: IssuePageInfo;
  /** A page that receives a jump's continuation (转版): its issue and label, to set the pages that jump to it first. */
  receives?: { issueDir: string; label: string };
}

export interface PlanFailure {
  ok: false;
  index: number;
  id: string;
  source: string;
  error: string;
}

/** What the volume needs to know of an issue page, kept small (a year holds thousands). */
export interface IssuePageInfo {
  /** The issue folder. */
  dir: string;
  paperName: string;
  /** YYYY-MM-DD. */
  date: string;
  issueNumber?: number;
  label: string;
  /** 版名. */
  name: string;
  /** Every story headline on the page, in the page file's order, with whether it is of the lead's rank. */
  headlines: readonly PageHeadline[];
  /** The issue loader's warnings (a page's own folio field). */
  warnings: readonly string[];
  /** The page's grid, from its preset: the type area's top below the trim's top, and the line pitch (pt). */
  grid: { topPt: number; pitchPt: number };
}
