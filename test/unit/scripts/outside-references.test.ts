/**
 * The repository is self-contained (issue 14): no tracked file refers to a
 * place outside it. The matcher is checked on planted lines first, so the
 * repository check cannot pass by matching nothing. The planted paths are
 * assembled from pieces: written out whole, this file would trip the check.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInLine, findOutsideReferences, formatReference, trackedFiles } from '../../../scripts/outside-references.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const UP = '.'.repeat(2);
const TRACKED = new Set(['README.md', 'docs/press-route.md', 'src/pdf/press.ts', 'test/fixtures/source/wuzhi-2024.txt']);
const NAMES = new Set([...TRACKED].map((file) => path.posix.basename(file)));
const found = (file: string, line: string) => findInLine(file, line, TRACKED, NAMES).map((hit) => hit.text);

describe('findInLine', () => {
  it.each([
    ['the sibling shared folder', 'src/pdf/press.ts', ` * The route measured in ${UP}/shared/notes.txt`],
    ['a shared path split into segments', 'test/unit/a.test.ts', `const SOURCE = join('${UP}', 'shared', 'x.txt');`],
    ['path.resolve from the parent of the working directory', 'test/e2e/a.test.ts', `const dir = path.resolve('${UP}', 'elsewhere');`],
    ['a relative path climbing above the root', 'test/e2e/support/source.ts', `readFileSync(path.resolve(import.meta.dirname, '${UP}/${UP}/${UP}/${UP}/data/x.txt'))`],
    ['an absolute path on this machine', 'scripts/a.ts', `const source = '/${'work'}/notes/x.txt';`],
    ['a home folder', 'README.md', `Copy it from /${'home'}/editor/pages.`],
    ['a document the repository lacks', 'src/pdf/press/icc.ts', ` * (${'PLATFORM'}.md), too much for newsprint.`],
    ['a document path that does not resolve', 'README.md', `see docs/platform-notes.${'md'}`],
  ])('finds %s', (_name, file, line) => {
    expect(found(file, line)).not.toEqual([]);
  });

  it.each([
    ['an import inside the repository', 'test/unit/content/load.test.ts', "import { x } from '../../../src/content/load.ts';"],
    ['a modeline resolving inside', 'test/fixtures/folio-line/edition.yaml', '# yaml-language-server: $schema=../../../schema/edition.schema.json'],
    ['a URL path with dot segments', 'test/e2e/preview.test.ts', `'/_folio/runtime/${UP}/${UP}/${UP}/package.json',`],
    ['a web address', 'README.md', 'https://example.org/home/page'],
    ['a document the repository has', 'src/pdf/press.ts', ' * The route is the one measured in docs/press-route.md:'],
    ['the README quoting the modeline of an edition', 'README.md', `\`# yaml-language-server: $schema=${UP}/${UP}/schema/edition.schema.json\``],
  ])('leaves %s alone', (_name, file, line) => {
    expect(found(file, line)).toEqual([]);
  });
});

describe('the repository', () => {
  it('refers to nothing outside itself in its tracked files', () => {
    const files = trackedFiles(ROOT);
    expect(files).toContain('src/pdf/press.ts');
    expect(findOutsideReferences(ROOT, files).map(formatReference)).toEqual([]);
  });
});
