/**
 * The annual volume (issue 18, step 6): the front matter Folio sets (title
 * page, table of contents, headline index; volume-front.ts), then every
 * issue's plate PDFs as they are — their pages copied, never re-rendered —
 * then any single editions of the batch. Bookmarks run month → issue → page
 * → story; PDF page labels are i, ii… for the front matter and the printed
 * label with its date ("2024-01-26 A1") for each plate.
 *
 * The contents give volume page numbers, which depend on the front matter's
 * own length: it is set once, and again with the count it came to when that
 * differs (a longer contents can push the numbers by a page, never further).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ManagedBrowser } from '../paginate/browser.ts';
import { writeVolume, type OutlineNode, type VolumePart } from '../batch/volume.ts';
import { frontMatter, type VolumePage } from './volume-contents.ts';
import { renderFrontMatter } from './volume-front.ts';

export interface VolumePlate extends VolumePage {
  /** The plate PDF. */
  file: string;
}

export interface AnnualVolumeOptions {
  target: string;
  paperName: string;
  /** The issues' plates in volume order (by date, then the issue's page order). */
  plates: readonly VolumePlate[];
  /** Other PDFs of the batch (single editions), after the issues, one bookmark each. */
  others?: readonly VolumePart[];
  browser: ManagedBrowser;
  cacheDir?: string;
}

export interface AnnualVolumeResult {
  pages: number;
  frontPages: number;
}

/** Tries to settle the front matter's length; two passes suffice unless page numbers change line breaks twice. */
const FRONT_PASSES = 3;

export async function writeAnnualVolume(options: AnnualVolumeOptions): Promise<AnnualVolumeResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-annual-'));
  try {
    const frontFile = path.join(dir, 'front-matter.pdf');
    let frontPages = 0;
    for (let pass = 0, guess = 1; pass < FRONT_PASSES; pass += 1) {
      frontPages = await renderFrontMatter(frontMatter(options.paperName, options.plates, guess + 1), frontFile, options.browser, options.cacheDir);
      if (frontPages === guess) break;
      guess = frontPages;
    }
    const front: VolumePart = { file: frontFile, id: 'front', title: '目录', roman: true };
    const plates: VolumePart[] = options.plates.map((plate) => ({ file: plate.file, id: `${plate.date}-${plate.label}`, title: `${plate.label} ${plate.name}`, label: `${plate.date} ${plate.label}` }));
    const others = options.others ?? [];
    const parts = [front, ...plates, ...others];
    const outline: OutlineNode[] = [{ title: '目录', part: 0, page: contentsPage(frontPages) }, ...yearOutline(options.plates, 1), ...others.map((other, index) => ({ title: other.title, part: 1 + plates.length + index }))];
    const { pages } = await writeVolume(options.target, parts, `${options.paperName} ${frontMatter(options.paperName, options.plates, 1).yearText}合订本`, outline);
    return { pages, frontPages };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The contents start on the front matter's second page (after the title page). */
function contentsPage(frontPages: number): number {
  return Math.min(1, frontPages - 1);
}

/** Month → issue → page → story, the plates being parts `firstPart`, `firstPart + 1`, … */
export function yearOutline(plates: readonly VolumePage[], firstPart: number): OutlineNode[] {
  const months: (OutlineNode & { children: OutlineNode[] })[] = [];
  let issue: (OutlineNode & { children: OutlineNode[] }) | undefined;
  for (const [index, plate] of plates.entries()) {
    const part = firstPart + index;
    const [year, month] = plate.date.split('-');
    const monthTitle = `${year}年${Number(month)}月`;
    let current = months.at(-1);
    if (current?.title !== monthTitle) {
      current = { title: monthTitle, part, children: [] };
      months.push(current);
      issue = undefined;
    }
    if (!issue || !issue.title.startsWith(plate.date)) {
      issue = { title: plate.issueNumber === undefined ? plate.date : `${plate.date} 第${plate.issueNumber}期`, part, children: [] };
      current.children.push(issue);
    }
    issue.children.push({ title: `${plate.label} ${plate.name}`, part, children: plate.headlines.map((headline) => ({ title: headline.title, part, below: plate.storyTops?.[headline.id] })) });
  }
  return months;
}
