/**
 * A year of issues through `folio batch` (issue 18, steps 5-6), on the fixture
 * year test/fixtures/years/sample (three issues of two pages): one plate per
 * page in a folder per issue date, the annual volume's outline and page
 * labels, a contents page whose every lead headline names the volume page it
 * is on, and a second run that renders only the plate that was deleted.
 */
import { readdirSync, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch, type BatchSummary } from '../../src/batch/batch.ts';
import { loadIssue } from '../../src/issue/load.ts';
import { parseContent } from '../../src/content/load.ts';
import { pageHeadlines } from '../../src/issue/page-headlines.ts';
import { formatPlateName } from '../../src/issue/plate-name.ts';
import { sharedBrowser } from './support/browser.ts';
import { groupLines, readPdfText } from './support/pdf.ts';

const YEAR = path.resolve(import.meta.dirname, '../fixtures/years/sample');
const root = mkdtempSync(path.join(os.tmpdir(), 'folio-year-'));
const outDir = path.join(root, 'out');
const volume = path.join(root, 'volume.pdf');
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface ExpectedPage { date: string; issueNumber?: number; label: string; name: string; plate: string; headlines: { title: string; lead: boolean }[] }

/** What the fixture's files say: every issue's pages with their plate names and headlines, read through the loaders. */
async function expectedPages(): Promise<ExpectedPage[]> {
  const pages: ExpectedPage[] = [];
  for (const dir of readdirSync(YEAR).filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name)).sort()) {
    const issue = await loadIssue(path.join(YEAR, dir));
    for (const page of issue.pages) {
      const content = parseContent(readFileSync(page.file, 'utf8'), page.file, page.overrides);
      const plate = formatPlateName(issue.paper.plateFile, { date: issue.issue.date, label: page.label });
      pages.push({ date: issue.issue.date, issueNumber: issue.issue.issueNumber, label: page.label, name: page.name, plate, headlines: pageHeadlines(content) });
    }
  }
  return pages;
}

async function batch(): Promise<BatchSummary> {
  return runBatch({ input: YEAR, outDir, jobs: 2, volume, browser: await sharedBrowser(), log: () => undefined });
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('folio batch <year> --volume', () => {
  let pages: ExpectedPage[];
  let first: BatchSummary;
  beforeAll(async () => {
    pages = await expectedPages();
    first = await batch();
  }, 600_000);

  it('renders every page of every issue as its plate file, in a folder per issue date', () => {
    expect(first.counts).toEqual({ total: pages.length, rendered: pages.length, unchanged: 0, failed: 0 });
    const dates = [...new Set(pages.map((page) => page.date))];
    expect(readdirSync(outDir).filter((name) => !name.includes('.')).sort()).toEqual(dates);
    for (const date of dates) {
      const plates = readdirSync(path.join(outDir, date)).filter((name) => name.endsWith('.pdf')).sort();
      expect(plates).toEqual(pages.filter((page) => page.date === date).map((page) => page.plate).sort());
    }
  });

  it('bookmarks the volume month → issue → page → story and labels its pages', async () => {
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(volume)), verbosity: 0 }).promise;
    try {
      const labels = (await pdf.getPageLabels())!;
      const front = pdf.numPages - pages.length;
      expect(front).toBeGreaterThanOrEqual(2);
      expect(labels.slice(0, front)).toEqual(['i', 'ii', 'iii', 'iv', 'v'].slice(0, front));
      expect(labels.slice(front)).toEqual(pages.map((page) => `${page.date} ${page.label}`));
      const outline = (await pdf.getOutline())!;
      expect(outline[0]!.title).toBe('目录');
      const months = [...new Set(pages.map((page) => `${page.date.slice(0, 4)}年${Number(page.date.slice(5, 7))}月`))];
      expect(outline.slice(1).map((item) => item.title)).toEqual(months);
      const seen: string[] = [];
      for (const month of outline.slice(1)) {
        for (const issue of month.items) {
          for (const page of issue.items) {
            const index = await pdf.getPageIndex((page.dest as unknown[])[0] as { num: number; gen: number });
            seen.push(`${issue.title} / ${labels[index]} / ${page.title} / ${page.items.map((story: { title: string }) => story.title).join('|')}`);
          }
        }
      }
      expect(seen).toEqual(pages.map((page) => `${page.date} 第${page.issueNumber}期 / ${page.date} ${page.label} / ${page.label} ${page.name} / ${page.headlines.map((h) => h.title).join('|')}`));
    } finally {
      await pdf.destroy();
    }
  });

  it('opens a story bookmark at the story: above its headline, with no other headline of its columns in between', async () => {
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(volume)), verbosity: 0 }).promise;
    let checked = 0;
    try {
      const outline = (await pdf.getOutline())!;
      for (const page of outline.slice(1).flatMap((month) => month.items.flatMap((issue) => issue.items))) {
        const stories = [];
        for (const story of page.items) {
          const dest = story.dest as [{ num: number; gen: number }, { name: string }, null, number, null];
          expect(dest[1].name, story.title).toBe('XYZ');
          const number = (await pdf.getPageIndex(dest[0])) + 1;
          const title = squeeze(story.title);
          // The headline's lines: large type whose text is part of the title (a photo may stand above it).
          const lines = groupLines((await readPdfText(volume, number)).items.filter((item) => item.height >= 14 && item.str.trim() !== ''));
          const head = lines
            .map((line) => ({ y: line[0]!.y, size: Math.max(...line.map((item) => item.height)), left: Math.min(...line.map((item) => item.x)), right: Math.max(...line.map((item) => item.x + item.width)), text: squeeze(line.map((item) => item.str).join('')) }))
            .filter((line) => line.text.length >= 2 && title.includes(line.text));
          expect(head.length, story.title).toBeGreaterThan(0);
          stories.push({ title: story.title, top: dest[3], head: head.reduce((a, b) => (a.y > b.y ? a : b)) });
        }
        for (const story of stories) {
          expect(story.head.y + story.head.size * 0.8, story.title).toBeLessThanOrEqual(story.top + 1);
          const between = stories.filter((other) => other !== story && other.head.left < story.head.right && other.head.right > story.head.left && other.head.y < story.top && other.head.y > story.head.y);
          expect(between.map((other) => other.title), story.title).toEqual([]);
          checked += 1;
        }
      }
    } finally {
      await pdf.destroy();
    }
    expect(checked).toBe(pages.flatMap((page) => page.headlines).length);
  });

  it('lists every lead-rank headline in the contents with the volume page where it is printed', async () => {
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(volume)), verbosity: 0 }).promise;
    const labels = (await pdf.getPageLabels())!;
    await pdf.destroy();
    const contents = await readPdfText(volume, 2);
    expect(contents.joined).toContain('目');
    // The right column starts where its issue headings do (with one column, everything is in it).
    const middle = Math.max(...contents.items.filter((item) => /^\d{4}年/.test(item.str)).map((item) => item.x)) - 1;
    // Reading order: the left column, then the right; each line is date heading or [label 版名] headline … page.
    // A row's label, headline and page number sit far apart (the leader between), so a line is one baseline of one column.
    const lines = [0, 1].flatMap((column) => {
      const items = contents.items.filter((item) => (item.x < middle ? 0 : 1) === column);
      const rows = new Map<number, typeof items>();
      for (const item of items) {
        const y = [...rows.keys()].find((key) => Math.abs(key - item.y) < 2) ?? item.y;
        rows.set(y, [...(rows.get(y) ?? []), item]);
      }
      return [...rows.entries()].sort(([a], [b]) => b - a).map(([, row]) => row.sort((a, b) => a.x - b.x).map((item) => item.str).join(''));
    });
    const found: string[] = [];
    let date = '';
    let label = '';
    for (const line of lines.map(squeeze)) {
      const heading = /^(\d{4})年(\d+)月(\d+)日/.exec(line);
      if (heading) {
        date = `${heading[1]}-${heading[2]!.padStart(2, '0')}-${heading[3]!.padStart(2, '0')}`;
        label = '';
        continue;
      }
      const row = /^([A-Z]\d+)?(?:\p{Script=Han}+?新闻|要闻)?(.*?)(\d+)$/u.exec(line);
      if (!row) continue;
      if (row[1]) label = row[1];
      const number = Number(row[3]);
      // The page the number names carries this issue's label and prints the headline.
      expect(labels[number - 1]).toBe(`${date} ${label}`);
      expect(squeeze((await readPdfText(volume, number)).joined)).toContain(row[2]);
      found.push(`${date} ${label} ${row[2]}`);
    }
    const leads = pages.flatMap((page) => page.headlines.filter((h) => h.lead).map((h) => `${page.date} ${page.label} ${squeeze(h.title)}`));
    expect(found.sort()).toEqual(leads.sort());
  });

  it('renders again only the plate that was deleted', async () => {
    const gone = pages[3]!;
    rmSync(path.join(outDir, gone.date, gone.plate));
    const again = await batch();
    expect(again.counts).toEqual({ total: pages.length, rendered: 1, unchanged: pages.length - 1, failed: 0 });
    expect(again.editions.filter((e) => e.status === 'rendered').map((e) => e.id)).toEqual([`${gone.date}/${gone.label}`]);
    expect(readdirSync(path.join(outDir, gone.date))).toContain(gone.plate);
  }, 300_000);
});
