/**
 * importText / importFile / the `import` command: unusable input, files and
 * encodings, atomic writing, the schema modeline path, and the CLI output.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentError, exitCodeOf } from '../../../../src/errors.ts';
import { loadEdition, parseEdition } from '../../../../src/content/load.ts';
import { importFile, importText, registerImportCommand } from '../../../../src/content/import/import.ts';

const FIXTURE = path.resolve('test', 'fixtures', 'import', 'no-honors.txt');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'folio-import-'));

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('unusable text', () => {
  it.each([
    ['empty', ''],
    ['only whitespace', ' \n\n\u3000\t\n'],
  ])('%s → ContentError (exit 2)', (_, text) => {
    const error = thrown(() => importText(text, { sourceName: 'raw.txt' }));
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).message).toMatch(/empty/);
    expect(exitCodeOf(error)).toBe(2);
  });

  it('NUL bytes → ContentError naming it binary', () => {
    const error = thrown(() => importText('标题\n\n正文\0。', { sourceName: 'raw.txt' }));
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).message).toMatch(/binary/);
    expect((error as ContentError).location).toEqual({ file: 'raw.txt' });
  });

  it('mostly non-text characters → ContentError', () => {
    const error = thrown(() => importText('\u0001\u0002\u0003\uFFFD\uFFFD标', { sourceName: 'raw.txt' }));
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).message).toMatch(/mostly not text/);
  });

  it('a headline with nothing under it → ContentError (no body text)', () => {
    const error = thrown(() => importText('只有标题\n\n- ★一项荣誉'));
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).message).toMatch(/no body text/);
  });

  it('an invalid --id → ContentError', () => {
    expect(thrown(() => importText('标题\n\n正文，内容。', { id: 'Not A Slug' }))).toBeInstanceOf(ContentError);
    expect(importText('标题\n\n正文，内容。', { id: 'mou-xian-2024', as: 'feature' }).edition.id).toBe('mou-xian-2024');
  });

  it('reads a byte-order mark and CRLF line ends', () => {
    const result = importText('\uFEFF标题\r\n\r\n正文，内容。\r\n', { as: 'feature' });
    expect(result.edition.headline.title).toBe('标题');
    expect(result.warnings.every((w) => !/whitespace/.test(w.message))).toBe(true);
  });

  it('a few control characters are removed and reported, not fatal', () => {
    const result = importText('标题\n\n正文\u0007，内容。', { as: 'feature' });
    expect(result.edition.sections[0]!.articles[0]!.paragraphs).toEqual(['正文，内容。']);
    expect(result.warnings.some((w) => w.line === 3 && /control character/.test(w.message))).toBe(true);
  });
});

describe('importFile', () => {
  it('writes the YAML atomically with a modeline relative to the output', async () => {
    const dir = tmp();
    const output = path.join(dir, 'nested', 'edition.yaml');
    const result = await importFile(FIXTURE, { output, id: 'tea' });
    const written = readFileSync(output, 'utf8');
    expect(written).toBe(result.yaml);
    expect(readdirSync(path.dirname(output))).toEqual(['edition.yaml']);
    const schema = path.relative(path.dirname(output), path.resolve('schema', 'edition.schema.json')).split(path.sep).join('/');
    expect(written.split('\n')[0]).toBe(`# yaml-language-server: $schema=${schema}`);
    expect(written.split('\n')[1]).toContain('no-honors.txt');
    const loaded = await loadEdition(output);
    expect(loaded.id).toBe('tea');
    expect(result.summary.at(-1)).toBe(`wrote ${output}`);
  });

  it('replaces an existing file whole', async () => {
    const output = path.join(tmp(), 'edition.yaml');
    writeFileSync(output, 'old: content\n');
    await importFile(FIXTURE, { output });
    expect(readFileSync(output, 'utf8')).toMatch(/^# yaml-language-server/);
  });

  it('reads GB18030 text and says so', async () => {
    const file = path.join(tmp(), 'gbk.txt');
    // 标题 / 正文，内容。 in GB18030.
    writeFileSync(file, Buffer.from('b1eacce20a0ad5fdcec4a3acc4dac8dda1a3', 'hex'));
    const result = await importFile(file, { as: 'feature' });
    expect(result.edition.headline.title).toBe('标题');
    expect(result.warnings[0]).toEqual({ line: 1, message: 'the file is not UTF-8: decoded as gb18030' });
  });

  // Issue 16: Windows-1252 and Big5 once lost é “ ” and every Han character to U+FFFD without an error.
  it('reads Big5 text and says so', async () => {
    const file = path.join(tmp(), 'big5.txt');
    // 中華民國 / 報導：本報記者。台灣新聞，今天天氣很好。 in Big5.
    writeFileSync(file, Buffer.from('a4a4b5d8a5c1b0ea0a0ab3f8bec9a147a5bbb3f8b04fb9cca143a578c657b773bb44a141a4b5a4d1a4d1aef0abdca66ea143', 'hex'));
    const result = await importFile(file, { as: 'feature' });
    expect(result.edition.headline.title).toBe('中華民國');
    expect(result.warnings[0]).toEqual({ line: 1, message: 'the file is not UTF-8: decoded as big5' });
    expect(result.yaml).not.toContain('\uFFFD');
  });

  it('reads Windows-1252 text without losing é “ ”', async () => {
    const file = path.join(tmp(), 'latin.txt');
    writeFileSync(file, Buffer.from('Caf\xe9 news\n\n\x93Quoted\x94 words about the caf\xe9, na\xefve and r\xe9sum\xe9 included, for the page.\n', 'latin1'));
    const result = await importFile(file, { as: 'feature' });
    expect(result.edition.headline.title).toBe('Café news');
    expect(result.yaml).toContain('“Quoted”');
    expect(result.yaml).not.toContain('\uFFFD');
  });

  it('refuses text that already holds U+FFFD, naming the line', async () => {
    const file = path.join(tmp(), 'lost.txt');
    writeFileSync(file, '标题\n\n正文\uFFFD内容。\n');
    await expect(importFile(file)).rejects.toThrow(/lost\.txt:3: the text contains U\+FFFD/);
  });

  it('a missing file → ContentError', async () => {
    await expect(importFile(path.join(tmp(), 'missing.txt'))).rejects.toBeInstanceOf(ContentError);
  });

  it('a binary file → ContentError', async () => {
    const file = path.join(tmp(), 'page.pdf');
    writeFileSync(file, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0xff]));
    await expect(importFile(file)).rejects.toThrow(/binary/);
  });
});

describe('the import command', () => {
  afterEach(() => vi.restoreAllMocks());

  function program() {
    const command = new Command('folio').exitOverride();
    registerImportCommand(command);
    return command;
  }

  it('with -o: writes the file, prints the summary to stdout and every warning to stderr', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const output = path.join(tmp(), 'edition.yaml');
    await program().parseAsync(['node', 'folio', 'import', FIXTURE, '-o', output, '--id', 'tea']);
    expect(parseEdition(readFileSync(output, 'utf8'), output).id).toBe('tea');
    const stdout = log.mock.calls.map((call) => String(call[0]));
    expect(stdout[0]).toMatch(/^imported no-honors\.txt/);
    expect(stdout.at(-1)).toBe(`wrote ${output}`);
    const stderr = error.mock.calls.map((call) => String(call[0]));
    expect(stderr.length).toBeGreaterThan(0);
    expect(stderr.every((line) => line.startsWith(`${FIXTURE}:`) || line.startsWith('needs an editor'))).toBe(true);
  });

  it('lists what needs an editor first and sums up each kind of routine fix in one line (issue 15, item 8)', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const source = path.resolve('test', 'fixtures', 'source', 'wuzhi-2024.txt');
    const output = path.join(tmp(), 'edition.yaml');
    await program().parseAsync(['node', 'folio', 'import', source, '-o', output]);
    const stderr = error.mock.calls.map((call) => String(call[0]));
    const result = await importFile(source);
    const routine = result.warnings.filter((w) => w.routine).length;
    const editor = result.warnings.length - routine;
    // Most of the Wuzhi page's warnings are routine punctuation fixes; what an editor must check comes first.
    expect(routine).toBeGreaterThan(editor);
    expect(stderr[0]).toBe(`needs an editor (${editor}):`);
    const routineLines = stderr.filter((line) => line.includes(': routine: '));
    expect(stderr.findIndex((line) => line.includes(': routine: '))).toBe(editor + 1);
    expect(routineLines.length).toBeLessThanOrEqual(3);
    expect(stderr).toHaveLength(1 + editor + routineLines.length);
    expect(stderr.slice(1, editor + 1).filter((line) => /cut off/.test(line))).toHaveLength(2);
  });

  it('-o onto an existing file asks for --force', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const output = path.join(tmp(), 'edition.yaml');
    writeFileSync(output, '# an editor worked on this\n');
    await expect(program().parseAsync(['node', 'folio', 'import', FIXTURE, '-o', output])).rejects.toThrow(/already exists/);
    expect(readFileSync(output, 'utf8')).toBe('# an editor worked on this\n');
    await program().parseAsync(['node', 'folio', 'import', FIXTURE, '-o', output, '--force']);
    expect(readFileSync(output, 'utf8')).toContain('茶香漫山');
  });

  it('without -o: the YAML goes to stdout, the summary to stderr', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await program().parseAsync(['node', 'folio', 'import', FIXTURE]);
    const yaml = write.mock.calls.map((call) => String(call[0])).join('');
    expect(parseEdition(yaml, 'stdout').headline.title).toBe('茶香漫山 富民有道');
    expect(error.mock.calls.some((call) => String(call[0]).startsWith('imported no-honors.txt'))).toBe(true);
  });

  it('rejects unusable text with a ContentError (the CLI maps it to exit 2)', async () => {
    const file = path.join(tmp(), 'empty.txt');
    writeFileSync(file, '\n\n');
    const run = program().parseAsync(['node', 'folio', 'import', file]);
    await expect(run).rejects.toBeInstanceOf(ContentError);
  });
});
