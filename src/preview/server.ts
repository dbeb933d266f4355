/**
 * `folio preview`: serves an edition at http://127.0.0.1:<port>/ for proofing
 * in a browser, and rebuilds it when the edition, a template, a stylesheet or
 * a photo is saved. Each rebuild runs the PDF pipeline's own stages up to the
 * copyfit in a headless browser (build-page.ts); the user's browser paginates
 * the fitted page with the same Paged.js, so what is proofed is what prints.
 */
import { stat } from 'node:fs/promises';
import { ensureDir } from '../files/ensure-dir.ts';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { loadContent } from '../content/load.ts';
import type { EditionOverride } from '../content/load.ts';
import { CACHE_DIR, FOLIO_ROOT } from '../defaults.ts';
import { FolioError } from '../errors.ts';
import { launchBrowser, type ManagedBrowser } from '../paginate/browser.ts';
import { previewRoots } from './asset-roots.ts';
import { buildPreviewPage } from './build-page.ts';
import { DocumentFitter } from './fit-document.ts';
import { capConnections, CONNECTION_CHECK_OPTIONS } from './connection-cap.ts';
import { createRoutes } from './routes.ts';
import { ServedFiles } from './served-files.ts';
import { PreviewSession } from './session.ts';
import { describeChanges, watchSources, type SourceWatcher } from './watch.ts';
import { allowedHosts, colleagueUrls, hostForUrl, isLoopback } from './allowed-hosts.ts';
import { t } from '../i18n/locale.ts';

export interface PreviewOptions {
  /** An edition folder or its edition.yaml. */
  input: string;
  /** Default 4173; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  /** More Host names to answer besides the machine's own (a name colleagues reach it by). */
  allowHosts?: readonly string[];
  /** A browser to fit pages in (tests); otherwise one is launched for the session and closed with it. */
  browser?: ManagedBrowser;
  log?: (line: string) => void;
  cacheDir?: string;
  /** Stack traces in error messages, as `folio --debug`. */
  debug?: boolean;
  /** Most connections held open at once (default PREVIEW_CONNECTIONS.max); tests set fewer. */
  maxConnections?: number;
  /** Fields filled from outside the file (an issue page's folio line, the continuations it receives), or how to read them at each rebuild. */
  overrides?: readonly EditionOverride[] | (() => Promise<readonly EditionOverride[]>);
  /** The origin of a page that shows this preview in a frame (the spreads). */
  embeddedBy?: string;
  /** Which saved files concern this page (`<folder label>/<path>`, as the watcher names them); default all. */
  concerns?: (changed: string) => boolean;
}

export interface PreviewServer {
  /** The URL to open on this machine. */
  url: string;
  /** URLs a colleague on the network can open (none when listening on loopback only). */
  networkUrls: string[];
  /** Settles when the first build has finished (a broken edition still settles it: the page shows the error). */
  ready: Promise<void>;
  /** Stops watching, ends the event streams, closes the server and the browser it launched. Safe to call twice. */
  close(): Promise<void>;
}

export const DEFAULT_PREVIEW_PORT = 4173;

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const resolved = path.resolve(options.input);
  const info = await stat(resolved).catch(() => undefined);
  // A missing input fails now, with the message `folio render` gives; a broken edition is shown in the page instead.
  if (!info) await loadContent(options.input);
  const editionDir = info!.isDirectory() ? resolved : path.dirname(resolved);
  const cacheDir = path.resolve(options.cacheDir ?? CACHE_DIR);
  await ensureDir(cacheDir, 'cache');
  const files = await ServedFiles.create(previewRoots(editionDir, cacheDir));

  const browser = options.browser ?? (await launchBrowser());
  const fitter = new DocumentFitter(browser);
  const session = new PreviewSession(
    async () => {
      const { overrides } = options;
      return buildPreviewPage({ input: options.input, overrides: typeof overrides === 'function' ? await overrides() : overrides, fitter, cacheDir, files });
    },
    log,
    options.debug,
  );
  const host = options.host ?? '127.0.0.1';
  let server: Server;
  let port: number;
  try {
    server = createServer(CONNECTION_CHECK_OPTIONS);
    capConnections(server, options.maxConnections);
    port = await listen(server, options.port ?? DEFAULT_PREVIEW_PORT, host);
  } catch (error) {
    await session.close();
    await fitter.close();
    if (!options.browser) await browser.close();
    throw error;
  }
  // Listening on every interface: this machine opens it at loopback.
  const url = `http://${hostForUrl(host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host)}:${port}/`;
  const networkUrls = colleagueUrls(host, port, options.allowHosts);
  server.on('request', createRoutes({ files, session, allowedHosts: allowedHosts(host, port, options.allowHosts), embeddedBy: options.embeddedBy }));
  log(t('preview.listening', { file: displayPath(resolved), url }));
  if (networkUrls.length > 0) log(t('preview.networkUrls', { urls: networkUrls.join('  ') }));

  let watcher: SourceWatcher | undefined;
  let closing: Promise<void> | undefined;
  const close = () => {
    // Everything before the first await runs at once: see stopOnSignal in process.ts.
    closing ??= (async () => {
      const watcherClosed = watcher?.close();
      const sessionClosed = session.close();
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await sessionClosed;
      await watcherClosed;
      await fitter.close();
      await serverClosed;
      if (!options.browser) await browser.close();
    })();
    return closing;
  };
  try {
    watcher = watchSources(
      [
        { dir: editionDir, label: path.basename(editionDir) },
        { dir: path.join(FOLIO_ROOT, 'templates'), label: 'templates' },
        { dir: path.join(FOLIO_ROOT, 'styles'), label: 'styles' },
      ],
      (changed) => {
        const mine = options.concerns ? changed.filter(options.concerns) : changed;
        if (mine.length > 0) void session.rebuild(describeChanges(mine));
      },
      { exclude: [cacheDir], onError: (error) => log(t('preview.watchFailed', { message: error.message })) },
    );
    await watcher.ready;
  } catch (error) {
    await close();
    throw error;
  }
  // Served before the first build is done: the tab shows "Building the page…" until it is.
  return { url, networkUrls, ready: session.rebuild('first build'), close };
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (cause: NodeJS.ErrnoException) => {
      const taken = cause.code === 'EADDRINUSE';
      reject(
        new FolioError(t(taken ? 'preview.portTaken' : 'preview.cannotListen', { port, host }), {
          cause,
          hint: t(taken ? 'preview.portTakenHint' : 'preview.cannotListenHint'),
        }),
      );
    });
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
