/** The suite's shared browser (see global-setup.ts), connected once per worker. */
import { inject } from 'vitest';
import { connectBrowser, type ManagedBrowser } from '../../../src/paginate/browser.ts';

let connection: Promise<ManagedBrowser> | undefined;

export function sharedBrowser(): Promise<ManagedBrowser> {
  connection ??= connectBrowser(inject('browserWSEndpoint'));
  return connection;
}
