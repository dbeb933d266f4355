/**
 * The bad-input corpus (test/fixtures/invalid/<case>/): every case runs the
 * real CLI, `node bin/folio.js render <case> -o <empty folder>/<case>.pdf`,
 * and must
 * - exit 2 (bad input) or 1 (Folio or its environment failed), as listed;
 * - print ONE message on stderr (one `error:` line, its causes and a `fix:`)
 *   naming the file, the line or field, and what to do: the listed regexes;
 * - print no stack trace (no `    at …` line) unless --debug, and no Node warning;
 * - leave no PDF and no `*.tmp` in the output folder, nothing in its private
 *   TMPDIR (no folio-page-*, no browser profile) and no process running.
 *
 * The cases run up front, four CLI processes at a time (each start costs
 * ~0.7 s; most cases fail before the browser starts), then each is checked
 * in its own test. A case marked `bug` is a known bug in src/ that the lead
 * fixes: its test is `it.fails` until then.
 */
import { spawn } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.join(ROOT, 'test/fixtures/invalid');
const FOLIO = path.join(ROOT, 'bin/folio.js');
const CONCURRENCY = 4;
const CASE_TIMEOUT_MS = 60_000;

interface Context {
  /** Scratch folder of this run. */
  work: string;
  /** A copy of templates/ with partials/head.hbs removed. */
  templatesWithoutHead: string;
  /** An executable that exits 1 at once, posing as Chromium. */
  crashingBrowser: string;
  /** Private TMPDIRs of the runs, removed at the end. */
  temps: string[];
}

interface Case {
  /** Folder under test/fixtures/invalid/. */
  name: string;
  /** Test title; default the folder name. */
  title?: string;
  exit: 1 | 2;
  /** Every one must match stderr. */
  message: RegExp[];
  /** What to pass as the edition; default the case folder. `dir` is the folder the case runs from. */
  input?: (dir: string) => string;
  /** Extra arguments after the edition and -o. */
  args?: (context: Context) => string[];
  env?: (context: Context) => Record<string, string>;
  /** The -o path; default <empty output folder>/<name>.pdf. May prepare the output folder. */
  output?: (outDir: string) => Promise<string>;
  /** Runs the case from a scratch copy of its folder, after this prepares it. */
  setup?: (dir: string, context: Context) => Promise<void>;
  /** A commander usage error: no `fix:` line, the usage text instead. */
  usage?: boolean;
  debug?: boolean;
  /** A known bug in src/ (file, what is wrong): the test is it.fails until it is fixed. */
  bug?: string;
}

/** The edition file of a case, as the message names it (relative to the repo, or the scratch copy). */
const file = (name: string) => new RegExp(`(?:test/fixtures/invalid/${name}|${name})/edition\\.yaml`);
const at = (name: string, line: number, field?: string) =>
  new RegExp(`${file(name).source}:${line}:\\d+${field === undefined ? '' : ` \\(${field.replace(/[[\].]/g, '\\$&')}\\)`}`);
const SYNTAX_FIX = /fix: Fix the YAML syntax at that line/;
const SCHEMA_FIX = /fix: Check the schema reference/;

const CASES: Case[] = [
  // YAML syntax
  { name: 'yaml-bad-indent', exit: 2, message: [new RegExp(`${file('yaml-bad-indent').source}:[34]:\\d+: invalid YAML`), SYNTAX_FIX] },
  {
    name: 'yaml-unclosed-quote',
    exit: 2,
    message: [at('yaml-unclosed-quote', 3), /invalid YAML: Missing closing "quote/, SYNTAX_FIX],
  },
  { name: 'yaml-tab-indent', exit: 2, message: [at('yaml-tab-indent', 3), /invalid YAML: Tabs are not allowed as indentation/, SYNTAX_FIX] },
  { name: 'yaml-duplicate-key', exit: 2, message: [at('yaml-duplicate-key', 7), /invalid YAML: Map keys must be unique/, SYNTAX_FIX] },
  { name: 'yaml-unclosed-flow', exit: 2, message: [new RegExp(`${file('yaml-unclosed-flow').source}:(9|10):\\d+: invalid YAML: .*\\]`), SYNTAX_FIX] },
  { name: 'yaml-missing-colon', exit: 2, message: [at('yaml-missing-colon', 4), /invalid YAML/, SYNTAX_FIX] },
  {
    name: 'yaml-fullwidth-colon',
    exit: 2,
    message: [at('yaml-fullwidth-colon', 2), /invalid YAML/, /：|full-width colon/],
  },
  { name: 'yaml-empty', exit: 2, message: [new RegExp(`${file('yaml-empty').source}: the edition file is empty`), SCHEMA_FIX] },
  { name: 'yaml-top-level-list', exit: 2, message: [at('yaml-top-level-list', 2), /must be a mapping of keys/, SCHEMA_FIX] },
  { name: 'yaml-binary', exit: 2, message: [new RegExp(`${file('yaml-binary').source}:2: the file is not UTF-8: byte 0xff at byte offset 48; it looks like a binary file`), /fix: save the edition as UTF-8/] },
  // Encodings (issue 16): an edition must be UTF-8; the message names the line, the byte offset and what the file looks like.
  { name: 'encoding-invalid-utf8', exit: 2, message: [new RegExp(`${file('encoding-invalid-utf8').source}:3: the file is not UTF-8: byte 0xe9 at byte offset \\d+`), /fix: save the edition as UTF-8/] },
  { name: 'encoding-utf16', exit: 2, message: [new RegExp(`${file('encoding-utf16').source}:1: the file is not UTF-8: byte 0xff at byte offset 0; it looks like UTF-16LE`), /fix: save the edition as UTF-8/] },
  { name: 'encoding-gbk', exit: 2, message: [new RegExp(`${file('encoding-gbk').source}:\\d+: the file is not UTF-8: .*; it looks like GB18030 \\(GBK\\)`), /fix: save the edition as UTF-8/] },
  {
    name: 'yaml-star-alias',
    exit: 2,
    message: [at('yaml-star-alias', 3), /alias/i, /fix: .*quote/i],
  },
  {
    name: 'yaml-alias-bomb',
    exit: 2,
    message: [file('yaml-alias-bomb'), /alias/i, /fix: /],
  },
  {
    name: 'yaml-bracket-key',
    exit: 2,
    message: [at('yaml-bracket-key', 4), /unknown key "\[ 精彩 \]"/, SCHEMA_FIX],
  },

  // Wrong types, ranges, unknown keys, empty or missing required fields
  { name: 'schema-title-number', exit: 2, message: [at('schema-title-number', 8, 'sections[0].articles[0].title'), /expected string, received number \(put the value in quotes\)/, SCHEMA_FIX] },
  { name: 'schema-year-text', exit: 2, message: [at('schema-year-text', 7, 'sections[0].year'), /expected number, received string/, SCHEMA_FIX] },
  { name: 'schema-year-range', exit: 2, message: [at('schema-year-range', 7, 'sections[0].year'), /<=2200/, SCHEMA_FIX] },
  { name: 'schema-paragraphs-string', exit: 2, message: [at('schema-paragraphs-string', 9, 'sections[0].articles[0].paragraphs'), /expected array, received string/, SCHEMA_FIX] },
  { name: 'schema-sections-mapping', exit: 2, message: [at('schema-sections-mapping', 5, 'sections'), /expected array, received object/, SCHEMA_FIX] },
  { name: 'schema-headline-string', exit: 2, message: [at('schema-headline-string', 2, 'headline'), /expected object, received string/, SCHEMA_FIX] },
  { name: 'schema-unknown-key-top', exit: 2, message: [at('schema-unknown-key-top', 4, 'subtitle'), /unknown key "subtitle"; allowed keys: .*headline/, SCHEMA_FIX] },
  { name: 'schema-unknown-key-nested', exit: 2, message: [at('schema-unknown-key-nested', 11, 'sections[0].articles[1].paragraph'), /unknown key "paragraph"; allowed keys: label, title, paragraphs/, SCHEMA_FIX] },
  { name: 'schema-empty-title', exit: 2, message: [at('schema-empty-title', 3, 'headline.title'), /headline\.title must not be empty/, SCHEMA_FIX] },
  { name: 'schema-empty-paragraph', exit: 2, message: [at('schema-empty-paragraph', 11, 'sections[0].articles[0].paragraphs[1]'), /paragraph must not be empty/, SCHEMA_FIX] },
  { name: 'schema-null-label', exit: 2, message: [at('schema-null-label', 6, 'sections[0].label'), /expected string, received null/, SCHEMA_FIX] },
  { name: 'schema-empty-sections', exit: 2, message: [at('schema-empty-sections', 4, 'sections'), /an edition needs at least one section/, SCHEMA_FIX] },
  { name: 'schema-empty-articles', exit: 2, message: [at('schema-empty-articles', 7, 'sections[0].articles'), /a section needs at least one article/, SCHEMA_FIX] },
  { name: 'schema-missing-headline', exit: 2, message: [at('schema-missing-headline', 2, 'headline'), /required field "headline" is missing/, SCHEMA_FIX] },
  { name: 'schema-bad-section-id', exit: 2, message: [at('schema-bad-section-id', 5, 'sections[0].id'), /use lower-case letters, digits and hyphens/, SCHEMA_FIX] },
  {
    name: 'schema-bad-date',
    exit: 2,
    message: [at('schema-bad-date', 3, 'paper.date'), /YYYY-MM-DD/, SCHEMA_FIX],
  },
  { name: 'schema-bad-preset', exit: 2, message: [at('schema-bad-preset', 3, 'paper.preset'), /expected "duikai"/, SCHEMA_FIX] },
  { name: 'schema-focus-range', exit: 2, message: [at('schema-focus-range', 7, 'photos[0].focus.x'), /<=1/, SCHEMA_FIX] },
  { name: 'schema-duplicate-photo-id', exit: 2, message: [at('schema-duplicate-photo-id', 7, 'photos[1].id'), /photo id "plant" is used twice/, SCHEMA_FIX] },
  { name: 'schema-photo-unknown-section', exit: 2, message: [at('schema-photo-unknown-section', 7, 'photos[0].section'), /no section has id "review-2022"; use one of: review-2023/, SCHEMA_FIX] },

  // The input argument
  {
    name: 'input-not-yaml',
    exit: 2,
    input: (dir) => path.join(dir, 'notes.txt'),
    message: [/input-not-yaml\/notes\.txt is not an edition folder or a \.yaml file/, /fix: expected a folder containing edition\.yaml/],
  },

  // Photos
  { name: 'photo-missing', exit: 2, message: [/photo "plant": file "photos\/plant\.jpg" does not exist/, /fix: check the spelling/] },
  { name: 'photo-not-image', exit: 2, message: [/photo "plant": file "plant\.jpg" is not an image Folio can read/, /fix: save the photo as JPEG/] },
  { name: 'photo-empty-file', exit: 2, message: [/photo "plant": file "plant\.jpg" is not an image Folio can read/, /fix: save the photo as JPEG/] },
  { name: 'photo-truncated', exit: 2, message: [/photo "plant": cannot prepare file "plant\.jpg": .*premature end/i, /fix: re-save the image/] },
  {
    name: 'photo-huge',
    exit: 2,
    message: [/photo "plant": file "plant\.png" is too large to decode \(30000×30000 px\)/, /fix: downscale the photo/],
  },
  { name: 'photo-directory', exit: 2, message: [/photo "plant": file "photos" is not a regular file/, /fix: name an image file/] },
  { name: 'photo-outside-absolute', exit: 2, message: [/photo "plant": file "\/etc\/hostname" lies outside the edition folder/, /fix: copy the image into the edition folder/] },
  { name: 'photo-outside-relative', exit: 2, message: [/photo "plant": file "\.\.\/photo-truncated\/plant\.jpg" lies outside the edition folder/, /fix: copy the image into the edition folder/] },
  {
    name: 'photo-symlink-outside',
    exit: 2,
    setup: async (dir, context) => {
      const outside = path.join(context.work, 'outside.jpg');
      await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c83c28' } }).jpeg().toFile(outside);
      await symlink(outside, path.join(dir, 'plant.jpg'));
    },
    message: [/photo "plant": file "plant\.jpg" lies outside the edition folder .* \(it resolves to .*outside\.jpg\)/, /fix: copy the image into the edition folder/],
  },

  // Size limits before the browser (issue 16)
  {
    name: 'edition-too-large',
    exit: 2,
    setup: async (dir) => {
      const file = path.join(dir, 'edition.yaml');
      await writeFile(file, (await readFile(file, 'utf8')) + `# ${'填充'.repeat(60)}\n`.repeat(17_000));
    },
    message: [/edition\.yaml is \d+\.\d MB; an edition may be at most 5 MB/, /fix: an edition is one page of text/],
  },
  { name: 'edition-alias-text-bomb', exit: 2, message: [file('edition-alias-text-bomb'), /more than 1,000,000 characters of text once its YAML aliases are expanded/, /fix: an edition is one page of text/] },

  // Content the page cannot hold
  {
    name: 'glyph-no-font',
    exit: 2,
    message: [/"𓀀" \(U\+13000\)/, new RegExp(`${file('glyph-no-font').source}.*\\(sections\\[0\\]\\.articles\\[0\\]\\.paragraphs\\[0\\]\\)`), /fix: /],
  },
  { name: 'overflow', exit: 2, message: [/「蓄势 2024」 overflows by \d+ lines?/, /fix: cut text/] },
  // The gallery search once grew as 1.93ⁿ and never ended for 40 photos (issue 16).
  { name: 'schema-lang-injection', exit: 2, message: [at('schema-lang-injection', 2, 'lang'), /use a BCP 47 language tag, e\.g\. "zh-CN"/, SCHEMA_FIX] },
  { name: 'gallery-40-photos', exit: 2, message: [/overflows by \d+ lines.*40 photos are already at minimum height/, /fix: cut text, drop a photo/] },
  { name: 'gallery-100-photos', exit: 2, message: [/overflows by \d+ lines.*100 photos are already at minimum height/, /fix: cut text, drop a photo/] },

  // Templates, output, browser (the edition is valid)
  {
    name: 'missing-partial',
    exit: 1,
    args: (context) => ['--templates', context.templatesWithoutHead],
    message: [/rendering .*layouts\/page\.hbs failed/, /The partial head could not be found/, /fix: check that every partial the layout names exists/],
  },
  { name: 'output-under-proc', exit: 1, output: async () => '/proc/folio.pdf', message: [/could not write \/proc\/folio\.pdf/, /fix: check that the output folder exists, is writable/] },
  {
    name: 'output-parent-is-file',
    exit: 1,
    output: async (outDir) => {
      await writeFile(path.join(outDir, 'blocker'), 'a file where the output folder should be\n');
      return path.join(outDir, 'blocker', 'out.pdf');
    },
    message: [/^error: cannot make the output folder .*blocker: .*blocker is a file, not a folder$/m, /fix: choose an output path in a folder you can write to/],
  },
  {
    name: 'no-chromium',
    exit: 1,
    env: () => ({ PUPPETEER_EXECUTABLE_PATH: '/nonexistent' }),
    message: [/PUPPETEER_EXECUTABLE_PATH is \/nonexistent, which is not an executable file/, /fix: .*(install|point it at a Chrome or Chromium binary)/i],
  },
  {
    name: 'chromium-crashes',
    exit: 1,
    env: (context) => ({ PUPPETEER_EXECUTABLE_PATH: context.crashingBrowser }),
    message: [/could not start the browser at .*crash\.sh/, /fix: check that it runs/],
  },
  { name: 'paged-timeout', exit: 1, args: () => ['--timeout', '0.001'], message: [/Paged\.js did not finish within 0\.001 s/, /fix: /] },
  { name: 'cli-bad-timeout', exit: 2, usage: true, args: () => ['--timeout', '0'], message: [/^error: option --timeout <seconds>: "0" is invalid: give a number of seconds greater than 0$/m] },
  { name: 'cli-timeout-too-long', exit: 2, usage: true, args: () => ['--timeout', '3000000'], message: [/^error: option --timeout <seconds>: "3000000" is invalid: give at most 3600 seconds/m] },
  // Since issue 20's --pdfx, commander suggests the option a typo is nearest to.
  { name: 'cli-unknown-option', exit: 2, usage: true, args: () => ['--pdf'], message: [/^error: unknown option --pdf \(did you mean --pdfx\?\)$/m] },

  // --debug adds the stack traces, and only it
  { name: 'schema-title-number', title: 'schema-title-number --debug', debug: true, exit: 2, message: [at('schema-title-number', 8, 'sections[0].articles[0].title')] },
  { name: 'photo-missing', title: 'photo-missing --debug', debug: true, exit: 2, message: [/file "photos\/plant\.jpg" does not exist/] },
  { name: 'no-chromium', title: 'no-chromium --debug', debug: true, exit: 1, env: () => ({ PUPPETEER_EXECUTABLE_PATH: '/nonexistent' }), message: [/PUPPETEER_EXECUTABLE_PATH is \/nonexistent/] },
];

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Files left in the output folder (which was empty or held only what `output` put there). */
  outputFiles: string[];
  /** What `output` prepared, byte for byte, before the run. */
  preparedFiles: Record<string, string>;
  outputFilesAfter: Record<string, string>;
  /** Entries left in the run's private TMPDIR. */
  tempLeft: string[];
  /** Processes still running with the run's TMPDIR in their environment. */
  processesLeft: string[];
}

/** Processes whose environment holds `marker` (TMPDIR of one run): the CLI's browser and its helpers inherit it. */
function processesWith(marker: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(`TMPDIR=${marker}`)) {
        found.push(`${entry} ${readlinkSync(`/proc/${entry}/exe`)}`);
      }
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

async function readAll(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of await readdir(dir)) out[name] = await readFile(path.join(dir, name), 'latin1').catch(() => '<unreadable>');
  return out;
}

async function runCase(c: Case, index: number, context: Context): Promise<Outcome> {
  const base = path.join(context.work, `${String(index).padStart(2, '0')}-${c.name}`);
  const outDir = path.join(base, 'out');
  // Short: Chromium puts a unix socket (at most 107 bytes of path) under TMPDIR.
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-i-'));
  context.temps.push(tmp);
  await mkdir(outDir, { recursive: true });
  let dir = path.join(CORPUS, c.name);
  if (c.setup) {
    const copy = path.join(base, c.name);
    await cp(dir, copy, { recursive: true });
    await c.setup(copy, context);
    dir = copy;
  }
  const output = c.output ? await c.output(outDir) : path.join(outDir, `${c.name}.pdf`);
  const preparedFiles = await readAll(outDir);
  const input = c.input ? c.input(dir) : dir;
  // Inside the repo, pass the path relative to it, as a user would type it.
  const shown = input.startsWith(ROOT + path.sep) ? path.relative(ROOT, input) : input;
  const args = [FOLIO, 'render', shown, '-o', output, ...(c.args?.(context) ?? []), ...(c.debug ? ['--debug'] : [])];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: tmp, FORCE_COLOR: '0', ...c.env?.(context) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), CASE_TIMEOUT_MS);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, signal) => resolve([code, signal])));
  clearTimeout(timer);
  const ms = performance.now() - started;
  // A browser killed on exit may take a moment to go.
  let processesLeft = processesWith(tmp);
  for (let wait = 0; processesLeft.length > 0 && wait < 20; wait += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    processesLeft = processesWith(tmp);
  }
  // A leaked browser was started by this test: record it, then end it.
  for (const leaked of processesLeft) {
    try {
      process.kill(Number(leaked.split(' ')[0]), 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  }
  const outputFilesAfter = await readAll(outDir);
  return {
    code,
    signal,
    stdout,
    stderr,
    ms,
    outputFiles: Object.keys(outputFilesAfter),
    preparedFiles,
    outputFilesAfter,
    tempLeft: await readdir(tmp),
    processesLeft,
  };
}

async function pool<T, R>(items: readonly T[], limit: number, run: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await run(items[index]!, index);
      }
    }),
  );
  return results;
}

let context: Context;
let outcomes: Outcome[] = [];
let wallMs = 0;

beforeAll(async () => {
  const work = await mkdtemp(path.join(os.tmpdir(), 'folio-invalid-'));
  const templatesWithoutHead = path.join(work, 'templates');
  await cp(path.join(ROOT, 'templates'), templatesWithoutHead, { recursive: true });
  await rm(path.join(templatesWithoutHead, 'partials', 'head.hbs'));
  const crashingBrowser = path.join(work, 'crash.sh');
  await writeFile(crashingBrowser, '#!/bin/sh\nexit 1\n');
  await chmod(crashingBrowser, 0o755);
  context = { work, templatesWithoutHead, crashingBrowser, temps: [] };
  const started = performance.now();
  outcomes = await pool(CASES, CONCURRENCY, (c, index) => runCase(c, index, context));
  wallMs = performance.now() - started;
}, 300_000);

afterAll(async () => {
  if (process.env.FOLIO_INVALID_TIMINGS) {
    const slowest = CASES.map((c, i) => [c.title ?? c.name, Math.round(outcomes[i]?.ms ?? 0)] as const).sort((a, b) => b[1] - a[1]);
    console.info(`${CASES.length} CLI runs in ${Math.round(wallMs)} ms (${CONCURRENCY} at a time); slowest: ${slowest.slice(0, 8).map(([n, ms]) => `${n} ${ms} ms`).join(', ')}`);
  }
  if (context) {
    await rm(context.work, { recursive: true, force: true });
    for (const tmp of context.temps) await rm(tmp, { recursive: true, force: true });
  }
});

describe('the bad-input corpus (test/fixtures/invalid)', () => {
  it('has at least 30 cases, each a folder with an edition.yaml, and every folder is listed', async () => {
    const folders = (await readdir(CORPUS, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(folders.length).toBeGreaterThanOrEqual(30);
    for (const folder of folders) await expect(readFile(path.join(CORPUS, folder, 'edition.yaml'), 'utf8')).resolves.toBeTypeOf('string');
    expect(new Set(CASES.map((c) => c.name))).toEqual(new Set(folders));
  });

  it('keeps its generated-looking fixtures small (photo-huge claims 30000×30000 px in a few bytes)', async () => {
    const huge = await readFile(path.join(CORPUS, 'photo-huge', 'plant.png'));
    expect(huge.length).toBeLessThan(1024);
    expect(huge.readUInt32BE(16)).toBe(30000);
    expect(huge.readUInt32BE(20)).toBe(30000);
    const truncated = await readFile(path.join(CORPUS, 'photo-truncated', 'plant.jpg'));
    expect(truncated.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(truncated.includes(Buffer.from([0xff, 0xd9]))).toBe(false);
  });

  CASES.forEach((c, index) => {
    const test = c.bug ? it.fails : it;
    test(`${c.title ?? c.name}: exit ${c.exit}${c.bug ? ` (known bug: ${c.bug})` : ''}`, () => {
      const run = outcomes[index]!;
      const report = `stderr:\n${run.stderr}\nstdout:\n${run.stdout}`;
      expect(run.signal, report).toBeNull();
      expect(run.code, report).toBe(c.exit);
      for (const pattern of c.message) expect(run.stderr, report).toMatch(pattern);
      // One message: a single `error:` line (its causes and fix follow it), and nothing from Node itself.
      expect(run.stderr.match(/^error: /gm) ?? [], report).toHaveLength(1);
      expect(run.stderr, report).not.toMatch(/^\(node:\d+\)|Warning: /m);
      if (c.usage) expect(run.stderr).toContain('usage: folio render [options] <edition>\nsee: folio render --help');
      else expect(run.stderr, report).toMatch(/^ {2}fix: \S/m);
      if (c.debug) expect(run.stderr, report).toMatch(/^\s+at /m);
      else expect(run.stderr, report).not.toMatch(/^\s+at /m);
      expect(run.stdout, report).not.toMatch(/^wrote /m);
      // No PDF, no temporary file: the output folder holds exactly what was there before.
      expect(run.outputFilesAfter).toEqual(run.preparedFiles);
      expect(run.outputFiles.filter((name) => /\.pdf$|\.tmp$/.test(name))).toEqual([]);
      // Nothing left behind: no folio-page-* or browser profile in TMPDIR, no browser still running.
      expect(run.tempLeft).toEqual([]);
      expect(run.processesLeft).toEqual([]);
    });
  });
});
