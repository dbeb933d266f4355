/** The `folio` command as users run it: exit codes, messages, and the files it writes. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const folio = (...args: string[]) => folioIn({}, ...args);
const folioIn = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  spawnSync(process.execPath, ['bin/folio.js', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...env },
  });

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

  it('answers a usage mistake with the error, the usage line and where the help is, not the whole help', () => {
    const runs = [['render'], ['render', 'x', '--bogus'], ['render', 'x', '--timeout', '-1']].map((args) => folio(...args));
    for (const run of runs) {
      expect(run.status).toBe(2);
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/^error: /);
      expect(lines[1]).toBe('usage: folio render [options] <edition>');
      expect(lines[2]).toBe('see: folio render --help');
    }
    expect(runs[0]!.stderr).toContain('<edition>');
    expect(runs[1]!.stderr).toContain('--bogus');
  });

  it('prints the version with -V and --version', () => {
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
    for (const flag of ['-V', '--version']) {
      const run = folio(flag);
      expect([flag, run.status, run.stdout.trim()]).toEqual([flag, 0, version]);
    }
  });

  it('exits 2 with "no such file" when the PDF to preflight does not exist', () => {
    const run = folio('preflight', 'output/no-such-file.pdf');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: no such file: output\/no-such-file\.pdf$/m);
  });

  it('speaks Chinese under a Chinese locale or --lang zh, English otherwise', () => {
    const zh = folioIn({ LANG: 'zh_CN.UTF-8' }, 'render', 'content/no-such-edition');
    expect(zh.status).toBe(2);
    expect(zh.stderr).toMatch(/^错误：/);
    expect(folioIn({ LANG: 'zh_CN.UTF-8' }, 'preflight', 'x.pdf').stderr).toContain('文件不存在');
    expect(folio('--lang', 'zh', 'render').stderr).toMatch(/^错误：缺少必需的参数 <edition>\n用法：folio render/);
    expect(folioIn({ LANG: 'zh_CN.UTF-8' }, '--lang', 'en', 'render').stderr).toMatch(/^error: missing required argument <edition>/);
  });

  it('says what failed and how to fix it in Chinese, not only the frame (issue 15, item 9)', () => {
    const cjk = /[\u3400-\u9fff]/;
    const photo = folioIn({ LANG: 'zh_CN.UTF-8' }, 'render', 'test/fixtures/invalid/photo-missing');
    expect(photo.status).toBe(2);
    const [headline, fix] = photo.stderr.trimEnd().split('\n');
    // The message itself, past the 错误： frame, is Chinese and still names the photo and its file.
    expect(headline).toMatch(/^错误：/);
    expect(headline!.replace(/^错误：/, '')).toMatch(cjk);
    expect(headline).toContain('plant');
    expect(headline).toContain('photos/plant.jpg');
    expect(fix).toMatch(/^ {2}解决：/);
    expect(fix!.replace(/^ {2}解决：/, '')).toMatch(cjk);
    const schema = folio('--lang', 'zh', 'render', 'test/fixtures/invalid/schema-unknown-key-top');
    expect(schema.status).toBe(2);
    expect(schema.stderr.split('\n')[0]!.replace(/^错误：/, '')).toMatch(cjk);
    expect(schema.stderr).not.toMatch(/does not match|unknown key/);
  });

  it('fails within seconds, naming the folder and why, when an output folder cannot be made', () => {
    // Node 20's mkdir(…, { recursive: true }) spins for ever under /proc: each run here would hang without the guard.
    const runs = [
      ['render', 'content/wuzhi-2024', '-o', '/proc/folio-no/x.pdf'],
      ['batch', 'test/fixtures/batch/editions', '-o', '/proc/folio-no/out'],
      ['batch', 'test/fixtures/batch/editions', '-o', mkdtempSync(path.join(os.tmpdir(), 'folio-cli-')), '--volume', '/proc/folio-no/volume.pdf'],
    ].map((args) => spawnSync(process.execPath, ['bin/folio.js', ...args], { encoding: 'utf8', timeout: 60_000 }));
    for (const run of runs) {
      expect(run.signal).toBeNull();
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/^error: cannot make the output folder \/proc\/folio-no(\/out)?: no folder can be made in \/proc$/m);
    }
  });

  it('names the cache folder and says to set XDG_CACHE_HOME when the cache cannot be made (issue 16, case 12)', () => {
    // Root ignores chmod: a file where the cache folder's parent should be stops root too.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-cli-cache-'));
    writeFileSync(path.join(dir, 'file'), '');
    const run = folioIn({ XDG_CACHE_HOME: path.join(dir, 'file', 'x') }, 'render', 'content/wuzhi-2024', '-o', path.join(dir, 'out.pdf'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`error: cannot make the cache folder ${path.join(dir, 'file', 'x', 'folio')}: ${path.join(dir, 'file')} is a file, not a folder`);
    expect(run.stderr).toMatch(/^ {2}fix: .*set XDG_CACHE_HOME to a folder you can write to/m);
    expect(existsSync(path.join(dir, 'out.pdf'))).toBe(false);
  });

  it('prints the JSON Schema', () => {
    const run = folio('schema');
    expect(run.status).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(schema.properties.headline).toBeDefined();
  });

  it('renders the PDF, the exact HTML and a PNG preview into ./output where it runs, caching in $XDG_CACHE_HOME/folio', () => {
    // Issue 14: an installed Folio writes where the user stands, never into its own folder.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-cli-'));
    const ownPdf = path.resolve('output', 'wuzhi-2024.pdf');
    const ownPdfBefore = existsSync(ownPdf) ? statSync(ownPdf).mtimeMs : undefined;
    const run = spawnSync(process.execPath, [path.resolve('bin/folio.js'), 'render', path.resolve('content/wuzhi-2024'), '--html', 'page.html', '--png'], {
      cwd: dir,
      env: { ...process.env, XDG_CACHE_HOME: path.join(dir, 'cache') },
      encoding: 'utf8',
      timeout: 120_000,
    });
    // The only thing said on stderr: the feature's two paragraphs cut off in the source (issue 19, item 7).
    const said = run.stderr.split('\n').filter((line) => line.trim() !== '' && !/^\s/.test(line));
    expect(said).toHaveLength(2);
    for (const line of said) expect(line).toMatch(/edition\.yaml:\d+:\d+: .*ends without terminal punctuation/);
    expect(run.status).toBe(0);
    const pdf = path.join(dir, 'output', 'wuzhi-2024.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(path.join(dir, 'output', 'wuzhi-2024.png')).subarray(1, 4).toString()).toBe('PNG');
    const page = readFileSync(path.join(dir, 'page.html'), 'utf8');
    expect(page).toContain('擎旗领跑');
    // Renderer-neutral: Paged.js is injected at render time, not baked into the HTML.
    expect(page).not.toContain('paged.polyfill');
    expect(readdirSync(path.join(dir, 'cache', 'folio', 'fonts')).length).toBeGreaterThan(0);
    expect(existsSync(ownPdf) ? statSync(ownPdf).mtimeMs : undefined).toBe(ownPdfBefore);
  });
});
