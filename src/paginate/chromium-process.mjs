// Starts Chromium for Folio: the one place its command line is made. Plain
// JS with no dependencies, so bin/folio.js can start the browser before it
// loads the bundle (about 0.2 s of a cold render) and hand the process to
// launchBrowser (browser.ts), which connects Puppeteer over the pipe.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { findBrowser } from '../../scripts/lib/find-browser.mjs';
import { endProcessGroupSync } from './process-group.mjs';
import { makeProfile } from './chromium-profile.mjs';

/** Folio's own flags, each with the reason it is pinned. */
export const CHROMIUM_FLAGS = Object.freeze([
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

/**
 * What Puppeteer's launcher would add (puppeteer-core 24's defaultArgs), kept
 * so a page behaves as under puppeteer.launch: no background services, no
 * throttling of a tab that is not in front, no prompts.
 */
const AUTOMATION_FLAGS = Object.freeze([
  '--allow-pre-commit-input',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--generate-pdf-document-outline',
  '--force-color-profile=srgb',
  '--metrics-recording-only',
  '--password-store=basic',
  '--use-mock-keychain',
  '--headless=new',
  '--hide-scrollbars',
  '--mute-audio',
  // Chromium 14x+ also preloads the address bar's popup as a WebUI page, in a
  // renderer of its own, even headless: a fifth of a cold render's CPU.
  // RenderDocument gives every new document a new frame host, even in the same
  // tab and site: a render tab that loads page after page pays ~20 ms of CPU each.
  '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,' +
    'ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes,WebUIOmniboxPopup,WebUIOmniboxAimPopup,RenderDocument',
  '--enable-features=PdfOopif',
]);

/** The whole command line after the executable. */
export function chromiumArguments({ profile, shareable = false }) {
  return [
    ...AUTOMATION_FLAGS,
    ...CHROMIUM_FLAGS,
    `--user-data-dir=${profile}`,
    // Puppeteer talks over fds 3 and 4; a shared browser also listens on a local port for other processes.
    '--remote-debugging-pipe',
    ...(shareable ? ['--remote-debugging-port=0'] : []),
    'about:blank',
  ];
}

const STDERR_KEPT = 4_000;

/**
 * Spawns Chromium in a process group of its own, with a fresh profile
 * folder. Never throws for a bad binary: `exited` settles instead.
 */
export function startChromium({ executablePath, shareable = false }) {
  // Chromium's shared-memory files go in TMPDIR and outlive a killed browser:
  // inside the profile, they go when it goes. The profile's place keeps its socket path short.
  const { profile, tmp } = makeProfile();
  const child = spawn(executablePath, chromiumArguments({ profile, shareable }), {
    env: { ...process.env, TMPDIR: tmp },
    // Its own group, so the browser and every helper can be killed at once.
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  let resolveEndpoint;
  const endpoint = new Promise((resolve) => (resolveEndpoint = resolve));
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text) => {
    stderr = (stderr + text).slice(-STDERR_KEPT);
    const listening = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
    if (listening) resolveEndpoint(listening[1]);
  });
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
  });
  // The pipes fail with EPIPE when Chromium dies; the connection reports that.
  for (const stream of [child.stdio[3], child.stdio[4]]) stream.on('error', () => undefined);
  return {
    executablePath,
    profile,
    pid: child.pid,
    /** Folio writes protocol messages here (Chromium's fd 3)… */
    input: child.stdio[3],
    /** …and reads Chromium's from here (fd 4). */
    output: child.stdio[4],
    exited,
    endpoint: shareable ? endpoint : undefined,
    stderrTail: () => stderr.trim(),
    /** Closes Folio's ends of the pipes: a connection still waiting on them fails at once, and Node may exit. */
    closePipes() {
      child.stdio[3].destroy();
      child.stdio[4].destroy();
      child.stderr.destroy();
    },
    /** Synchronous, for exit hooks: ends the whole group and removes the profile. */
    killNow() {
      endProcessGroupSync(child.pid);
      this.closePipes();
      rmSync(profile, { recursive: true, force: true });
    },
    /** Called by the launcher that takes this process over; see startChromiumEarly. */
    adopt() {
      this.adopted = true;
    },
    adopted: false,
  };
}

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
/** Commands that start a browser at once (a batch with nothing to render kills it unused). */
const EARLY_COMMANDS = new Set(['render', 'batch']);

/**
 * For bin/folio.js: starts the browser `folio render` or `batch` will need while the
 * rest of Folio loads. Until launchBrowser adopts it, an exit or a signal
 * kills it and removes its profile. Returns undefined for other commands,
 * for help, and when the browser cannot be chosen here (launchBrowser then
 * reports why).
 */
export function startChromiumEarly(argv) {
  const args = argv.slice(2);
  if (!EARLY_COMMANDS.has(args[0]) || args.some((arg) => arg === '-h' || arg === '--help')) return undefined;
  // `batch --queue` renders nothing itself: the queue's workers do.
  if (args.some((arg) => arg === '--queue' || arg.startsWith('--queue='))) return undefined;
  const found = findBrowser();
  // An unusable PUPPETEER_EXECUTABLE_PATH is an error launchBrowser reports.
  if (!found || (process.env.PUPPETEER_EXECUTABLE_PATH && found.source !== 'env')) return undefined;
  // The hooks go in before the browser starts: a Ctrl-C that came between the
  // two would take Node's default action (die at once) and leave it running.
  let started;
  const onExit = () => started?.killNow();
  const onSignal = (signal) => {
    started?.killNow();
    process.exit(SIGNAL_EXIT_CODES[signal]);
  };
  const release = () => {
    process.off('exit', onExit);
    for (const signal of Object.keys(SIGNAL_EXIT_CODES)) process.off(signal, onSignal);
  };
  process.on('exit', onExit);
  for (const signal of Object.keys(SIGNAL_EXIT_CODES)) process.on(signal, onSignal);
  try {
    started = startChromium({ executablePath: found.path });
  } catch {
    release();
    return undefined;
  }
  started.adopt = () => {
    started.adopted = true;
    release();
  };
  return started;
}
