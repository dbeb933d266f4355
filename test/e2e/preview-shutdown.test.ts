/**
 * `folio preview` as a process: it prints its URL and serves, and on Ctrl-C,
 * even in the middle of a build, it stops serving and leaves no Chromium behind.
 */
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(path.join(os.tmpdir(), 'folio-preview-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Pids of the process's descendants (Chromium and its helpers). */
function descendants(pid: number): number[] {
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const visit = (parent: number) => {
    for (const [child, ppid] of table) {
      if (ppid === parent) {
        found.push(child);
        visit(child);
      }
    }
  };
  visit(pid);
  return found;
}

/** Running, not a zombie: in containers whose init does not reap, an exited Chromium lingers as one. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

describe('folio preview process', () => {
  it('serves until Ctrl-C, then exits 130 leaving no browser or server behind', async () => {
    const edition = path.join(root, 'wuzhi');
    cpSync('content/wuzhi-2024', edition, { recursive: true });
    const child = spawn(process.execPath, ['bin/folio.js', 'preview', edition, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    // Interrupted as soon as it serves, while the first build is still running in its browser.
    const urlPattern = /at (http:\/\/127\.0\.0\.1:\d+\/)/;
    await until(() => urlPattern.test(output) || child.exitCode !== null, 60_000);
    const url = output.match(urlPattern)?.[1];
    expect(url, output).toBeTruthy();
    expect((await fetch(url!)).status).toBe(200);
    const browserPids = descendants(child.pid!);
    expect(browserPids.length).toBeGreaterThan(0);

    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(output).toContain('stopping the preview');
    await until(() => !browserPids.some(running), 5_000);
    expect(browserPids.filter(running)).toEqual([]);
    await expect(fetch(url!)).rejects.toThrow();
  });
});
