/**
 * Times the steps of a stage into a record of milliseconds, checking the
 * abort signal before each step starts.
 */
export function stepTimer<K extends string>(timings: Record<K, number>, signal?: AbortSignal) {
  return async <T>(step: K, run: () => Promise<T>): Promise<T> => {
    signal?.throwIfAborted();
    const start = performance.now();
    try {
      return await run();
    } finally {
      timings[step] = Math.round(performance.now() - start);
    }
  };
}
