/**
 * (i) of the benchmark (issue 18): a synthetic year of 52 four-page weekly
 * issues through `folio batch <year> --volume`, made in a temporary folder
 * from the repository's own fixtures (the issue fixture's three pages and
 * the six-story news page; the dates are generated placeholders, one a week
 * from 2024-01-05). Reports pages per second and the peak memory (RSS and PSS
 * of Node and every Chromium process, sampled each second), overall and per
 * fifth of the run: flat when memory does not grow with the number of pages.
 * FOLIO_BENCH_YEAR_ISSUES sets another number of issues.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FOLIO_ROOT } from '../src/defaults.ts';
import { measureTree, type TreeMemory } from './process-tree.ts';

export const YEAR_ISSUES = Number(process.env.FOLIO_BENCH_YEAR_ISSUES ?? 52);
const PAGES_PER_ISSUE = 4;
const SAMPLE_MS = 1000;

export interface YearFigures {
  issues: number;
  pages: number;
  wallMs: number;
  pagesPerSecond: number;
  peakRssMiB: number;
  peakPssMiB: number;
  /** Peak PSS per fifth of the run, MiB. */
  fifths: number[];
  volumePages: number;
}

/** The year's folder: paper.yaml and one issue folder a week, each page file referring to the shared fixture copies. */
export function makeYear(work: string, issues = YEAR_ISSUES): string {
  const year = path.join(work, 'year');
  const shared = path.join(year, '_pages');
  mkdirSync(shared, { recursive: true });
  cpSync(path.join(FOLIO_ROOT, 'test', 'fixtures', 'issues', '2024-01-26'), path.join(shared, 'issue'), { recursive: true });
  cpSync(path.join(FOLIO_ROOT, 'test', 'fixtures', 'pages', 'news-six'), path.join(shared, 'news-six'), { recursive: true });
  writeFileSync(path.join(year, 'paper.yaml'), '# Bench placeholder paper (not a real one).\nname: 示例日报\npreset: duikai\n');
  const start = Date.UTC(2024, 0, 5);
  for (let i = 0; i < issues; i += 1) {
    const date = new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10);
    mkdirSync(path.join(year, date), { recursive: true });
    const pages = [
      { label: 'A1', name: '要闻', file: '../_pages/issue/a1.yaml' },
      { label: 'A2', name: '综合新闻', file: '../_pages/issue/a2.yaml' },
      { label: 'A3', name: '综合新闻', file: '../_pages/issue/a3.yaml' },
      { label: 'A4', name: '综合新闻', file: '../_pages/news-six/edition.yaml' },
    ].slice(0, PAGES_PER_ISSUE);
    const lines = pages.map((page) => `  - { label: ${page.label}, name: ${page.name}, file: ${page.file} }`);
    writeFileSync(path.join(year, date, 'issue.yaml'), `# Bench placeholder issue (generated date).\ndate: ${date}\nissueNumber: ${i + 1}\npages:\n${lines.join('\n')}\n`);
  }
  return year;
}

export async function benchYear(work: string, log: (line: string) => void, issues = YEAR_ISSUES): Promise<YearFigures> {
  const year = makeYear(work, issues);
  const out = path.join(work, 'year-out');
  const volume = path.join(work, 'year-volume.pdf');
  const start = performance.now();
  const child = spawn(process.execPath, [path.join(FOLIO_ROOT, 'bin', 'folio.js'), 'batch', year, '-o', out, '--volume', volume, '--force'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const samples: (TreeMemory & { t: number })[] = [];
  const timer = setInterval(() => samples.push({ t: performance.now() - start, ...measureTree(child.pid!) }), SAMPLE_MS);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  const wallMs = performance.now() - start;
  if (code !== 0) throw new Error(`the year's batch exited with ${code}:\n${stdout.split('\n').slice(-20).join('\n')}`);
  const mib = (kib: number) => kib / 1024;
  const fifths = [0, 1, 2, 3, 4].map((i) => mib(Math.max(0, ...samples.filter((s) => s.t >= (wallMs * i) / 5 && s.t < (wallMs * (i + 1)) / 5).map((s) => s.pss))));
  const volumePages = Number(/\((\d+) [^)]*\)/.exec(stdout.split('\n').find((line) => line.includes('year-volume.pdf')) ?? '')?.[1] ?? 0);
  const pages = issues * PAGES_PER_ISSUE;
  log(`  ${pages} pages in ${(wallMs / 1000).toFixed(1)} s`);
  return { issues, pages, wallMs, pagesPerSecond: pages / (wallMs / 1000), peakRssMiB: mib(Math.max(...samples.map((s) => s.rss))), peakPssMiB: mib(Math.max(...samples.map((s) => s.pss))), fifths, volumePages };
}

export function yearLines(y: YearFigures): string[] {
  return [
    `| (i) a year: ${y.issues} issues × ${PAGES_PER_ISSUE} pages | ${(y.wallMs / 1000).toFixed(1)} s, ${y.pagesPerSecond.toFixed(2)} pages/s, peak RSS ${y.peakRssMiB.toFixed(0)} MiB, peak PSS ${y.peakPssMiB.toFixed(0)} MiB (per fifth of the run: ${y.fifths.map((f) => f.toFixed(0)).join(', ')} MiB), volume of ${y.volumePages} pages | \`folio batch <year> --volume <file> --force\` (default jobs) |`,
  ];
}
