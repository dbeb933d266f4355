/**
 * The render page may load Folio's own files and the edition's, nothing else:
 * no network, no stray files. Every other request is refused and reported,
 * so content can never make the browser fetch anything.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HTTPRequest, Page } from 'puppeteer-core';

export interface RequestGuard {
  /** URLs refused so far, in order. */
  readonly blocked: readonly string[];
  /** True for a request this guard refused (its failure is expected, not a fault). */
  wasBlocked(url: string): boolean;
  /** For the tab's next render: new allowed roots, and no request refused yet. */
  reset(allowedRoots: readonly string[]): void;
}

export async function guardRequests(page: Page, allowedRoots: readonly string[]): Promise<RequestGuard> {
  let roots = allowedRoots.map(resolveReal);
  let blocked: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (isAllowed(url, roots)) {
      void request.continue();
    } else {
      blocked.push(url);
      void request.abort('blockedbyclient');
    }
  });
  return {
    get blocked() {
      return blocked;
    },
    wasBlocked: (url) => blocked.includes(url),
    reset(allowedRoots) {
      roots = allowedRoots.map(resolveReal);
      blocked = [];
    },
  };
}

function isAllowed(url: string, roots: readonly string[]): boolean {
  if (url.startsWith('data:') || url === 'about:blank') return true;
  if (!url.startsWith('file:')) return false;
  let file: string;
  try {
    file = resolveReal(fileURLToPath(url));
  } catch {
    return false;
  }
  return roots.some((root) => file === root || file.startsWith(root + path.sep));
}

/** The real path (symlinks resolved), so a link cannot lead outside a root. */
function resolveReal(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}
