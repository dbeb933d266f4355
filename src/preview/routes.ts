/**
 * The preview's HTTP routes. There are four generated ones (the shell, the
 * fitted page, the event stream, the state as JSON); everything else must be
 * a file under an allow-listed root (see served-files.ts) or it is a 404.
 */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { CLIENT_DIR } from './asset-roots.ts';
import { isAllowedHost } from './allowed-hosts.ts';
import { renderShell } from './shell-html.ts';
import type { ServedFiles } from './served-files.ts';
import type { PreviewSession } from './session.ts';

export interface RouteContext {
  files: ServedFiles;
  session: PreviewSession;
  /** Host header values accepted (allowed-hosts.ts), with --host 0.0.0.0 too. */
  allowedHosts: ReadonlySet<string>;
  /** An origin that may show these pages in a frame besides this server: the issue preview's spreads. */
  embeddedBy?: string;
}

// The page runs Folio's scripts only, from this server: edition text can never become script.
const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // Templates and the fit set inline styles; Paged.js inserts <style> elements.
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // Other sites open in the same browser may not embed or read these resources.
  'cross-origin-resource-policy': 'same-origin',
};

export function createRoutes(context: RouteContext) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    if (context.embeddedBy) allowFramingBy(response, context.embeddedBy);
    handle(context, request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'internal error');
      else response.destroy(error instanceof Error ? error : undefined);
    });
  };
}

async function handle(context: RouteContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    return send(response, 405, 'text/plain; charset=utf-8', 'method not allowed');
  }
  // A page elsewhere that rebinds its DNS name to 127.0.0.1 still sends its own Host: refuse it.
  if (!isAllowedHost(context.allowedHosts, request.headers.host)) {
    return send(response, 403, 'text/plain; charset=utf-8', 'unknown host');
  }
  // The raw path, not a normalised URL: resolve() must see `..` and encoded separators to refuse them.
  const rawPath = (request.url ?? '').split('?')[0]!;
  const { session } = context;
  switch (rawPath) {
    case '/':
      return send(response, 200, 'text/html; charset=utf-8', await renderShell(), request);
    case '/_folio/page':
      if (session.page === undefined) return send(response, 503, 'text/plain; charset=utf-8', 'no page built yet');
      return send(response, 200, 'text/html; charset=utf-8', session.page, request);
    case '/_folio/state':
      return send(response, 200, 'application/json; charset=utf-8', JSON.stringify(session.state), request);
    case '/_folio/events':
      if (request.method === 'HEAD') return send(response, 200, 'text/event-stream', '', request);
      setHeaders(response, 'text/event-stream', false);
      return session.subscribe(request, response);
  }
  const file = await context.files.resolve(rawPath);
  if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'not found');
  return sendFile(response, request, file.file, file.contentType, file.immutable);
}

/** Widens frame-ancestors on every page this response sends to one more origin (never to any origin). */
function allowFramingBy(response: ServerResponse, origin: string): void {
  const set = response.setHeader.bind(response);
  response.setHeader = (name, value) =>
    set(name, name.toLowerCase() === 'content-security-policy' ? String(value).replace("frame-ancestors 'self'", `frame-ancestors 'self' ${origin}`) : value);
}

function setHeaders(response: ServerResponse, contentType: string, immutable: boolean): void {
  for (const [name, value] of Object.entries(COMMON_HEADERS)) response.setHeader(name, value);
  response.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-store');
  if (contentType.startsWith('text/html')) response.setHeader('content-security-policy', PAGE_CSP);
}

function send(response: ServerResponse, status: number, contentType: string, body: string, request?: IncomingMessage): void {
  setHeaders(response, contentType, false);
  const bytes = Buffer.from(body);
  response.writeHead(status, { 'content-type': contentType, 'content-length': bytes.length });
  response.end(request?.method === 'HEAD' ? undefined : bytes);
}

function sendFile(response: ServerResponse, request: IncomingMessage, file: string, contentType: string, immutable: boolean): void {
  setHeaders(response, contentType, immutable);
  response.writeHead(200, { 'content-type': contentType });
  if (request.method === 'HEAD') return void response.end();
  const stream = createReadStream(file);
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}
