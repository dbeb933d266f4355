import { EventEmitter } from 'node:events';
import { rmSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';

// What Chromium's spawn sees of this process: the hooks must already be there,
// or a Ctrl-C between the two would kill Folio by default and orphan the browser.
const seenAtSpawn: { sigint: number; exit: number }[] = [];
vi.mock('node:child_process', () => ({
  spawn: () => {
    seenAtSpawn.push({ sigint: process.listenerCount('SIGINT'), exit: process.listenerCount('exit') });
    const child = Object.assign(new EventEmitter(), {
      pid: 999_999_999,
      stderr: Object.assign(new PassThrough(), { setEncoding: () => undefined }),
      stdio: [null, null, new PassThrough(), new PassThrough(), new PassThrough()],
    });
    return child;
  },
}));

describe('startChromiumEarly', () => {
  it('installs its exit and signal hooks before it starts the browser, and removes them when taken over', async () => {
    process.env.PUPPETEER_EXECUTABLE_PATH = process.execPath; // any executable file: spawn is mocked
    const { startChromiumEarly } = await import('../../../src/paginate/chromium-process.mjs');
    const before = { sigint: process.listenerCount('SIGINT'), exit: process.listenerCount('exit') };
    const started = startChromiumEarly(['node', 'folio', 'render', 'content/x'])!;
    try {
      expect(seenAtSpawn).toEqual([{ sigint: before.sigint + 1, exit: before.exit + 1 }]);
      started.adopt();
      expect(process.listenerCount('SIGINT')).toBe(before.sigint);
      expect(process.listenerCount('exit')).toBe(before.exit);
    } finally {
      delete process.env.PUPPETEER_EXECUTABLE_PATH;
      rmSync(started.profile, { recursive: true, force: true });
    }
  });
});
