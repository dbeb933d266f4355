/**
 * Finds references to places outside the repository in its tracked files
 * (issue 14: a fresh clone must pass on its own). A clone from Folio's public
 * home has nothing beside it, so a test, script or comment that names a
 * sibling folder (the `shared` folder one level up), a machine's absolute path (`/work/…`,
 * `/home/…`), a relative path that climbs above the repository root, or a
 * document the repository does not have, points at something its reader will
 * never find. Bring what it needs into the repository (fixtures under
 * `test/fixtures/`, measurements under `docs/`) and point there.
 *
 * Run `npx tsx scripts/outside-references.ts` to list them; the unit test
 * `test/unit/scripts/outside-references.test.ts` fails naming each file:line.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface OutsideReference {
  /** Repository-relative path, with '/' separators. */
  file: string;
  line: number;
  /** The text that points outside. */
  text: string;
  why: string;
}

/**
 * Known references that only look as if they leave the repository, each with
 * its reason. An entry matches a file and a fragment of the reference's line.
 */
export const ALLOWED: ReadonlyArray<{ file: string; fragment: string; reason: string }> = [
  {
    file: 'README.md',
    fragment: '$schema=..',
    reason: 'quotes the modeline of content/<id>/edition.yaml, where the path resolves to schema/',
  },
];

/** Files that are never text a reader follows: lockfile, images, fonts, profiles, PDFs. */
const SKIPPED = /(^|\/)package-lock\.json$|\.(png|jpe?g|webp|tiff?|avif|gif|icc|icm|pdf|woff2?|ttf|otf|gz|tgz)$/i;

/** An absolute path of somebody's machine (not a URL: nothing word-like or '/' before it). */
const MACHINE_PATH = /(?<![\w.:/-])\/(?:work|home|Users|mnt)\/[\w.-]+/g;
/** The sibling folder the project grew up beside, however the path is spelt. */
const SIBLING_SHARED = /\.\.[\\/]shared\b|['"]\.\.['"]\s*,\s*['"]shared['"]|(?<![\w/-])shared\/source\//g;
/** A run of `../` segments (not part of a URL path such as `/x/../y`), with what follows. */
const CLIMB = /(?<![\w./-])(?:\.\.\/)+[^\s'"`)\]},;]*/g;
/** path.resolve from the parent of the working directory, which is the repository root for scripts and tests. */
const RESOLVE_UP = /\bresolve\(\s*['"]\.\.['"]/g;
/** A Markdown document named in the text. */
const DOCUMENT = /[\w./-]*\b[\w-]+\.md\b/g;

/** Whether `target` (repository-relative, already normalised) lies outside the root. */
function escapesRoot(target: string): boolean {
  return target === '..' || target.startsWith('../') || path.posix.isAbsolute(target);
}

/** The references to outside places on one line of `file`, given every tracked path. */
export function findInLine(file: string, text: string, tracked: ReadonlySet<string>, trackedNames: ReadonlySet<string>): Array<{ text: string; why: string }> {
  const found: Array<{ text: string; why: string }> = [];
  for (const match of text.matchAll(MACHINE_PATH)) found.push({ text: match[0], why: 'an absolute path on one machine' });
  for (const match of text.matchAll(SIBLING_SHARED)) found.push({ text: match[0], why: 'the shared folder beside the repository' });
  for (const match of text.matchAll(RESOLVE_UP)) found.push({ text: match[0], why: "a path resolved from '..' of the repository root" });
  const directory = path.posix.dirname(file);
  for (const match of text.matchAll(CLIMB)) {
    if (escapesRoot(path.posix.normalize(path.posix.join(directory, match[0])))) {
      found.push({ text: match[0], why: `climbs above the repository root from ${directory}/` });
    }
  }
  for (const match of text.matchAll(DOCUMENT)) {
    const named = match[0].replace(/^\.\//, '');
    const exists = named.includes('/')
      ? tracked.has(path.posix.normalize(named)) || tracked.has(path.posix.normalize(path.posix.join(directory, named)))
      : trackedNames.has(named);
    if (!exists) found.push({ text: match[0], why: 'a document the repository does not have' });
  }
  const allowed = ALLOWED.filter((entry) => entry.file === file && text.includes(entry.fragment));
  return allowed.length > 0 ? [] : dedupe(found);
}

function dedupe(found: Array<{ text: string; why: string }>) {
  const seen = new Set<string>();
  return found.filter((item) => !seen.has(item.text) && seen.add(item.text));
}

/** Every outside reference in the given files (repository-relative paths, text read from `root`). */
export function findOutsideReferences(root: string, files: readonly string[]): OutsideReference[] {
  const tracked = new Set(files);
  const trackedNames = new Set(files.map((file) => path.posix.basename(file)));
  const references: OutsideReference[] = [];
  for (const file of files) {
    if (SKIPPED.test(file)) continue;
    let content: string;
    try {
      content = readFileSync(path.join(root, file), 'utf8');
    } catch {
      continue; // deleted in the work tree but not yet in the index
    }
    if (content.includes('\u0000')) continue;
    content.split('\n').forEach((text, index) => {
      for (const hit of findInLine(file, text, tracked, trackedNames)) references.push({ file, line: index + 1, ...hit });
    });
  }
  return references;
}

/** The repository's tracked files (`git ls-files`), repository-relative. */
export function trackedFiles(root: string): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\u0000').filter(Boolean);
}

export function formatReference(reference: OutsideReference): string {
  return `${reference.file}:${reference.line}: ${reference.text} (${reference.why})`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const references = findOutsideReferences(root, trackedFiles(root));
  for (const reference of references) console.log(formatReference(reference));
  process.exitCode = references.length > 0 ? 1 : 0;
}
