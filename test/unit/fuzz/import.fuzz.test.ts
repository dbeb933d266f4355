/**
 * Fuzzing the importer: whatever page text comes in, importText returns an
 * edition or throws ContentError (exit code 2) for unusable text. Any other
 * error, including its own FolioError "produced an edition that does not
 * load: this is a bug in folio import", is a bug.
 *
 * FOLIO_FUZZ_RUNS=100000 for a longer run; FOLIO_FUZZ_SEED=<seed> to replay.
 * (test/unit/content/import/property.test.ts checks the content of the result
 * on fewer cases; this file only hunts for crashes, at volume.)
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { importText } from '../../../src/content/import/import.ts';
import { ContentError, describeError } from '../../../src/errors.ts';
import { damagedEditionText, FUZZ_RUNS, FUZZ_SEED, pageText, randomText, yamlishText } from './arbitraries.ts';
import { collectNodeWarnings, ensure } from './support.ts';

const SOURCE = 'fuzz.txt';

function check(text: string): void {
  let result: ReturnType<typeof importText>;
  try {
    result = importText(text, { sourceName: SOURCE });
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    ensure(error.exitCode === 2, 'exit code 2', error);
    const message = describeError(error);
    ensure(message.includes(SOURCE), 'the message names the source', error);
    ensure(message.includes('\n  fix: '), 'the message says what to do', error);
    return;
  }
  if (result.shape === 'feature') ensure(result.edition.sections.length > 0, 'an imported edition has a section');
  else ensure(result.page.modules.length > 0, 'an imported page has a module');
  if (result.shape === 'feature') ensure(result.yaml.startsWith('# yaml-language-server: $schema='), 'the YAML starts with the schema modeline');
  for (const warning of result.warnings) ensure(Number.isInteger(warning.line) && warning.line >= 1, `warning line ${warning.line} is a line number`);
}

const warnings = collectNodeWarnings();

describe('importText under fuzzing', () => {
  it(`throws only ContentError (${FUZZ_RUNS} cases)`, async () => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    fc.assert(
      fc.property(
        fc.oneof(
          { weight: 6, arbitrary: pageText },
          { weight: 2, arbitrary: randomText },
          { weight: 1, arbitrary: yamlishText },
          { weight: 1, arbitrary: damagedEditionText },
        ),
        check,
      ),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
    await new Promise((resolve) => setImmediate(resolve));
    if (process.env.FOLIO_FUZZ_VERBOSE || warnings.length > 0) {
      console.info(`importText fuzz: ${FUZZ_RUNS} cases in ${Math.round(performance.now() - started)} ms (${Math.round(process.cpuUsage(cpu).user / 1000)} ms CPU); Node warnings: ${warnings.length}`);
    }
  });

  it('throws only ContentError for an --id that is not a slug', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), pageText, (id, text) => {
        try {
          importText(text, { id, sourceName: SOURCE });
        } catch (error) {
          if (!(error instanceof ContentError)) throw error;
        }
      }),
      { numRuns: 300, seed: FUZZ_SEED },
    );
  });
});
