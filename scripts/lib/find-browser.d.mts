export type BrowserSource = 'env' | 'puppeteer-cache' | 'system';

export interface FoundBrowser {
  /** Absolute path of an existing, executable Chrome/Chromium binary. */
  path: string;
  /** Where it was found: PUPPETEER_EXECUTABLE_PATH, Puppeteer's cache, or a system path. */
  source: BrowserSource;
}

/** System locations checked last, in order. */
export declare const SYSTEM_BROWSER_PATHS: readonly string[];

/** One paragraph telling the user how to install a browser. */
export declare const BROWSER_INSTALL_HINT: string;

/**
 * Looks at PUPPETEER_EXECUTABLE_PATH, then Puppeteer's cache
 * (PUPPETEER_CACHE_DIR or ~/.cache/puppeteer), then system paths.
 * Returns null when no executable browser exists.
 */
export declare function findBrowser(): FoundBrowser | null;
