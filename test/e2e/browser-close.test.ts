/**
 * Closing a launched browser leaves nothing: no Chromium process (the
 * helpers too, which can outlive the browser process) and no profile folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/paginate/browser.ts';
import { liveGroupMembers } from '../../src/paginate/process-group.ts';

function profileOf(pid: number): string {
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  const flag = args.find((arg) => arg.startsWith('--user-data-dir='));
  if (!flag) throw new Error(`no --user-data-dir in the browser's command line: ${args.join(' ')}`);
  return flag.slice('--user-data-dir='.length);
}

describe('launchBrowser().close()', () => {
  it('ends the whole process group before removing the profile, and can be called twice', async () => {
    for (let round = 0; round < 4; round += 1) {
      const managed = await launchBrowser();
      const pid = managed.pid!;
      const profile = profileOf(pid);
      // A page that stores something: the storage service flushes on shutdown.
      const page = await managed.browser.newPage();
      await page.goto('about:blank');
      await page.evaluate('localStorage.setItem("k", "v")').catch(() => undefined);
      expect(liveGroupMembers(pid).length).toBeGreaterThan(1);
      expect(existsSync(profile)).toBe(true);
      await Promise.all([managed.close(), managed.close()]);
      expect(liveGroupMembers(pid)).toEqual([]);
      // Late writes would bring the folder back: look again after a moment.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(existsSync(profile)).toBe(false);
    }
  });
});
