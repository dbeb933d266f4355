/**
 * Folio as another project installs it (issue 14): `npm pack` (which builds
 * dist/ in `prepack`), the tarball installed into an empty folder, then
 * `npx folio render` of an edition copied there and the library imported by
 * a plain ESM script. Fonts, templates, styles, the page runtime and Paged.js
 * must all come from the installed package, and output must land in that
 * folder, not in node_modules. One pack and one install serve the whole file.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFonts, readPdfText } from './support/pdf.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
/** npm and a cold Chromium on two loaded cores: minutes, not seconds. */
const SLOW = 900_000;

let work: string;
let app: string;
let tarball: string;

function run(command: string, args: string[], options: SpawnSyncOptions & { cwd: string }) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: SLOW, ...options });
  const output = `${String(result.stdout)}\n${String(result.stderr)}`;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status} (${result.signal ?? 'no signal'}):\n${output}`);
  return { stdout: String(result.stdout), stderr: String(result.stderr) };
}

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'folio-package-'));
  app = path.join(work, 'newsroom');
  mkdirSync(app);
  const packed = run('npm', ['pack', '--silent', '--pack-destination', work], { cwd: ROOT });
  tarball = path.join(work, packed.stdout.trim().split('\n').at(-1)!);
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'newsroom', private: true, type: 'module' }));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: app });
  cpSync(path.join(ROOT, 'content', 'wuzhi-2024'), path.join(app, 'wuzhi-2024'), { recursive: true });
}, SLOW);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe(`the packed ${PACKAGE.name}`, () => {
  it('carries the built CLI, the library and its runtime files, and no tests or output', () => {
    const files = run('tar', ['-tzf', tarball], { cwd: work }).stdout.split('\n').filter(Boolean);
    for (const file of ['bin/folio.js', 'dist/folio.mjs', 'dist/index.mjs', 'dist/types/index.d.ts', 'templates/layouts/page.hbs', 'styles/page.css', 'src/paginate/page-runtime/fit.js', 'assets/icc/folio-newsprint-cmyk.icc']) {
      expect(files).toContain(`package/${file}`);
    }
    expect(files.filter((file) => /^package\/(test|output|content|bench|docs)\//.test(file) || file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
  });

  it('renders an edition with `npx folio render` into ./output of the folder it runs in', async () => {
    const rendered = run('npx', ['--no-install', 'folio', 'render', 'wuzhi-2024'], { cwd: app, env: { ...process.env, XDG_CACHE_HOME: path.join(work, 'cache') } });
    expect(rendered.stdout).toContain('wrote output/wuzhi-2024.pdf (1 page');
    const pdf = path.join(app, 'output', 'wuzhi-2024.pdf');
    const text = await readPdfText(pdf);
    expect(text.pageCount).toBe(1);
    expect(text.joined).toContain('擎旗领跑');
    expect(text.joined).toContain('勇闯高质量发展新路');
    const fonts = readFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !font.embedded || font.type === 'Type 3')).toEqual([]);
    // Nothing written into the installed package.
    const installed = path.join(app, 'node_modules', ...PACKAGE.name.split('/'));
    expect(readdirSync(installed).sort()).not.toContain('output');
    expect(existsSync(path.join(installed, 'dist', 'folio.mjs'))).toBe(true);
  });

  it('is a library: a plain ESM script imports build, loadEdition and runPreflight from the package', () => {
    writeFileSync(
      path.join(app, 'use-folio.mjs'),
      [
        `import { build, loadEdition, runPreflight, ContentError } from '${PACKAGE.name}';`,
        "const loaded = await loadEdition('wuzhi-2024');",
        "const report = await runPreflight({ pdf: 'output/wuzhi-2024.pdf' });",
        'let refused;',
        "try { await loadEdition('no-such-edition'); } catch (error) { refused = error instanceof ContentError; }",
        'console.log(JSON.stringify({ build: typeof build, id: loaded.id, title: loaded.edition.headline.title, rules: report.rules.length, errors: report.errors, refused }));',
      ].join('\n'),
    );
    const used = run(process.execPath, ['use-folio.mjs'], { cwd: app });
    expect(JSON.parse(used.stdout.trim().split('\n').at(-1)!)).toEqual({ build: 'function', id: 'wuzhi-2024', title: '擎旗领跑', rules: expect.any(Number), errors: 0, refused: true });
  });
});
