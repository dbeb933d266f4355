import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli.ts';

const ISSUE = 'test/fixtures/issues/2024-01-26';

describe('folio render <issue-dir>', () => {
  afterEach(() => vi.restoreAllMocks());

  it('takes an issue folder as an issue, and refuses --html (one file for several pages) before anything renders', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    const out = mkdtempSync(path.join(os.tmpdir(), 'folio-issue-cli-'));
    expect(await main(['node', 'folio', 'render', ISSUE, '-o', out, '--html', path.join(out, 'page.html')])).toBe(2);
    expect(errors.join('\n')).toMatch(/--html writes one file.*issue of several pages/);
    expect(readdirSync(out)).toEqual([]);
  });
});
