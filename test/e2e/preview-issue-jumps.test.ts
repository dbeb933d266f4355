/**
 * `folio preview <issue-dir>` with a jump (转版): the page a story continues
 * on shows the continuation (上接) as `folio render <issue>` prints it;
 * taking the jump out of the first page's file rebuilds that page (known from
 * the issue as loaded), putting it back rebuilds it again (known only from
 * the saved text), and the page between them is never rebuilt.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIssuePreview, type IssuePreviewServer } from '../../src/preview/issue-preview.ts';
import { sharedBrowser } from './support/browser.ts';

let root: string;
let dir: string;
let preview: IssuePreviewServer;

const state = async (url: string) => (await (await fetch(new URL('/_folio/state', url))).json()) as { status: string; pageVersion: number };
const pageText = async (url: string) => (await (await fetch(new URL('/_folio/page', url))).text()).replace(/<[^>]*>/g, '').replace(/\s+/g, '');

async function rebuilt(url: string, before: number): Promise<number> {
  const deadline = Date.now() + 90_000;
  while ((await state(url)).pageVersion === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  // Wait for the build to settle: a second save event may follow the first.
  await new Promise((r) => setTimeout(r, 1000));
  while ((await state(url)).status === 'building' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  return (await state(url)).pageVersion;
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'folio-preview-jump-'));
  dir = path.join(root, 'jump');
  cpSync('test/fixtures/issues/jump', dir, { recursive: true });
  preview = await startIssuePreview({ dir, port: 0, browser: await sharedBrowser(), log: () => {} });
  await preview.ready;
}, 180_000);

afterAll(async () => {
  await preview?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('folio preview of an issue with a jump', () => {
  it('shows the continuation on the page the story jumps to, and follows the jump when the editor moves it', async () => {
    const [a1, a2, a3] = preview.pages as [IssuePreviewServer['pages'][0], IssuePreviewServer['pages'][0], IssuePreviewServer['pages'][0]];
    expect(await pageText(a1.url)).toContain('下转第A3版');
    expect(await pageText(a3.url)).toContain('上接第A1版');
    expect(await pageText(a2.url)).not.toContain('上接第A1版');

    // The editor takes the jump out: A3 (jumped to, by the issue as loaded) is set again without the continuation.
    const a1File = path.join(dir, 'a1.yaml');
    const original = readFileSync(a1File, 'utf8');
    const before = { a2: (await state(a2.url)).pageVersion, a3: (await state(a3.url)).pageVersion };
    writeFileSync(a1File, original.replace(/^\s*continue: a3\.yaml\n/m, ''));
    const first = await rebuilt(a3.url, before.a3);
    expect(first).toBeGreaterThan(before.a3);
    expect(await pageText(a3.url)).not.toContain('上接第A1版');
    // …and puts it back: no loaded page jumps to A3 now, so only the saved text tells A3 to rebuild.
    writeFileSync(a1File, original);
    expect(await rebuilt(a3.url, first)).toBeGreaterThan(first);
    expect(await pageText(a3.url)).toContain('上接第A1版');
    // A2 receives nothing from A1 and was never rebuilt.
    expect((await state(a2.url)).pageVersion).toBe(before.a2);
  }, 240_000);
});
