/**
 * `folio preview <issue-dir>` (issue 18): the pages of an issue side by side
 * as a reader opens the paper — A1 alone, then A2|A3, A4|A5 … — each page a
 * preview of its own (the single-page preview, its fit report and proof
 * findings), all fitting in one browser, with the continuations (转版) the
 * pages before it send. A saved page file rebuilds that page and the pages it
 * jumps to; issue.yaml, paper.yaml, a photo, a template or a style rebuilds
 * every page, since any page may show it (issue-page-source.ts).
 */
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import Handlebars from 'handlebars';
import { loadIssue, type LoadedIssue } from '../issue/load.ts';
import { launchBrowser, type ManagedBrowser } from '../paginate/browser.ts';
import { allowedHosts, hostForUrl, isAllowedHost } from './allowed-hosts.ts';
import { capConnections, CONNECTION_CHECK_OPTIONS } from './connection-cap.ts';
import { DEFAULT_PREVIEW_PORT, listen, startPreview, type PreviewOptions, type PreviewServer } from './server.ts';
import { t } from '../i18n/locale.ts';
import { issuePageSource } from './issue-page-source.ts';

export interface IssuePreviewOptions extends Pick<PreviewOptions, 'port' | 'host' | 'log' | 'cacheDir' | 'debug'> {
  /** The issue folder (holding issue.yaml). */
  dir: string;
  browser?: ManagedBrowser;
}

export interface IssuePreviewServer extends Omit<PreviewServer, 'networkUrls'> {
  /** Each page's own preview, in printed order. */
  pages: { label: string; name: string; url: string }[];
}

export async function startIssuePreview(options: IssuePreviewOptions): Promise<IssuePreviewServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const issue = await loadIssue(options.dir);
  const host = options.host ?? '127.0.0.1';
  const browser = options.browser ?? (await launchBrowser());
  const previews: PreviewServer[] = [];
  let index: Server | undefined;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      index?.closeAllConnections();
      await Promise.all([...previews.map((p) => p.close()), index && new Promise<void>((resolve) => index!.close(() => resolve()))]);
      if (!options.browser) await browser.close();
    })());
  try {
    // The spreads' server listens first: the page previews let its origin show them in frames.
    let html: string | undefined;
    index = createServer(CONNECTION_CHECK_OPTIONS);
    capConnections(index);
    const port = await listen(index, options.port ?? DEFAULT_PREVIEW_PORT, host);
    const hosts = allowedHosts(host, port, []);
    index.on('request', (request, response) => {
      const ok = html !== undefined && isAllowedHost(hosts, request.headers.host) && (request.url === '/' || request.url?.startsWith('/?'));
      response.writeHead(ok ? 200 : 404, { 'content-type': ok ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      response.end(ok ? html : 'not found');
    });
    const url = `http://${hostForUrl(host === '0.0.0.0' ? '127.0.0.1' : host)}:${port}/`;
    const latest = { issue };
    const sources = issue.pages.map((page) => issuePageSource(latest, page.file, browser));
    for (const [i, page] of issue.pages.entries()) {
      previews.push(
        await startPreview({
          input: page.file,
          overrides: () => sources[i]!.overrides(),
          concerns: (changed) => sources[i]!.concerns(changed),
          embeddedBy: new URL(url).origin,
          port: 0,
          host,
          browser,
          cacheDir: options.cacheDir,
          debug: options.debug,
          log: (line) => log(`${page.label} ${line}`),
        }),
      );
    }
    const pages = issue.pages.map((page, i) => ({ label: page.label, name: page.name, url: previews[i]!.url }));
    html = spreadShell(issue, pages);
    log(t('preview.issueListening', { dir: path.relative(process.cwd(), issue.dir) || '.', url, pages: pages.length }));
    return { url, pages, ready: Promise.all(previews.map((p) => p.ready)).then(() => undefined), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Spreads as the paper opens: the front page alone, then facing pairs. */
export function spreadsOf<T>(pages: readonly T[]): T[][] {
  const spreads: T[][] = pages.length > 0 ? [[pages[0]!]] : [];
  for (let i = 1; i < pages.length; i += 2) spreads.push(pages.slice(i, i + 2));
  return spreads;
}

const SHELL = Handlebars.compile(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{title}}</title>
<style>
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; background: #5f6368; color: #fff; }
  header { padding: 8px 16px; background: #202124; }
  .spread { display: flex; justify-content: center; gap: 4px; padding: 16px; }
  figure { margin: 0; display: flex; flex-direction: column; }
  figcaption { padding: 2px 4px; }
  iframe { width: 46vw; height: 88vh; border: 0; background: #fff; }
</style></head>
<body><header>{{title}}</header>
{{#each spreads}}<section class="spread" data-spread="{{@index}}">{{#each this}}<figure data-page="{{label}}"><figcaption>{{label}} {{name}}</figcaption><iframe src="{{url}}" title="{{label}} {{name}}"></iframe></figure>{{/each}}</section>
{{/each}}</body></html>`);

function spreadShell(issue: LoadedIssue, pages: { label: string; name: string; url: string }[]): string {
  const title = `${issue.paper.name} ${issue.issue.date}`;
  return SHELL({ title, spreads: spreadsOf(pages) });
}

