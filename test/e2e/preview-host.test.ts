/**
 * `folio preview --host 0.0.0.0` (issue 15, item 5): colleagues on the
 * network can open it by the machine's addresses, and the Host check stays
 * on, so a page elsewhere that rebinds its DNS name to this machine is refused.
 * Held connections are capped (issue 16, case 12): the cap is set low here.
 */
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/server.ts';
import { sharedBrowser } from './support/browser.ts';

const CAP = 20;
let preview: PreviewServer;
let port: string;

beforeAll(async () => {
  const browser = await sharedBrowser();
  preview = await startPreview({ input: 'content/wuzhi-2024', host: '0.0.0.0', port: 0, browser, allowHosts: ['proof.newsroom'], log: () => {}, maxConnections: CAP });
  port = new URL(preview.url).port;
});

afterAll(async () => {
  await preview?.close();
});

function statusFor(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

const externalIpv4 = Object.values(os.networkInterfaces())
  .flat()
  .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;

describe('folio preview --host 0.0.0.0', () => {
  it('prints a URL this machine can open and the addresses a colleague can', () => {
    expect(preview.url).toBe(`http://127.0.0.1:${port}/`);
    expect(preview.networkUrls).toContain(`http://${os.hostname()}:${port}/`);
    expect(preview.networkUrls).toContain(`http://proof.newsroom:${port}/`);
    if (externalIpv4) expect(preview.networkUrls).toContain(`http://${externalIpv4}:${port}/`);
    expect(preview.networkUrls.some((url) => url.includes('0.0.0.0'))).toBe(false);
  });

  it("answers the machine's own names and addresses and --allow-host names", async () => {
    const hosts = [`127.0.0.1:${port}`, `localhost:${port}`, `${os.hostname()}:${port}`, `PROOF.newsroom:${port}`];
    if (externalIpv4) hosts.push(`${externalIpv4}:${port}`);
    for (const host of hosts) expect([host, await statusFor(host)]).toEqual([host, 200]);
  });

  it('refuses any other Host, as a DNS-rebinding page would send', async () => {
    for (const host of [`attacker.example:${port}`, 'attacker.example', `127.0.0.1.attacker.example:${port}`, `localhost:${Number(port) + 1}`]) {
      expect([host, await statusFor(host)]).toEqual([host, 403]);
    }
  });
});

describe('held connections (issue 16, case 12)', () => {
  it('hundreds of idle or half-sent connections: the preview holds at most its cap and still answers a fresh request', async () => {
    const HELD = 300;
    const sockets: Socket[] = [];
    let closedByServer = 0;
    await Promise.all(
      Array.from({ length: HELD }, (_, i) =>
        new Promise<void>((resolve, reject) => {
          const socket = connect({ host: '127.0.0.1', port: Number(port) }, () => {
            // Every third one starts a request and never finishes its headers (slowloris).
            if (i % 3 === 0) socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
            resolve();
          });
          socket.on('error', () => undefined);
          socket.on('close', () => (closedByServer += 1));
          socket.once('error', reject);
          sockets.push(socket);
        }),
      ),
    );
    try {
      expect(await statusFor(`127.0.0.1:${port}`)).toBe(200);
      // The server closes the oldest idle connections as new ones arrive: the rest of the held ones.
      const deadline = Date.now() + 20_000;
      while (closedByServer < HELD - CAP && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(closedByServer).toBeGreaterThanOrEqual(HELD - CAP);
    } finally {
      for (const socket of sockets) socket.destroy();
    }
  });
});
