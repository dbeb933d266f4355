/**
 * How fast the fuzzed functions are, per kind of input, and what the fuzz
 * inputs lead to (loaded, ContentError, anything else), so the 10,000-case
 * runs in test/unit/fuzz stay a few seconds and keep reaching past the
 * parser. `npx tsx bench/fuzz.ts [cases per kind, default 3000]`.
 */
import fc from 'fast-check';
import { parseEdition } from '../src/content/load.ts';
import { importText } from '../src/content/import/import.ts';
import { ContentError } from '../src/errors.ts';
import { damagedEditionText, pageText, randomText, yamlishText } from '../test/unit/fuzz/arbitraries.ts';

const runs = Number(process.argv[2] ?? 3000);
// The yaml library warns through process.emitWarning on collection keys; count, do not print.
let warnings = 0;
process.removeAllListeners('warning');
process.on('warning', () => (warnings += 1));

const targets = {
  parseEdition: (text: string) => parseEdition(text, 'bench.yaml'),
  importText: (text: string) => importText(text, { sourceName: 'bench.txt' }),
};
const kinds = { yamlishText, damagedEditionText, pageText, randomText };

for (const [target, run] of Object.entries(targets)) {
  for (const [kind, arbitrary] of Object.entries(kinds)) {
    let started = performance.now();
    const samples = fc.sample(arbitrary, { numRuns: runs, seed: 1 });
    const generateMs = performance.now() - started;
    const outcomes: Record<string, number> = {};
    let slowest = { ms: 0, length: 0 };
    started = performance.now();
    for (const text of samples) {
      const one = performance.now();
      let outcome = 'ok';
      try {
        run(text);
      } catch (error) {
        outcome = error instanceof ContentError ? 'ContentError' : `${(error as Error)?.constructor?.name}: ${String((error as Error)?.message).slice(0, 60)}`;
      }
      const ms = performance.now() - one;
      if (ms > slowest.ms) slowest = { ms, length: text.length };
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
    const runMs = performance.now() - started;
    const meanLength = Math.round(samples.reduce((sum, text) => sum + text.length, 0) / samples.length);
    console.log(
      `${target} × ${kind}: ${runs} cases, generate ${Math.round(generateMs)} ms, run ${Math.round(runMs)} ms ` +
        `(${((runMs / runs) * 1000).toFixed(0)} µs each, mean ${meanLength} chars, slowest ${slowest.ms.toFixed(1)} ms at ${slowest.length} chars); ` +
        JSON.stringify(outcomes),
    );
  }
}
await new Promise((resolve) => setImmediate(resolve));
console.log(`Node warnings emitted: ${warnings}`);
