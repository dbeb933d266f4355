import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { PaginationError } from '../../../src/errors.ts';
import { allowListPatterns, guardRequests } from '../../../src/paginate/request-guard.ts';

describe('allowListPatterns', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'folio-guard-unit-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('allows inline data and each folder, then refuses everything else, ports included', () => {
    const patterns = allowListPatterns(['/srv/edition']);
    expect(patterns.slice(0, 3).map((p) => [p.urlPattern, p.block])).toEqual([
      ['data:*', false],
      ['blob:*', false],
      ['about:*', false],
    ]);
    expect(patterns).toContainEqual({ urlPattern: 'file:///srv/edition/*', block: false });
    expect(patterns.at(-1)).toEqual({ urlPattern: '*://*:*', block: true });
    expect(patterns.filter((p) => p.block)).toHaveLength(1);
  });

  it('escapes URLPattern syntax and percent-encodes the path as a file URL does', () => {
    const [pattern] = allowListPatterns(['/srv/年鉴 (2024)+{a}:b*']).filter((p) => p.urlPattern.startsWith('file:'));
    expect(pattern!.urlPattern).toBe('file:///srv/%E5%B9%B4%E9%89%B4%20\\(2024\\)\\+%7Ba%7D\\:b\\*/*');
  });

  it('lists a folder reached through a symlink under both paths', () => {
    const real = path.join(root, 'real');
    mkdirSync(real);
    symlinkSync(real, path.join(root, 'link'));
    const files = allowListPatterns([path.join(root, 'link')]).filter((p) => p.urlPattern.startsWith('file:')).map((p) => p.urlPattern);
    expect(files).toHaveLength(2);
    expect(files.some((p) => p.includes('/link/'))).toBe(true);
    expect(files.some((p) => p.includes('/real/'))).toBe(true);
  });
});

describe('guardRequests', () => {
  it('fails closed when the browser cannot take the allow-list (an older Chromium)', async () => {
    const session = {
      on: () => undefined,
      send: async (method: string) => {
        if (method === 'Network.setBlockedURLs') throw new Error('Invalid parameters: Failed to deserialize params.urls');
        return {};
      },
    };
    const page = { createCDPSession: async () => session } as unknown as Page;
    const failure = await guardRequests(page, ['/srv/edition']).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(PaginationError);
    expect((failure as Error).message).toMatch(/cannot restrict what the page loads/);
  });
});
