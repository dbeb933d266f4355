/**
 * `folio import` on a page of several stories, as users run it (issue 17,
 * Import): the command writes a schema v2 page that PageSchema accepts,
 * loses no text of the source, says in its summary what it read, and still
 * gives the v1 feature edition when asked with --as feature.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importFile } from '../../src/content/import/import.ts';
import { parseEdition } from '../../src/content/load.ts';
import { PageSchema } from '../../src/content/v2/page.ts';
import { lostText } from './support/round-trip.ts';

const FIXTURE = path.resolve('test', 'fixtures', 'import', 'stories', 'wuzhi-stories.txt');
const folio = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/folio.js', ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' } });

describe('folio import on a text with several stories', () => {
  it('writes a v2 page of stories that validates against PageSchema and loses nothing', async () => {
    const output = path.join(mkdtempSync(path.join(os.tmpdir(), 'folio-import-stories-')), 'page.yaml');
    const run = folio('import', FIXTURE, '-o', output);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^imported wuzhi-stories\.txt as a page of 6 stories/);
    expect(run.stdout).toContain(`wrote ${output}`);
    // What needs an editor comes first on stderr: the cut-off paragraph and the repeated story among it.
    expect(run.stderr).toMatch(/wuzhi-stories\.txt:60: warning: .*cut off/);
    expect(run.stderr).toMatch(/wuzhi-stories\.txt:62: warning: .*repeats the one at line 50/);

    const written = readFileSync(output, 'utf8');
    const page = PageSchema.parse(parse(written));
    expect(page.version).toBe(2);
    expect(page.modules.map((m) => m.kind)).toEqual(Array(6).fill('story'));
    expect(new Set(page.modules.map((m) => m.id)).size).toBe(6);
    // The same page the API returns; its dropped lines are word-for-word repeats, and every other character is on the page.
    const api = await importFile(FIXTURE);
    if (api.shape !== 'stories') throw new Error(`the API read ${FIXTURE} as ${api.shape}`);
    expect(written).toBe(api.yaml);
    expect(lostText(readFileSync(FIXTURE, 'utf8'), parse(written), api.dropped)).toEqual([]);
  });

  it('without -o prints the page to stdout; --as feature gives the v1 edition instead', () => {
    const page = folio('import', FIXTURE);
    expect(page.status, page.stderr).toBe(0);
    expect(PageSchema.safeParse(parse(page.stdout)).success).toBe(true);
    expect(page.stderr).toMatch(/^imported wuzhi-stories\.txt as a page of 6 stories/m);

    const feature = folio('import', FIXTURE, '--as', 'feature');
    expect(feature.status, feature.stderr).toBe(0);
    expect(parseEdition(feature.stdout, 'stdout').sections.length).toBeGreaterThan(0);

    const wrong = folio('import', FIXTURE, '--as', 'pages');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/auto, feature, stories/);
  });
});
