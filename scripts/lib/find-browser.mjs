// Locates a Chromium/Chrome binary for Puppeteer. Plain JS, no dependencies:
// scripts/bootstrap.mjs runs it before node_modules exists, and
// src/paginate/browser.ts imports it (types in find-browser.d.mts).
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where Linux distributions and snaps put the browser, in order of preference. */
export const SYSTEM_BROWSER_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

export const BROWSER_INSTALL_HINT =
  'Folio needs Chromium or Chrome to lay out pages, and none was found. ' +
  'On Debian/Ubuntu install it as root with `apt-get install -y chromium` ' +
  '(npm run render / npm test do this for you when run as root), ' +
  'or point PUPPETEER_EXECUTABLE_PATH at an existing Chrome/Chromium binary.';

function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Compares "linux-131.0.6778.85"-style folder names numerically, newest first. */
function newestFirst(a, b) {
  const pa = a.match(/\d+/g)?.map(Number) ?? [];
  const pb = b.match(/\d+/g)?.map(Number) ?? [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pb[i] ?? -1) - (pa[i] ?? -1);
    if (d !== 0) return d;
  }
  return b.localeCompare(a);
}

function findInPuppeteerCache() {
  const cacheDir = process.env.PUPPETEER_CACHE_DIR || join(homedir(), '.cache', 'puppeteer');
  const layouts = [
    ['chrome', 'chrome-linux64', 'chrome'],
    ['chrome-headless-shell', 'chrome-headless-shell-linux64', 'chrome-headless-shell'],
  ];
  for (const [product, platformDir, binary] of layouts) {
    let versions;
    try {
      versions = readdirSync(join(cacheDir, product));
    } catch {
      continue;
    }
    for (const version of versions.sort(newestFirst)) {
      const candidate = join(cacheDir, product, version, platformDir, binary);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return null;
}

/**
 * @returns {{ path: string, source: 'env' | 'puppeteer-cache' | 'system' } | null}
 */
export function findBrowser() {
  const fromEnv = process.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv && isExecutableFile(fromEnv)) return { path: fromEnv, source: 'env' };

  const cached = findInPuppeteerCache();
  if (cached) return { path: cached, source: 'puppeteer-cache' };

  for (const candidate of SYSTEM_BROWSER_PATHS) {
    if (isExecutableFile(candidate)) return { path: candidate, source: 'system' };
  }
  return null;
}
