/**
 * (h) General pages (issue 17): the six-story news page against the Wuzhi
 * feature, both warm in one browser, and the page solver's own time per
 * page (the search in Node, from the arrangement report).
 */
import path from 'node:path';
import { build } from '../src/pipeline.ts';
import { launchBrowser } from '../src/paginate/browser.ts';
import { FOLIO_ROOT } from '../src/defaults.ts';
import { seconds, summarise, type Figure } from './stats.ts';

export interface PageFigures {
  feature: Figure;
  news: Figure;
  solveMs: Figure;
  steps: number;
}

const FEATURE = path.join(FOLIO_ROOT, 'content', 'wuzhi-2024');
const NEWS = path.join(FOLIO_ROOT, 'test', 'fixtures', 'pages', 'news-six');

export async function benchPages(work: string, runs: number, log: (line: string) => void): Promise<PageFigures> {
  const browser = await launchBrowser();
  const feature: number[] = [];
  const news: number[] = [];
  const solve: number[] = [];
  let steps = 0;
  try {
    // One of each first: fonts cut and images made, as after a first run.
    await build({ input: FEATURE, output: path.join(work, 'g-feature.pdf'), browser });
    await build({ input: NEWS, output: path.join(work, 'g-news.pdf'), browser });
    for (let i = 0; i < runs; i += 1) {
      let start = performance.now();
      await build({ input: FEATURE, output: path.join(work, 'g-feature.pdf'), browser });
      feature.push(performance.now() - start);
      start = performance.now();
      const result = await build({ input: NEWS, output: path.join(work, 'g-news.pdf'), browser });
      news.push(performance.now() - start);
      solve.push(result.arrangement!.solveMs);
      steps = result.arrangement!.steps;
      log(`  round ${i + 1}: feature ${feature.at(-1)!.toFixed(0)} ms, news page ${news.at(-1)!.toFixed(0)} ms (solver ${solve.at(-1)} ms)`);
    }
  } finally {
    await browser.close();
  }
  return { feature: summarise(feature), news: summarise(news), solveMs: summarise(solve), steps };
}

export function pageLines(g: PageFigures): string[] {
  const ms = (f: Figure) => `${f.median.toFixed(0)} ms (${f.min.toFixed(0)}–${f.max.toFixed(0)}, n=${f.runs})`;
  return [
    `| (h) six-story news page, warm | ${seconds(g.news)}, ${(g.news.median / g.feature.median).toFixed(2)}× the feature's ${seconds(g.feature)} | \`build()\` of test/fixtures/pages/news-six with one browser reused |`,
    `| (h) page solver, per page | ${ms(g.solveMs)}, ${g.steps} steps | the search in Node (\`arrangement.solveMs\`) |`,
  ];
}
