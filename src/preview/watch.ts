/**
 * Watches the folders a page is made from (the edition, templates/, styles/)
 * and reports saves in batches, through chokidar. Node 20's own recursive
 * fs.watch loses a file for good once an editor (vim, IDEs, `sed -i`) has
 * saved it by renaming a new file over it (issue 15, item 1); chokidar
 * watches each file's folder and picks renamed, deleted-and-recreated and
 * new files up again. Editor droppings and the image cache are ignored.
 */
import { watch, type FSWatcher } from 'chokidar';
import path from 'node:path';
import { isInside } from './served-files.ts';

export interface WatchedFolder {
  dir: string;
  /** How changes under it are named in the log, e.g. `templates`. */
  label: string;
}

export interface SourceWatcher {
  /** Settles once the folders are scanned: saves from then on are seen. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface WatchOptions {
  /** Quiet time before a batch is reported: one save often fires several events. */
  debounceMs?: number;
  /** Folders inside the watched ones whose changes do not count (e.g. the image cache). */
  exclude?: readonly string[];
  onError?: (error: Error) => void;
}

// Swap, backup and lock files of vim, emacs and others, vim's write test file "4913", sed -i's "sedXXXXXX".
const NOISE = /(^|\/)(\.[^/]*|[^/]*~|[^/]*\.sw[a-p]|4913|#[^/]*#|sed[A-Za-z0-9]{6})$/;

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
    const root = path.resolve(folder.dir);
    const watcher = watch(root, {
      ignoreInitial: true,
      ignored: (file) => {
        const full = path.resolve(file);
        if (exclude.some((dir) => full === dir || isInside(dir, full))) return true;
        const name = path.relative(root, full).split(path.sep).join('/');
        return name !== '' && NOISE.test(name);
      },
    });
    watcher.on('all', (_event, file) => {
      const name = path.relative(root, path.resolve(file)).split(path.sep).join('/');
      changed.add(name ? `${folder.label}/${name}` : folder.label);
      clearTimeout(timer);
      timer = setTimeout(flush, debounceMs);
    });
    watcher.on('error', (error) => options.onError?.(error instanceof Error ? error : new Error(String(error))));
    return watcher;
  });

  return {
    ready: Promise.all(watchers.map((watcher) => new Promise<void>((resolve) => watcher.once('ready', () => resolve())))).then(() => undefined),
    async close() {
      clearTimeout(timer);
      await Promise.all(watchers.map((watcher) => watcher.close()));
    },
  };
}

/** `edition/edition.yaml changed`, or `3 files changed (edition/edition.yaml, …)`. */
export function describeChanges(changed: readonly string[]): string {
  if (changed.length === 1) return `${changed[0]} changed`;
  const shown = changed.slice(0, 3).join(', ');
  return `${changed.length} files changed (${shown}${changed.length > 3 ? ', …' : ''})`;
}
