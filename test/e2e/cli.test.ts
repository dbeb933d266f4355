/** The `folio` command as users run it: exit codes, messages, and the files it writes. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const folio = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/folio.js', ...args], { encoding: 'utf8', timeout: 120_000 });

describe('folio CLI', () => {
  it('documents every option of render in --help', () => {
    const run = folio('render', '--help');
    expect(run.status).toBe(0);
    for (const option of ['--output', '--html', '--png', '<edition>']) expect(run.stdout).toContain(option);
  });

  it('exits 2 on invalid content, naming file, line:column and field, without a stack trace', () => {
    const run = folio('render', 'test/fixtures/content-errors/wrong-type.yaml');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/wrong-type\.yaml:\d+:\d+/);
    expect(run.stderr).toContain("(sections[1].articles[1].title)");
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('prints stack traces only with --debug', () => {
    const run = folio('render', 'test/fixtures/content-errors/wrong-type.yaml', '--debug');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^\s+at /m);
  });

  it('exits 2 when the edition does not exist', () => {
    const run = folio('render', 'content/no-such-edition');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no-such-edition');
  });

  it('prints the JSON Schema', () => {
    const run = folio('schema');
    expect(run.status).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(schema.properties.headline).toBeDefined();
  });

  it('renders the PDF, the exact HTML and a PNG preview', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-cli-'));
    const pdf = path.join(dir, 'page.pdf');
    const html = path.join(dir, 'page.html');
    const run = folio('render', 'content/wuzhi-2024', '-o', pdf, '--html', html, '--png');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(path.join(dir, 'page.png')).subarray(1, 4).toString()).toBe('PNG');
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('擎旗领跑');
    // Renderer-neutral: Paged.js is injected at render time, not baked into the HTML.
    expect(page).not.toContain('paged.polyfill');
    expect(existsSync(pdf)).toBe(true);
  });
});
