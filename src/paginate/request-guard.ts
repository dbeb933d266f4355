/**
 * The render page may load Folio's own files and the edition's, nothing else:
 * no network, no stray files. Every other request is refused and reported,
 * so content can never make the browser fetch anything.
 *
 * Chromium itself refuses them, from an allow-list of folders
 * (Network.setBlockedURLs with URL patterns): a request never waits for
 * Node. Pausing each one for a check in Node (Puppeteer's request
 * interception) cost about 45 ms of CPU a render, for the page's ~40 files.
 * The guard also watches the page's requests for failures, which fail a
 * render (page-events.ts).
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { CDPSession, Page } from 'puppeteer-core';
import { PaginationError } from '../errors.ts';

export interface RequestGuard {
  /** URLs refused so far, in order. */
  readonly blocked: readonly string[];
  /** Calls `listener` for each request that fails for another reason than the guard (a refusal is not a fault). */
  onFailed(listener: (url: string, errorText: string) => void): void;
  /** For the tab's next render: new allowed roots, and no request refused yet. */
  reset(allowedRoots: readonly string[]): Promise<void>;
}

/**
 * Guards the page's requests: only files under `allowedRoots` load. Without
 * roots, nothing is refused and the guard only reports failures (the
 * preview's fitting tab, which loads its page from the preview server).
 */
export async function guardRequests(page: Page, allowedRoots?: readonly string[]): Promise<RequestGuard> {
  const session = await page.createCDPSession();
  const urls = new Map<string, string>();
  const failedListeners: ((url: string, errorText: string) => void)[] = [];
  let blocked: string[] = [];
  session.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
  session.on('Network.loadingFinished', (event) => urls.delete(event.requestId));
  session.on('Network.loadingFailed', (event) => {
    const url = urls.get(event.requestId) ?? `request ${event.requestId}`;
    urls.delete(event.requestId);
    if (event.blockedReason === 'inspector') blocked.push(url);
    else for (const listener of failedListeners) listener(url, event.errorText);
  });
  await session.send('Network.enable');
  if (allowedRoots) await allowOnly(session, allowedRoots);
  return {
    get blocked() {
      return blocked;
    },
    onFailed: (listener) => void failedListeners.push(listener),
    async reset(roots) {
      blocked = [];
      urls.clear();
      await allowOnly(session, roots);
    },
  };
}

/**
 * The first pattern a URL matches decides: inline data and about: pages,
 * then each root (as given and with its symlinks resolved, since the page
 * may use either path), then everything else refused.
 */
export function allowListPatterns(allowedRoots: readonly string[]): { urlPattern: string; block: boolean }[] {
  const folders = new Set(allowedRoots.flatMap((root) => [root, resolveReal(root)]));
  return [
    ...['data:*', 'blob:*', 'about:*'].map((urlPattern) => ({ urlPattern, block: false })),
    ...[...folders].map((folder) => ({ urlPattern: `file://${escapePattern(pathToFileURL(folder).pathname.replace(/\/$/, ''))}/*`, block: false })),
    // With the port: '*://*' alone leaves out URLs that name one.
    { urlPattern: '*://*:*', block: true },
  ];
}

async function allowOnly(session: CDPSession, allowedRoots: readonly string[]): Promise<void> {
  try {
    await session.send('Network.setBlockedURLs', { urlPatterns: allowListPatterns(allowedRoots) });
  } catch (cause) {
    // Fail closed: a page whose requests cannot be restricted is not rendered.
    throw new PaginationError('this browser cannot restrict what the page loads (Network.setBlockedURLs with URL patterns)', {
      cause,
      hint: 'use a current Chromium or Chrome (Debian: `apt-get install -y chromium`)',
    });
  }
}

/** A path as literal URLPattern text: its pattern syntax characters escaped. */
function escapePattern(pathname: string): string {
  return pathname.replace(/[\\*+?(){}:]/g, '\\$&');
}

function resolveReal(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
