/**
 * A batch renders each page of an issue on its own, yet a page that receives
 * a jump's continuation (转版) must print exactly what `folio render <issue>`
 * prints: the batch sets the page that jumps to it first to learn the cut.
 * Read back from both runs' plates with pdfjs.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/batch.ts';
import { renderIssue } from '../../src/issue/render.ts';
import { sharedBrowser } from './support/browser.ts';
import { readPdfText } from './support/pdf.ts';

const ISSUE = 'test/fixtures/issues/jump';
const squash = (text: string) => text.replace(/\s+/g, '');

describe('jumps in a batch', () => {
  it('gives the continuation page the same text as rendering the issue in order', async () => {
    const browser = await sharedBrowser();
    const issue = await renderIssue({ dir: ISSUE, outputDir: mkdtempSync(path.join(os.tmpdir(), 'folio-jump-issue-')), browser });
    const out = mkdtempSync(path.join(os.tmpdir(), 'folio-jump-batch-'));
    const summary = await runBatch({ input: ISSUE, outDir: out, jobs: 2, browser, log: () => {} });
    expect(summary.counts.failed).toBe(0);
    for (const page of issue.pages) {
      const batched = path.join(out, issue.issue.issue.date, path.basename(page.pdfPath));
      const [alone, inOrder] = await Promise.all([readPdfText(batched), readPdfText(page.pdfPath)]);
      expect(squash(alone.joined), page.label).toBe(squash(inOrder.joined));
    }
    const target = summary.editions.find((e) => e.id.endsWith('/A3'))!;
    expect(squash((await readPdfText(path.join(out, issue.issue.issue.date, target.pdf!))).joined)).toContain('上接');
  }, 180_000);
});
