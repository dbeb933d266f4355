/** The preview's file allow-list: what maps to a server path, and every way out of a root that must be refused. */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServedFiles } from '../../../src/preview/served-files.ts';

let root: string;
let files: ServedFiles;

beforeAll(async () => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'folio-served-')));
  mkdirSync(join(root, 'edition', 'photos'), { recursive: true });
  mkdirSync(join(root, 'cache'));
  writeFileSync(join(root, 'edition', 'photos', 'front page.jpg'), 'jpeg');
  writeFileSync(join(root, 'edition', '图.png'), 'png');
  writeFileSync(join(root, 'edition', 'edition.yaml'), 'id: x');
  writeFileSync(join(root, 'edition', '.secret.jpg'), 'hidden');
  writeFileSync(join(root, 'cache', 'abc.jpg'), 'cached');
  writeFileSync(join(root, 'outside.jpg'), 'outside');
  mkdirSync(join(root, 'elsewhere'));
  writeFileSync(join(root, 'elsewhere', 'inner.jpg'), 'elsewhere');
  symlinkSync(join(root, 'outside.jpg'), join(root, 'edition', 'leak.jpg'));
  symlinkSync(join(root, 'elsewhere'), join(root, 'edition', 'linked-dir'));
  symlinkSync(join(root, 'edition', 'photos', 'front page.jpg'), join(root, 'edition', 'alias.jpg'));
  symlinkSync(join(root, 'edition', 'edition.yaml'), join(root, 'edition', 'yaml.jpg'));
  files = await ServedFiles.create([
    { name: 'edition', dir: join(root, 'edition'), allow: /\.(jpe?g|png)$/i },
    { name: 'cache', dir: join(root, 'cache'), allow: /\.jpg$/, immutable: true },
  ]);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('ServedFiles.toUrl', () => {
  it('maps file:// URLs and paths under a root to encoded server paths', () => {
    expect(files.toUrl(pathToFileURL(join(root, 'edition', 'photos', 'front page.jpg')).href)).toBe('/_folio/edition/photos/front%20page.jpg');
    expect(files.toUrl(join(root, 'edition', '图.png'))).toBe(`/_folio/edition/${encodeURIComponent('图.png')}`);
    expect(files.toUrl(pathToFileURL(join(root, 'cache', 'abc.jpg')).href)).toBe('/_folio/cache/abc.jpg');
  });

  it('maps nothing outside the roots or of a kind the root does not serve', () => {
    expect(files.toUrl(join(root, 'outside.jpg'))).toBeUndefined();
    expect(files.toUrl(join(root, 'edition', 'edition.yaml'))).toBeUndefined();
    expect(files.toUrl(join(root, 'edition'))).toBeUndefined();
  });
});

describe('ServedFiles.resolve', () => {
  it('serves allowed files, with their content type, and symlinks that stay inside the root', async () => {
    const photo = await files.resolve('/_folio/edition/photos/front%20page.jpg');
    expect(photo).toEqual({ file: join(root, 'edition', 'photos', 'front page.jpg'), contentType: 'image/jpeg', immutable: false });
    expect((await files.resolve(`/_folio/edition/${encodeURIComponent('图.png')}`))?.contentType).toBe('image/png');
    expect((await files.resolve('/_folio/edition/alias.jpg'))?.file).toBe(join(root, 'edition', 'photos', 'front page.jpg'));
    expect((await files.resolve('/_folio/cache/abc.jpg'))?.immutable).toBe(true);
  });

  it.each([
    ['dot-dot segments', '/_folio/edition/../outside.jpg'],
    ['dot-dot into another root', '/_folio/cache/../edition/alias.jpg'],
    ['encoded dot-dot', '/_folio/edition/%2e%2e/outside.jpg'],
    ['encoded dot-dot and slash', '/_folio/edition/%2e%2e%2foutside.jpg'],
    ['upper-case encoding', '/_folio/edition/%2E%2E%2Foutside.jpg'],
    ['dot-dot with encoded slash', '/_folio/edition/..%2foutside.jpg'],
    ['encoded backslash', '/_folio/edition/..%5coutside.jpg'],
    ['double encoding', '/_folio/edition/%252e%252e%252foutside.jpg'],
    ['an encoded NUL', '/_folio/edition/alias.jpg%00.png'],
    ['malformed encoding', '/_folio/edition/%zz.jpg'],
    ['an empty segment', '/_folio/edition//alias.jpg'],
    ['a single dot', '/_folio/edition/./alias.jpg'],
    ['a dotfile', '/_folio/edition/.secret.jpg'],
    ['a symlink to a file outside', '/_folio/edition/leak.jpg'],
    ['a symlinked folder outside', '/_folio/edition/linked-dir/inner.jpg'],
    ['an allowed name linking to a disallowed file', '/_folio/edition/yaml.jpg'],
    ['a disallowed extension', '/_folio/edition/edition.yaml'],
    ['a folder', '/_folio/edition/photos'],
    ['the root itself', '/_folio/edition/'],
    ['a missing file', '/_folio/edition/missing.jpg'],
    ['an unknown root', '/_folio/secrets/abc.jpg'],
    ['an encoded root name', '/_folio/%63ache/abc.jpg'],
    ['a path outside /_folio/', '/etc/passwd'],
    ['an absolute-form target', 'http://127.0.0.1/_folio/cache/abc.jpg'],
  ])('refuses %s', async (_what, rawPath) => {
    expect(await files.resolve(rawPath)).toBeUndefined();
  });
});
