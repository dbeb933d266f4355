/**
 * The state of one preview: the last good page, the outcome of the latest
 * build, and the browsers listening for changes over Server-Sent Events.
 * Rebuilds run one at a time; saves that arrive during a build are folded
 * into a single follow-up build, so a burst of saves costs two builds at most.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeError } from '../errors.ts';
import type { PreviewPage } from './build-page.ts';
import type { PreviewReport } from './fit-summary.ts';
import type { ProofFinding } from './proof-findings.ts';

/** What the browser is told after every change; the page HTML itself is fetched separately. */
export interface PreviewState {
  /** Differs per server run, so a tab that reconnects to a restarted preview reloads its page. */
  session: string;
  status: 'building' | 'ok' | 'error';
  /** Version of the last good page (0: none yet). The client loads /_folio/page?v=<pageVersion>. */
  pageVersion: number;
  id?: string;
  title?: string;
  /** The error as the CLI prints it (describeError), when the latest build failed. */
  error?: string;
  warnings: string[];
  /** Preflight findings known before the PDF (proof-findings.ts). */
  findings?: ProofFinding[];
  report?: PreviewReport;
  /** Seconds the latest build took, and what started it. */
  seconds?: number;
  reason?: string;
}

const HEARTBEAT_MS = 15_000;

export class PreviewSession {
  state: PreviewState = { session: randomUUID(), status: 'building', pageVersion: 0, warnings: [] };
  /** The last good page: an invalid edition leaves it in place under the error overlay. */
  page?: string;
  private readonly clients = new Set<ServerResponse>();
  private pending?: string;
  private running?: Promise<void>;
  private closed = false;
  private readonly heartbeat = setInterval(() => this.send(': keepalive\n\n'), HEARTBEAT_MS);

  constructor(
    private readonly build: () => Promise<PreviewPage>,
    private readonly log: (line: string) => void,
    private readonly debug = false,
  ) {
    this.heartbeat.unref();
  }

  /** Asks for a rebuild; resolves when no build is left to run. */
  rebuild(reason: string): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.pending = reason;
    this.running ??= this.drain();
    return this.running;
  }

  private async drain(): Promise<void> {
    while (this.pending !== undefined && !this.closed) {
      const reason = this.pending;
      this.pending = undefined;
      await this.buildOnce(reason);
    }
    this.running = undefined;
  }

  private async buildOnce(reason: string): Promise<void> {
    this.update({ ...this.state, status: 'building', reason });
    const start = performance.now();
    const seconds = () => Math.round(performance.now() - start) / 1000;
    try {
      const page = await this.build();
      if (this.closed) return;
      this.page = page.html;
      const { id, title, warnings, report, findings } = page;
      this.update({ session: this.state.session, status: 'ok', pageVersion: this.state.pageVersion + 1, id, title, warnings, findings, report, seconds: seconds(), reason });
      this.log(`built ${id} in ${seconds().toFixed(2)} s (${reason})`);
      for (const warning of warnings) this.log(`warning: ${warning}`);
    } catch (error) {
      if (this.closed) return;
      const message = describeError(error, this.debug);
      this.update({ ...this.state, status: 'error', error: message, seconds: seconds(), reason });
      this.log(`build failed after ${seconds().toFixed(2)} s (${reason}); the last good page stays in the browser:`);
      this.log(message);
    }
  }

  /** Streams state changes to one browser tab, starting with the current state. */
  subscribe(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    // A dropped connection (server restart) is retried after a second.
    response.write(`retry: 1000\n\n${this.event()}`);
    this.clients.add(response);
    request.on('close', () => this.clients.delete(response));
  }

  /** Ends every stream and waits for a build in progress, so its browser page is closed before the browser. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    this.clients.clear();
    await this.running;
  }

  /** A build in progress keeps the previous error: the overlay stays until a build succeeds. */
  private update(state: PreviewState): void {
    this.state = state;
    this.send(this.event());
  }

  private event(): string {
    return `event: state\ndata: ${JSON.stringify(this.state)}\n\n`;
  }

  private send(chunk: string): void {
    for (const client of this.clients) client.write(chunk);
  }
}
