/**
 * The only files the preview server hands out: each lives under an
 * allow-listed root (Folio's page runtime and client, the Paged.js polyfill,
 * the font packages, the derived-image cache, the edition folder) and has an
 * allowed extension. The browser sees server paths such as
 * /_folio/cache/<hash>.jpg; the page's file:// URLs are mapped onto them.
 * Anything that does not resolve (symlinks followed) inside its root is a 404.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServedRoot {
  /** URL segment(s) after /_folio/, e.g. `cache` or `fonts/fontsource`. */
  name: string;
  dir: string;
  /** File names the root may serve. */
  allow: RegExp;
  /** Content-addressed or versioned files the browser may keep. */
  immutable?: boolean;
}

export interface ServedFile {
  file: string;
  contentType: string;
  immutable: boolean;
}

export const ROUTE_PREFIX = '/_folio/';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.yaml': 'text/plain; charset=utf-8',
  '.yml': 'text/plain; charset=utf-8',
};

interface ResolvedRoot extends ServedRoot {
  real: string;
}

export class ServedFiles {
  private constructor(private readonly roots: readonly ResolvedRoot[]) {}

  /** Roots that do not exist yet (an empty cache) are resolved as given. */
  static async create(roots: readonly ServedRoot[]): Promise<ServedFiles> {
    const resolved = await Promise.all(
      roots.map(async (root) => ({ ...root, dir: path.resolve(root.dir), real: await realpath(root.dir).catch(() => path.resolve(root.dir)) })),
    );
    // Longest names first, so `fonts/x` wins over a hypothetical `fonts`.
    return new ServedFiles(resolved.sort((a, b) => b.name.length - a.name.length));
  }

  /** The server path for a file:// URL or absolute path, or undefined when no root holds it. */
  toUrl(fileUrlOrPath: string): string | undefined {
    const file = fileUrlOrPath.startsWith('file:') ? fileURLToPath(fileUrlOrPath) : path.resolve(fileUrlOrPath);
    for (const root of this.roots) {
      for (const dir of new Set([root.dir, root.real])) {
        if (!isInside(dir, file)) continue;
        const segments = path.relative(dir, file).split(path.sep);
        if (!root.allow.test(segments.at(-1)!)) return undefined;
        return `${ROUTE_PREFIX}${root.name}/${segments.map(encodeURIComponent).join('/')}`;
      }
    }
    return undefined;
  }

  /**
   * The file behind a raw request path (as sent, before any normalisation),
   * or undefined. Every segment is decoded once and must be a plain name:
   * `..`, `.`, dotfiles, and encoded separators or NULs are refused outright,
   * and the real path (symlinks resolved) must stay inside the root.
   */
  async resolve(rawPath: string): Promise<ServedFile | undefined> {
    if (!rawPath.startsWith(ROUTE_PREFIX)) return undefined;
    const root = this.roots.find((candidate) => rawPath.startsWith(`${ROUTE_PREFIX}${candidate.name}/`));
    if (!root) return undefined;
    const segments = decodeSegments(rawPath.slice(ROUTE_PREFIX.length + root.name.length + 1));
    if (!segments || !root.allow.test(segments.at(-1)!)) return undefined;
    let real: string;
    try {
      real = await realpath(path.join(root.real, ...segments));
      if (!isInside(root.real, real) || !(await stat(real)).isFile()) return undefined;
    } catch {
      return undefined;
    }
    // The name checked above may be a symlink: the target must be servable too.
    if (!root.allow.test(path.basename(real))) return undefined;
    const contentType = CONTENT_TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream';
    return { file: real, contentType, immutable: root.immutable ?? false };
  }
}

function decodeSegments(rest: string): string[] | undefined {
  if (rest === '') return undefined;
  const segments: string[] = [];
  for (const raw of rest.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '' || segment.startsWith('.') || /[/\\\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

export function isInside(directory: string, file: string): boolean {
  const relative = path.relative(directory, file);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
