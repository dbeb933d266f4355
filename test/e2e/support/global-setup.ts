/**
 * Launches the one browser the suite shares and hands its WebSocket endpoint
 * to the test workers; closes it when the run ends. Also brings the CLI's
 * bundle up to date once, before test files start dozens of CLI processes
 * that would otherwise each rebuild it.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchBrowser, type ManagedBrowser } from '../../../src/paginate/browser.ts';

let managed: ManagedBrowser | undefined;

export async function setup(project: TestProject): Promise<void> {
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../../../bin/folio.js'), '--version'], { stdio: 'ignore' });
  managed = await launchBrowser({ shareable: true });
  project.provide('browserWSEndpoint', managed.wsEndpoint!);
}

export async function teardown(): Promise<void> {
  await managed?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    browserWSEndpoint: string;
  }
}
