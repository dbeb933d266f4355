/**
 * Fuzzing the content loader: whatever text an editor saves as edition.yaml,
 * parseEdition either returns an edition or throws ContentError (exit code 2)
 * that names the file and a line inside it. Anything else (a TypeError, a
 * ReferenceError from the YAML library, a hang) reaches the user as a crash.
 *
 * FOLIO_FUZZ_RUNS=100000 for a longer run; FOLIO_FUZZ_SEED=<seed> to replay.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEdition } from '../../../src/content/load.ts';
import { ContentError, describeError, FolioError } from '../../../src/errors.ts';
import { stringify } from 'yaml';
import { EditionSchema } from '../../../src/content/schema.ts';
import { damagedEditionText, FUZZ_RUNS, FUZZ_SEED, randomText, validEdition, yamlishText } from './arbitraries.ts';
import { collectNodeWarnings, ensure } from './support.ts';

const FILE = 'fuzz/edition.yaml';

/**
 * Known bugs the fuzzer hits (see the it.fails tests below): tolerated here so
 * the fuzz run keeps looking for new ones. Remove an entry once its bug is fixed.
 */
const KNOWN_BUGS: { name: string; matches(error: unknown): boolean }[] = [];

function lineCount(source: string): number {
  return source.split(/\r\n|\r|\n/).length;
}

/** Parses and checks that any failure is a well-formed ContentError; returns the name of a known bug it hit, if any. */
function check(source: string): string | undefined {
  let edition: unknown;
  try {
    edition = parseEdition(source, FILE);
  } catch (error) {
    const known = KNOWN_BUGS.find((bug) => bug.matches(error));
    if (known) return known.name;
    if (!(error instanceof ContentError)) throw error;
    ensure(error instanceof FolioError && error.exitCode === 2, 'exit code 2', error);
    ensure(error.location?.file === FILE, 'the location names the file', error);
    const line = error.location?.line;
    if (line !== undefined) ensure(line >= 1 && line <= lineCount(source) + 1, `line ${line} lies inside the file`, error);
    const text = describeError(error);
    ensure(text.startsWith('error: ') && text.includes('\n  fix: '), 'the message has an error line and a fix', error);
    ensure(!/^\s+at /m.test(text), 'no stack trace without --debug', error);
    return undefined;
  }
  ensure(Object.isFrozen(edition), 'the edition is frozen');
  return undefined;
}

/** Node warnings from the yaml library (a known bug, see below) are collected, not printed thousands of times. */
const warnings = collectNodeWarnings();

describe('parseEdition under fuzzing', () => {
  it(`throws only ContentError, with a location inside the file (${FUZZ_RUNS} cases)`, async () => {
    const hits = new Map<string, number>();
    const warningsBefore = warnings.length;
    const started = performance.now();
    const cpu = process.cpuUsage();
    fc.assert(
      fc.property(
        fc.oneof(
          { weight: 4, arbitrary: yamlishText },
          { weight: 4, arbitrary: damagedEditionText },
          { weight: 2, arbitrary: randomText },
        ),
        (source) => {
          const known = check(source);
          if (known) hits.set(known, (hits.get(known) ?? 0) + 1);
        },
      ),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
    // process.emitWarning delivers on a later tick.
    await new Promise((resolve) => setImmediate(resolve));
    if (warnings.length > warningsBefore) hits.set('Node warning printed by the yaml library', warnings.length - warningsBefore);
    const ms = performance.now() - started;
    if (hits.size > 0 || process.env.FOLIO_FUZZ_VERBOSE) {
      console.info(`parseEdition fuzz: ${FUZZ_RUNS} cases in ${Math.round(ms)} ms (${Math.round(process.cpuUsage(cpu).user / 1000)} ms CPU); known bugs hit: ${JSON.stringify(Object.fromEntries(hits))}`);
    }
  });

  it('loads every valid edition, block or flow style, to what the schema makes of it', () => {
    fc.assert(
      fc.property(validEdition, fc.boolean(), (edition, flow) => {
        const plain = JSON.parse(JSON.stringify(edition)) as unknown;
        const source = stringify(plain, flow ? { collectionStyle: 'flow' } : undefined);
        expect(parseEdition(source, FILE)).toEqual(EditionSchema.parse(plain));
      }),
      { numRuns: 300, seed: FUZZ_SEED },
    );
  });

  it('gives the same answer for the same text twice (no state leaks between loads)', () => {
    fc.assert(
      fc.property(damagedEditionText, (source) => {
        let first: unknown;
        let second: unknown;
        try {
          first = parseEdition(source, FILE);
        } catch (error) {
          first = error instanceof Error ? error.message : error;
        }
        try {
          second = parseEdition(source, FILE);
        } catch (error) {
          second = error instanceof Error ? error.message : error;
        }
        expect(second).toEqual(first);
      }),
      { numRuns: 300, seed: FUZZ_SEED },
    );
  });

  // The yaml library throws a ReferenceError for an alias whose anchor does not exist. A value
  // starting with `*` (emphasis typed by an editor, e.g. `title: *擎旗领跑*`) hits it; parseEdition
  // must turn it into a ContentError with the line.
  it('reports an alias with no anchor (`title: *擎旗领跑*`) as ContentError with its line', () => {
    const source = 'headline:\n  title: *擎旗领跑*\nsections: []\n';
    let caught: unknown;
    try {
      parseEdition(source, FILE);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ContentError);
    expect((caught as ContentError).location).toMatchObject({ file: FILE, line: 2 });
  });

  // A mapping key that is itself a list or mapping (`? [a, b]` or a stray `{` at the start of a line)
  // makes the yaml library call process.emitWarning(…), which Node would print beside Folio's message.
  it('emits no Node process warning for a collection used as a key', async () => {
    const before = warnings.length;
    expect(() => parseEdition('? [a, b]\n: c\nheadline: {title: 擎旗领跑}\n', FILE)).toThrow(ContentError);
    // process.emitWarning delivers on a later tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.slice(before)).toEqual([]);
  });

  // An alias bomb makes toJS() throw ReferenceError("Excessive alias count …").
  it('reports an alias bomb as ContentError', () => {
    const source = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'headline: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      '',
    ].join('\n');
    expect(() => parseEdition(source, FILE)).toThrow(ContentError);
  });
});
