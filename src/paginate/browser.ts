/**
 * The browser as a managed resource: one launcher with pinned flags, a close
 * that is safe to call twice and runs on exit and on SIGINT/SIGTERM.
 */
import { accessSync, constants, statSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { BROWSER_INSTALL_HINT, findBrowser } from '../../scripts/lib/find-browser.mjs';
import { TIMEOUTS } from '../defaults.ts';
import { PaginationError } from '../errors.ts';
import { endProcessGroup, killProcessGroup } from './process-group.ts';
import { makeTempDir, removeTempDir } from './temp-dirs.ts';

/** Chromium flags, each with the reason it is pinned. */
export const CHROMIUM_FLAGS: readonly string[] = Object.freeze([
  // Root (our CI and dev machines) cannot use Chromium's sandbox.
  '--no-sandbox',
  // Headless print needs no GPU; software rendering is deterministic.
  '--disable-gpu',
  // /dev/shm is small in containers; Chromium crashes on large pages without this.
  '--disable-dev-shm-usage',
  // The network is closed here: background fetches only produce refused connections.
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  // Glyph outlines, not hinted bitmaps: identical line breaks on every machine.
  '--font-render-hinting=none',
  // Let the page load fonts, images and scripts from file:// (Paged.js uses XHR for styles).
  '--allow-file-access-from-files',
]);

export interface ManagedBrowser {
  readonly browser: Browser;
  /**
   * The blank tab Chromium opens at launch, for the first render to take
   * (its renderer is already running); undefined once taken, and for a
   * browser Folio connected to (another process may use its tabs).
   */
  takeStartupTab(): Promise<Page | undefined>;
  /** Closes the browser; safe to call any number of times. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  executablePath?: string;
  timeoutMs?: number;
}

/**
 * The browser to run: PUPPETEER_EXECUTABLE_PATH when set (it must then work:
 * quietly using another browser would hide the user's mistake), else the
 * first one found in Puppeteer's cache or the system paths.
 */
function chooseBrowser(): string | undefined {
  const explicit = process.env.PUPPETEER_EXECUTABLE_PATH;
  if (explicit) {
    try {
      accessSync(explicit, constants.X_OK);
      if (!statSync(explicit).isFile()) throw new Error('not a file');
    } catch (cause) {
      throw new PaginationError(`PUPPETEER_EXECUTABLE_PATH is ${explicit}, which is not an executable file`, {
        cause,
        hint: 'point it at a Chrome or Chromium binary, or unset it to use the one Folio finds',
      });
    }
    return explicit;
  }
  return findBrowser()?.path;
}

const open = new Set<ManagedBrowser>();
/** Launches in progress: aborting one kills its Chromium; `settled` resolves once Puppeteer has cleaned up after it. */
const launching = new Set<{ abort: AbortController; settled: Promise<unknown> }>();
let exitHooksInstalled = false;
/** Set by Ctrl-C/SIGTERM: no new browser may start (a batch would otherwise restart one as the old one closes). */
let shuttingDown = false;

export async function launchBrowser(options: LaunchOptions = {}): Promise<ManagedBrowser> {
  const executablePath = options.executablePath ?? chooseBrowser();
  if (!executablePath) {
    throw new PaginationError('no Chromium or Chrome was found', { hint: BROWSER_INSTALL_HINT });
  }
  if (shuttingDown) throw new PaginationError('Folio is stopping: no new browser is started');
  let browser: Browser;
  // Folio's signal handlers, not Puppeteer's: Puppeteer's SIGINT handler calls process.exit(130) at once.
  installExitHooks();
  const abort = new AbortController();
  // Folio's own profile folder: removed on close, and synchronously on any exit (temp-dirs.ts), even mid-launch.
  const profile = await makeTempDir('folio-chromium-');
  let pending: { abort: AbortController; settled: Promise<unknown> } | undefined;
  try {
    const launch = puppeteer.launch({
      userDataDir: profile,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      signal: abort.signal,
      executablePath,
      headless: true,
      args: [...CHROMIUM_FLAGS],
      timeout: options.timeoutMs ?? TIMEOUTS.launchMs,
      protocolTimeout: TIMEOUTS.printMs * 2,
    });
    pending = { abort, settled: launch.catch(() => undefined) };
    launching.add(pending);
    browser = await launch;
  } catch (cause) {
    await removeTempDir(profile);
    throw new PaginationError(`could not start the browser at ${executablePath}`, {
      cause,
      hint: 'check that it runs: `' + executablePath + ' --headless --no-sandbox --version`; ' + BROWSER_INSTALL_HINT,
    });
  } finally {
    if (pending) launching.delete(pending);
  }
  let closing: Promise<void> | undefined;
  let startupTabTaken = false;
  const managed: ManagedBrowser = {
    browser,
    async takeStartupTab() {
      if (startupTabTaken) return undefined;
      startupTabTaken = true;
      const [first] = await browser.pages();
      return first && first.url() === 'about:blank' ? first : undefined;
    },
    close() {
      closing ??= (async () => {
        open.delete(managed);
        const pid = browser.process()?.pid;
        try {
          await browser.close();
        } catch {
          // Already gone (crashed or killed): make sure the process is dead.
          browser.process()?.kill('SIGKILL');
        }
        // Helpers still flushing would write the profile again after its removal.
        await endProcessGroup(pid);
        await removeTempDir(profile);
      })();
      return closing;
    },
  };
  open.add(managed);
  return managed;
}

/**
 * Connects to a browser another process launched (the test suite shares one
 * browser across workers). Closing only disconnects.
 */
export async function connectBrowser(browserWSEndpoint: string): Promise<ManagedBrowser> {
  const browser = await puppeteer.connect({ browserWSEndpoint, protocolTimeout: TIMEOUTS.printMs * 2 });
  let closing: Promise<void> | undefined;
  return {
    browser,
    takeStartupTab: async () => undefined,
    close() {
      closing ??= browser.disconnect().catch(() => undefined);
      return closing;
    },
  };
}

/** Kills every browser still open when the process ends or is interrupted. */
function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', () => {
    for (const launch of launching) launch.abort.abort();
    for (const managed of open) {
      // The whole group: helpers of a killed browser would otherwise live on.
      killProcessGroup(managed.browser.process()?.pid);
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      shuttingDown = true;
      const starting = [...launching];
      for (const launch of starting) launch.abort.abort();
      void Promise.allSettled([...starting.map((launch) => launch.settled), ...[...open].map((managed) => managed.close())]).then(() => {
        process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 129);
      });
    });
  }
}
