/**
 * The browser as a managed resource: one launcher with pinned flags, a close
 * that is safe to call twice and runs on exit and on SIGINT/SIGTERM.
 */
import { accessSync, constants, statSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { PipeTransport } from 'puppeteer-core/internal/node/PipeTransport.js';
import { BROWSER_INSTALL_HINT, findBrowser } from '../../scripts/lib/find-browser.mjs';
import { TIMEOUTS } from '../defaults.ts';
import { PaginationError } from '../errors.ts';
import { t } from '../i18n/locale.ts';
import { endProcessGroup, endProcessGroupSync } from './process-group.ts';
import { startChromium, type StartedChromium } from './chromium-process.mjs';
import { removeTempDir, trackTempDir } from './temp-dirs.ts';

export interface ManagedBrowser {
  readonly browser: Browser;
  /** The browser process, which leads its own process group; undefined for a browser Folio connected to. */
  readonly pid: number | undefined;
  /** Where other processes connect, for a browser launched `shareable`. */
  readonly wsEndpoint: string | undefined;
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
  /** Also listen on a local port, so other processes can connect (the test suite's shared browser). */
  shareable?: boolean;
  /** A Chromium already started for this launch (bin/folio.js starts one early); it is taken over. */
  started?: StartedChromium;
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
      throw new PaginationError(t('browser.badExecutable', { path: explicit }), {
        cause,
        hint: t('browser.badExecutableHint'),
      });
    }
    return explicit;
  }
  return findBrowser()?.path;
}

/**
 * Puppeteer follows every request of every page when its Network domain is
 * on (HTTPRequest objects, events over the pipe); the request guard watches
 * the render pages' requests itself, more cheaply.
 */
const CONNECTION_OPTIONS = { networkEnabled: false, issuesEnabled: false } as const;

const open = new Set<ManagedBrowser>();
/** Launches in progress: aborting one kills its Chromium; `settled` resolves once Puppeteer has cleaned up after it. */
const launching = new Set<{ abort: AbortController; settled: Promise<unknown> }>();
let exitHooksInstalled = false;
/** Set by Ctrl-C/SIGTERM: no new browser may start (a batch would otherwise restart one as the old one closes). */
let shuttingDown = false;
/** Set by a process that stops on a signal in its own time (`folio worker` finishes its pages first). */
let signalsHandledElsewhere = false;

/**
 * Ctrl-C/SIGTERM no longer close every browser and exit: the caller stops in
 * its own way and closes its browsers itself (they are still killed at exit).
 */
export function handleSignalsElsewhere(): void {
  signalsHandledElsewhere = true;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<ManagedBrowser> {
  if (shuttingDown) {
    options.started?.killNow();
    throw new PaginationError(t('browser.stopping'));
  }
  // Folio's signal handlers: Puppeteer's would call process.exit(130) at once.
  installExitHooks();
  const started = takeOver(options);
  const abort = new AbortController();
  const pending = { abort, settled: Promise.resolve<unknown>(undefined) };
  let browser: Browser;
  let wsEndpoint: string | undefined;
  try {
    const connecting = connectWhenReady(started, options, abort.signal);
    pending.settled = connecting.catch(() => undefined);
    launching.add(pending);
    ({ browser, wsEndpoint } = await connecting);
  } catch (cause) {
    await stopChromium(started);
    throw new PaginationError(t('browser.cannotStart', { path: started.executablePath }), {
      cause,
      hint: t('browser.cannotStartHint', { path: started.executablePath }),
    });
  } finally {
    launching.delete(pending);
  }
  let closing: Promise<void> | undefined;
  let startupTabTaken = false;
  const managed: ManagedBrowser = {
    browser,
    pid: started.pid,
    wsEndpoint,
    async takeStartupTab() {
      if (startupTabTaken) return undefined;
      startupTabTaken = true;
      const target = await browser
        .waitForTarget((candidate) => candidate.type() === 'page' && candidate.url() === 'about:blank', { timeout: STARTUP_TAB_WAIT_MS })
        .catch(() => undefined);
      return (await target?.page()) ?? undefined;
    },
    close() {
      closing ??= (async () => {
        open.delete(managed);
        // The profile is thrown away: nothing is gained by a graceful shutdown.
        await browser.disconnect().catch(() => undefined);
        await stopChromium(started);
      })();
      return closing;
    },
  };
  open.add(managed);
  return managed;
}

/**
 * Ends a Chromium Folio started: the whole process group first (helpers still
 * flushing would write the profile again after its removal), then its pipes
 * and its profile.
 */
async function stopChromium(started: StartedChromium): Promise<void> {
  await endProcessGroup(started.pid);
  started.closePipes();
  await removeTempDir(started.profile);
}

/** How long the first render waits for Chromium's own blank tab before opening one. */
const STARTUP_TAB_WAIT_MS = 2_000;

/** The Chromium given (started early), or a new one; its profile is removed on any exit. */
function takeOver(options: LaunchOptions): StartedChromium {
  const given = options.started;
  if (given && !options.shareable && (!options.executablePath || given.executablePath === options.executablePath)) {
    given.adopt();
    trackTempDir(given.profile);
    return given;
  }
  given?.killNow();
  const executablePath = options.executablePath ?? chooseBrowser();
  if (!executablePath) {
    throw new PaginationError(t('browser.notFound'), { hint: BROWSER_INSTALL_HINT });
  }
  const started = startChromium({ executablePath, shareable: options.shareable });
  trackTempDir(started.profile);
  return started;
}

/**
 * Puppeteer connected over Chromium's pipe, once the browser answers; fails
 * when Chromium exits first, the launch times out or Folio is interrupted.
 */
async function connectWhenReady(started: StartedChromium, options: LaunchOptions, signal: AbortSignal) {
  const timeoutMs = options.timeoutMs ?? TIMEOUTS.launchMs;
  let timer: NodeJS.Timeout | undefined;
  const failed = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the browser did not answer within ${timeoutMs / 1000} s`)), timeoutMs);
    signal.addEventListener('abort', () => {
      // Synchronous and thorough, as the exit hook that may abort it needs.
      endProcessGroupSync(started.pid, 500);
      reject(new Error('interrupted while the browser was starting'));
    });
    void started.exited.then((exit) => {
      const how = exit.error ? exit.error.message : exit.signal ? `was killed (${exit.signal})` : `exited with code ${exit.code}`;
      const stderr = started.stderrTail();
      reject(new Error(`the browser ${how} before it was ready${stderr ? `:\n${stderr}` : ''}`));
    });
  });
  const transport = new PipeTransport(started.input, started.output);
  const connecting = puppeteer.connect({
    transport,
    protocolTimeout: TIMEOUTS.printMs * 2,
    defaultViewport: { width: 800, height: 600 },
    ...CONNECTION_OPTIONS,
  });
  try {
    const browser = await Promise.race([connecting, failed]);
    const wsEndpoint = started.endpoint ? await Promise.race([started.endpoint, failed]) : undefined;
    return { browser, wsEndpoint };
  } catch (error) {
    // The pipe may have closed before the transport listened (a browser started
    // early that died at once): tell the connection, or it waits out its timeout.
    transport.onclose?.();
    void connecting.then((browser) => browser.disconnect()).catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Connects to a browser another process launched (the test suite shares one
 * browser across workers). Closing only disconnects.
 */
export async function connectBrowser(browserWSEndpoint: string): Promise<ManagedBrowser> {
  const browser = await puppeteer.connect({ browserWSEndpoint, protocolTimeout: TIMEOUTS.printMs * 2, ...CONNECTION_OPTIONS });
  let closing: Promise<void> | undefined;
  return {
    browser,
    pid: undefined,
    wsEndpoint: browserWSEndpoint,
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
      endProcessGroupSync(managed.pid, 500);
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      if (signalsHandledElsewhere) return;
      shuttingDown = true;
      const starting = [...launching];
      for (const launch of starting) launch.abort.abort();
      void Promise.allSettled([...starting.map((launch) => launch.settled), ...[...open].map((managed) => managed.close())]).then(() => {
        process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 129);
      });
    });
  }
}
