/**
 * What both fuzz files need besides their arbitraries: a cheap assertion and
 * a place for Node's warnings to go.
 */
import { afterAll, beforeAll } from 'vitest';

/** Throws (failing the property) with a message that names what was wrong. Plain checks: expect() is too slow for 10,000 cases. */
export function ensure(condition: boolean, what: string, error?: unknown): void {
  if (!condition) throw new Error(`${what}${error instanceof Error ? `: ${error.message}` : ''}`, { cause: error });
}

/**
 * Collects Node's process warnings for the test file instead of letting them
 * print (the yaml library can emit one per case); the returned array fills as
 * they come. The file's own warning listeners are restored afterwards.
 */
export function collectNodeWarnings(): string[] {
  const warnings: string[] = [];
  let savedListeners: NodeJS.WarningListener[] = [];
  beforeAll(() => {
    savedListeners = process.listeners('warning');
    process.removeAllListeners('warning');
    process.on('warning', (warning) => warnings.push(warning.message));
  });
  afterAll(async () => {
    await new Promise((resolve) => setImmediate(resolve));
    process.removeAllListeners('warning');
    for (const listener of savedListeners) process.on('warning', listener);
  });
  return warnings;
}
