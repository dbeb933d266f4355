/** Polling for a state another process reaches in its own time (a browser starting, a process group ending). */

/** Resolves with the probe's first truthy value; fails, naming `what`, after `timeoutMs`. */
export async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
