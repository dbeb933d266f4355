/**
 * A supplied ad is part of what a page's render depends on: the batch cache
 * key changes when only the ad file's bytes change, so a re-run re-renders.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { planEdition } from '../../../src/batch/plan.ts';
import { environmentFingerprint } from '../../../src/batch/cache.ts';

describe('batch cache key of a page with a supplied ad', () => {
  it('changes when the ad file changes, and only then', async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'folio-adkey-')), 'page');
    mkdirSync(dir);
    const page = parse(readFileSync('test/fixtures/pages/ad/edition.yaml', 'utf8'));
    page.modules.find((m: { id: string }) => m.id === 'foot-ad').file = 'ad.pdf';
    writeFileSync(path.join(dir, 'edition.yaml'), stringify(page));
    writeFileSync(path.join(dir, 'ad.pdf'), '%PDF-1.4 first\n');
    const environment = await environmentFingerprint();
    const keyOf = async () => {
      const plan = await planEdition({ input: dir, fallbackId: 'page', overrides: [] }, 0, environment, dir);
      if (!plan.ok) throw new Error('plan failed');
      return plan.key;
    };
    const first = await keyOf();
    expect(await keyOf()).toBe(first);
    writeFileSync(path.join(dir, 'ad.pdf'), '%PDF-1.4 second\n');
    expect(await keyOf()).not.toBe(first);
  });
});
