/**
 * Bounds the preview's open connections (issue 16, case 12). Held idle
 * connections each cost a file descriptor: at about 1,100 of them under a
 * 1,024 descriptor limit the preview stopped answering and rebuilds failed
 * with EMFILE. Node's own `server.maxConnections` would keep the descriptors
 * but refuse every new visitor while the idle ones are held; instead, as
 * nginx does with keep-alive connections when it runs out, a new connection
 * at the cap closes the oldest one that carries no request (an idle
 * keep-alive, or one that never finished its headers), else the one whose
 * request has run longest (an event stream, which the page re-opens by itself).
 * Connections that never send their headers are also closed after a timeout.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { PREVIEW_CONNECTIONS } from '../defaults.ts';

interface Held {
  /** When its request in flight started; undefined while it carries none. */
  requestSince?: number;
}

/** Server options for createServer: how often Node looks for connections past their header timeout. */
export const CONNECTION_CHECK_OPTIONS = { connectionsCheckingInterval: PREVIEW_CONNECTIONS.checkIntervalMs } as const;

export function capConnections(server: Server, max: number = PREVIEW_CONNECTIONS.max): void {
  server.headersTimeout = PREVIEW_CONNECTIONS.headersTimeoutMs;
  server.requestTimeout = PREVIEW_CONNECTIONS.requestTimeoutMs;
  // Insertion order is age: the first entry is the oldest connection.
  const open = new Map<Socket, Held>();
  server.on('connection', (socket: Socket) => {
    if (open.size >= max) evictOne(open);
    open.set(socket, {});
    socket.once('close', () => open.delete(socket));
  });
  server.on('request', (request, response) => {
    const held = open.get(request.socket);
    if (!held) return;
    held.requestSince = Date.now();
    response.once('close', () => (held.requestSince = undefined));
  });
}

function evictOne(open: Map<Socket, Held>): void {
  let victim: Socket | undefined;
  let since = Infinity;
  for (const [socket, held] of open) {
    if (held.requestSince === undefined) {
      victim = socket;
      break;
    }
    if (held.requestSince < since) [victim, since] = [socket, held.requestSince];
  }
  if (!victim) return;
  open.delete(victim);
  victim.destroy();
}
