import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BROWSER_INSTALL_HINT, findBrowser } from '../../../scripts/lib/find-browser.mjs';

const ENV_KEYS = ['PUPPETEER_EXECUTABLE_PATH', 'PUPPETEER_CACHE_DIR'] as const;

function fakeExecutable(path: string, mode = 0o755): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '#!/bin/sh\nexit 0\n');
  chmodSync(path, mode);
  return path;
}

describe('findBrowser', () => {
  let savedEnv: Record<string, string | undefined>;
  let tmp: string;
  let emptyCache: string;

  beforeEach(() => {
    savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
    tmp = mkdtempSync(join(tmpdir(), 'folio-find-browser-'));
    emptyCache = join(tmp, 'empty-cache');
    mkdirSync(emptyCache);
    // Isolate from whatever the machine has in ~/.cache/puppeteer.
    delete process.env.PUPPETEER_EXECUTABLE_PATH;
    process.env.PUPPETEER_CACHE_DIR = emptyCache;
  });

  afterEach(() => {
    for (const k of ENV_KEYS) {
      if (savedEnv[k] === undefined) delete process.env[k];
      else process.env[k] = savedEnv[k];
    }
    rmSync(tmp, { recursive: true, force: true });
  });

  it('prefers PUPPETEER_EXECUTABLE_PATH when it points at an executable', () => {
    const cache = join(tmp, 'cache');
    fakeExecutable(join(cache, 'chrome', 'linux-131.0.6778.85', 'chrome-linux64', 'chrome'));
    process.env.PUPPETEER_CACHE_DIR = cache;
    process.env.PUPPETEER_EXECUTABLE_PATH = process.execPath;
    expect(findBrowser()).toEqual({ path: process.execPath, source: 'env' });
  });

  it('skips PUPPETEER_EXECUTABLE_PATH when the file is missing or not executable', () => {
    process.env.PUPPETEER_EXECUTABLE_PATH = join(tmp, 'no-such-chrome');
    expect(findBrowser()?.source).not.toBe('env');

    process.env.PUPPETEER_EXECUTABLE_PATH = fakeExecutable(join(tmp, 'not-executable'), 0o644);
    // root can read anything but still needs an x bit to execute
    expect(findBrowser()?.source).not.toBe('env');
  });

  it('finds Chrome in the Puppeteer cache named by PUPPETEER_CACHE_DIR', () => {
    const cache = join(tmp, 'cache');
    const chrome = fakeExecutable(join(cache, 'chrome', 'linux-131.0.6778.85', 'chrome-linux64', 'chrome'));
    process.env.PUPPETEER_CACHE_DIR = cache;
    expect(findBrowser()).toEqual({ path: chrome, source: 'puppeteer-cache' });
  });

  it('picks the newest cached version, and falls back to chrome-headless-shell', () => {
    const cache = join(tmp, 'cache');
    process.env.PUPPETEER_CACHE_DIR = cache;
    const shell = fakeExecutable(join(cache, 'chrome-headless-shell', 'linux-131.0.6778.85',
      'chrome-headless-shell-linux64', 'chrome-headless-shell'));
    expect(findBrowser()).toEqual({ path: shell, source: 'puppeteer-cache' });

    fakeExecutable(join(cache, 'chrome', 'linux-9.0.0.0', 'chrome-linux64', 'chrome'));
    const newest = fakeExecutable(join(cache, 'chrome', 'linux-131.0.6778.85', 'chrome-linux64', 'chrome'));
    expect(findBrowser()).toEqual({ path: newest, source: 'puppeteer-cache' });
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))('falls back to the system Chromium', () => {
    expect(findBrowser()).toEqual({ path: '/usr/bin/chromium', source: 'system' });
  });

  it('exports an install hint mentioning apt-get and PUPPETEER_EXECUTABLE_PATH', () => {
    expect(BROWSER_INSTALL_HINT).toContain('apt-get install -y chromium');
    expect(BROWSER_INSTALL_HINT).toContain('PUPPETEER_EXECUTABLE_PATH');
  });
});
