/** Content that cannot fit fails with the module's name and the amount, and writes no PDF. */
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { OverflowError } from '../../src/errors.ts';
import { sharedBrowser } from './support/browser.ts';

describe('overflow', () => {
  it('names the module that overflows and by how many lines', async () => {
    const output = path.join(mkdtempSync(path.join(os.tmpdir(), 'folio-overflow-')), 'overflow.pdf');
    const attempt = build({ input: 'test/fixtures/overflow', output, browser: await sharedBrowser() });
    await expect(attempt).rejects.toBeInstanceOf(OverflowError);
    await expect(attempt).rejects.toThrow(/「蓄势 2024」 overflows by \d+ lines/);
    expect(existsSync(output)).toBe(false);
  });
});
