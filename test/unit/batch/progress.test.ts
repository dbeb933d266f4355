import { describe, expect, it } from 'vitest';
import { Progress } from '../../../src/batch/progress.ts';
import { summaryLines, type BatchSummary, type EditionSummary } from '../../../src/batch/summary.ts';

const fit = { rounds: 1, headLines: 12, galleryLines: 57, galleryPhotos: 8, sections: [{ id: 'r', name: '精彩 2023', lines: 24, textColumns: 4, photoSpan: 4, blankLines: 0 }], blankLines: 0 };
const rendered: EditionSummary = { id: 'wuzhi-2023', source: '/e/edition.yaml', pdf: 'wuzhi-2023.pdf', status: 'rendered', timeMs: 2140, pages: 1, warnings: [], fit, attempts: 1 };
const failed: EditionSummary = { id: 'broken', source: '/b/edition.yaml', pdf: null, status: 'failed', timeMs: 0, pages: null, warnings: [], fit: null, attempts: 0, error: 'error: b.yaml:10:1: invalid YAML: Missing closing "quote\n  fix: Fix the YAML' };

function recorder(isTTY: boolean) {
  const lines: string[] = [];
  const raw: string[] = [];
  let now = 0;
  const progress = new Progress({ total: 3, toRender: 2, isTTY, log: (l) => lines.push(l), write: (t) => raw.push(t), now: () => now });
  return { progress, lines, raw, advance: (ms: number) => (now += ms) };
}

describe('Progress', () => {
  it('prints one plain line per edition off a terminal', () => {
    const { progress, lines, raw } = recorder(false);
    progress.finished(failed);
    progress.started('wuzhi-2023');
    progress.finished(rendered);
    progress.finished({ ...rendered, id: 'wuzhi-2024', status: 'unchanged', attempts: 0, warnings: ['short'] });
    expect(lines).toEqual([
      '[1/3] FAILED    broken: b.yaml:10:1: invalid YAML: Missing closing "quote',
      '[2/3] rendered  wuzhi-2023 2.1 s, 1 page',
      '[3/3] unchanged wuzhi-2024, 1 page, 1 warning',
    ]);
    expect(raw).toEqual([]);
  });

  it('draws a bar on a terminal with done/total, failures, ETA and the editions running; failures go above it', () => {
    const { progress, lines, raw, advance } = recorder(true);
    progress.started('wuzhi-2023');
    expect(progress.barText()).toBe('[--------------------] 0/3 · ETA … · rendering wuzhi-2023');
    advance(2000);
    progress.finished(rendered);
    progress.started('wuzhi-2024');
    expect(progress.barText()).toBe('[#######-------------] 1/3 · ETA 0:02 · rendering wuzhi-2024');
    progress.finished(failed);
    expect(lines).toEqual(['[2/3] FAILED    broken: b.yaml:10:1: invalid YAML: Missing closing "quote']);
    expect(progress.barText()).toContain('2/3 · 1 failed');
    progress.end();
    expect(raw.at(-1)).toBe('\r\x1b[2K');
    expect(raw.some((t) => t.includes('rendering wuzhi-2024'))).toBe(true);
  });
});

describe('summaryLines', () => {
  it('tabulates every edition with the copyfit figures and names the failures', () => {
    const summary = {
      durationMs: 5000,
      jobs: 2,
      counts: { total: 2, rendered: 1, unchanged: 0, failed: 1 },
      editions: [rendered, failed],
      volume: null,
      summaryFile: '/out/summary.json',
    } as unknown as BatchSummary;
    const lines = summaryLines(summary);
    expect(lines[0]).toMatch(/^edition\s+status\s+time\s+pages\s+gallery\s+sections/);
    expect(lines[2]).toMatch(/^wuzhi-2023\s+rendered\s+2\.1 s\s+1\s+57\s+精彩 2023 24×4\s+0\s+0$/);
    expect(lines[3]).toMatch(/^broken\s+FAILED\s+–/);
    expect(lines).toContain('2 editions: 1 rendered, 0 unchanged, 1 failed (5.0 s, 2 jobs)');
    expect(lines).toContain('failed: broken: b.yaml:10:1: invalid YAML: Missing closing "quote');
  });
});
