/**
 * Watches the folders a page is made from (the edition, templates/, styles/)
 * and reports saves in batches. Folders are watched rather than files because
 * editors save by writing a new file and renaming it over the old one, which
 * a watch on the old file would lose. Editor droppings are ignored.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { isInside } from './served-files.ts';

export interface WatchedFolder {
  dir: string;
  /** How changes under it are named in the log, e.g. `templates`. */
  label: string;
}

export interface SourceWatcher {
  close(): void;
}

export interface WatchOptions {
  /** Quiet time before a batch is reported: one save often fires several events. */
  debounceMs?: number;
  /** Folders inside the watched ones whose changes do not count (e.g. the image cache). */
  exclude?: readonly string[];
  onError?: (error: Error) => void;
}

// Swap, backup and lock files of vim, emacs and others, and vim's write test file "4913".
const NOISE = /(^|\/)(\.[^/]*|[^/]*~|[^/]*\.sw[a-p]|4913|#[^/]*#)$/;

export function watchSources(
  folders: readonly WatchedFolder[],
  onChange: (changed: string[]) => void,
  options: WatchOptions = {},
): SourceWatcher {
  const debounceMs = options.debounceMs ?? 120;
  const exclude = (options.exclude ?? []).map((dir) => path.resolve(dir));
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const files = [...changed];
    changed.clear();
    if (files.length > 0) onChange(files);
  };

  const watchers: FSWatcher[] = folders.map((folder) => {
    const watcher = watch(folder.dir, { recursive: true }, (_event, filename) => {
      const name = filename?.toString() ?? '';
      const full = path.resolve(folder.dir, name);
      if (NOISE.test(name.split(path.sep).join('/'))) return;
      if (exclude.some((dir) => full === dir || isInside(dir, full))) return;
      changed.add(name ? `${folder.label}/${name.split(path.sep).join('/')}` : folder.label);
      clearTimeout(timer);
      timer = setTimeout(flush, debounceMs);
    });
    watcher.on('error', (error) => options.onError?.(error));
    return watcher;
  });

  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}

/** `edition/edition.yaml changed`, or `3 files changed (edition/edition.yaml, …)`. */
export function describeChanges(changed: readonly string[]): string {
  if (changed.length === 1) return `${changed[0]} changed`;
  const shown = changed.slice(0, 3).join(', ');
  return `${changed.length} files changed (${shown}${changed.length > 3 ? ', …' : ''})`;
}
