/**
 * Starting Chromium: the browser bin/folio.js starts before Folio loads is
 * taken over by launchBrowser, or cleaned up when nothing takes it; the
 * browser runs nothing but Folio's pages; a browser that dies at once fails
 * the launch quickly with its own words.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../scripts/lib/find-browser.mjs';
import { launchBrowser } from '../../src/paginate/browser.ts';
import { startChromium, startChromiumEarly } from '../../src/paginate/chromium-process.mjs';
import { liveGroupMembers } from '../../src/paginate/process-group.ts';
import { until } from './support/until.ts';

const chromium = () => {
  const found = findBrowser();
  if (!found) throw new Error('no Chromium found for the test');
  return found.path;
};

const UNTIL_MS = 5_000;

describe('startChromiumEarly', () => {
  it('starts nothing for other commands or for help', () => {
    for (const args of [['preview', 'content/x'], ['import', 'page.txt'], ['preflight', 'x.pdf'], ['batch', '--help'], ['render', '--help'], ['render', 'x', '-h'], ['--version'], []]) {
      expect(startChromiumEarly(['node', 'folio', ...args]), args.join(' ')).toBeUndefined();
    }
  });

  it('starts the browser for render and batch; one nobody takes over is killed with its profile', async () => {
    const forBatch = startChromiumEarly(['node', 'folio', 'batch', 'content', '-j', '2'])!;
    expect(forBatch).toBeDefined();
    forBatch.killNow();
    const listeners = process.listenerCount('SIGINT');
    const started = startChromiumEarly(['node', 'folio', 'render', 'content/wuzhi-2024'])!;
    expect(started).toBeDefined();
    // Until a launcher takes it over, Ctrl-C must not leave it running.
    expect(process.listenerCount('SIGINT')).toBe(listeners + 1);
    await until('the browser to start its helpers', () => liveGroupMembers(started.pid!).length > 1, UNTIL_MS);
    expect(existsSync(started.profile)).toBe(true);
    started.killNow();
    await until('the group to end', () => liveGroupMembers(started.pid!).length === 0, UNTIL_MS);
    expect(existsSync(started.profile)).toBe(false);
  });
});

describe('launchBrowser', () => {
  it('takes over a browser started early: same process, its hooks handed over, closed cleanly', async () => {
    const before = process.listeners('SIGINT');
    const started = startChromiumEarly(['node', 'folio', 'render', 'content/wuzhi-2024'])!;
    const early = process.listeners('SIGINT').filter((listener) => !before.includes(listener));
    expect(early).toHaveLength(1);
    const managed = await launchBrowser({ started });
    expect(managed.pid).toBe(started.pid);
    expect(started.adopted).toBe(true);
    // Its early hooks are gone: from now on launchBrowser's own close it.
    expect(process.listeners('SIGINT')).not.toContain(early[0]);
    const page = (await managed.takeStartupTab())!;
    expect(page).toBeDefined();
    await page.setContent('<p>你好</p>');
    expect(await page.evaluate('document.querySelector("p").textContent')).toBe('你好');
    await managed.close();
    expect(liveGroupMembers(started.pid!)).toEqual([]);
    expect(existsSync(started.profile)).toBe(false);
  });

  it('runs only the pages Folio opens: no WebUI page of its own (the address-bar popup Chromium preloads)', async () => {
    const managed = await launchBrowser();
    try {
      const page = (await managed.takeStartupTab())!;
      await page.goto('about:blank');
      // Give a preloaded WebUI page time to appear.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const session = await managed.browser.target().createCDPSession();
      const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
      expect(targetInfos.map((target) => `${target.type} ${target.url}`)).toEqual(['page about:blank']);
    } finally {
      await managed.close();
    }
  });

  it('gives a shareable browser a WebSocket endpoint other processes can connect to', async () => {
    const managed = await launchBrowser({ shareable: true });
    try {
      expect(managed.wsEndpoint).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/devtools\/browser\//);
    } finally {
      await managed.close();
    }
  });

  describe('a browser that dies at once', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'folio-launch-'));
      await writeFile(path.join(dir, 'crash.sh'), '#!/bin/sh\necho "no display for you" >&2\nexit 3\n');
      await chmod(path.join(dir, 'crash.sh'), 0o755);
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it('fails the launch at once, quoting its stderr, and leaves no profile', async () => {
      const started = startChromium({ executablePath: path.join(dir, 'crash.sh') });
      // It has died before the launcher listens to its pipe (as an early start can).
      await started.exited;
      const begun = Date.now();
      const failure = await launchBrowser({ started, timeoutMs: 30_000 }).catch((error: Error) => error);
      expect(failure).toBeInstanceOf(Error);
      const cause = (failure as Error & { cause?: Error }).cause;
      expect(String(cause?.message)).toMatch(/exited with code 3 before it was ready:\nno display for you/);
      expect(Date.now() - begun).toBeLessThan(5_000);
      expect(existsSync(started.profile)).toBe(false);
    });
  });

  it('kills an early browser started from another binary than the one asked for', async () => {
    const other = startChromium({ executablePath: chromium() });
    const managed = await launchBrowser({ started: other, executablePath: '/bin/false-chromium-that-is-not-it' }).catch((error: Error) => error);
    // A different executable was asked for: the early browser is killed, not used.
    expect(managed).toBeInstanceOf(Error);
    await until('the early group to end', () => liveGroupMembers(other.pid!).length === 0, UNTIL_MS);
    expect(existsSync(other.profile)).toBe(false);
  });
});
