/**
 * Launches the one browser the suite shares and hands its WebSocket endpoint
 * to the test workers; closes it when the run ends.
 */
import type { TestProject } from 'vitest/node';
import { launchBrowser, type ManagedBrowser } from '../../../src/paginate/browser.ts';

let managed: ManagedBrowser | undefined;

export async function setup(project: TestProject): Promise<void> {
  managed = await launchBrowser();
  project.provide('browserWSEndpoint', managed.browser.wsEndpoint());
}

export async function teardown(): Promise<void> {
  await managed?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    browserWSEndpoint: string;
  }
}
