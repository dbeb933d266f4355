/**
 * Makes an output folder, or fails at once naming it and why (issue 15,
 * item 10). Node 20's `mkdir(p, { recursive: true })` never returns when a
 * parent refuses mkdir with ENOENT (e.g. under /proc): it spins at full CPU.
 * So the first existing ancestor is found with stat, and the missing levels
 * below it are made one by one, each with a plain mkdir.
 *
 * The same walk makes the user's cache folder; its failures say that it is
 * the cache and how to move it (issue 16, case 12).
 */
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CacheError, OutputError, type FolioError, type FolioErrorOptions } from '../errors.ts';
import { t, type MessageParams } from '../i18n/locale.ts';
import type { MessageId } from '../i18n/messages.ts';

/** What the folder is for: it decides the headline, the fix line and the error class. */
export type FolderRole = 'output' | 'cache';

export async function ensureDir(dir: string, role: FolderRole = 'output'): Promise<void> {
  const target = path.resolve(dir);
  const missing: string[] = [];
  let current = target;
  for (;;) {
    const info = await stat(current).catch((error: NodeJS.ErrnoException) => error);
    if (!(info instanceof Error)) {
      if (!info.isDirectory()) throw failure(role, target, 'dir.notFolder', { path: current });
      break;
    }
    const parent = path.dirname(current);
    // ENOTDIR: a file stands higher up; the walk finds it and names it.
    if ((info.code !== 'ENOENT' && info.code !== 'ENOTDIR') || parent === current) throw failure(role, target, reasonFor(info), { path: current }, info);
    missing.unshift(current);
    current = parent;
  }
  for (const level of missing) {
    try {
      await mkdir(level);
    } catch (error) {
      const cause = error as NodeJS.ErrnoException;
      // Made meanwhile by another job of the same batch: fine.
      if (cause.code === 'EEXIST' && (await stat(level).catch(() => undefined))?.isDirectory()) continue;
      throw failure(role, target, cause.code === 'ENOENT' ? 'dir.refusesFolders' : reasonFor(cause), { path: path.dirname(level) }, cause);
    }
  }
  await access(target, constants.W_OK).catch((cause: NodeJS.ErrnoException) => {
    throw failure(role, target, reasonFor(cause), { path: target }, cause, true);
  });
}

/**
 * The error for a write into the cache folder `dir` that failed with a disk
 * error (full, read-only, no permission), or undefined for any other failure.
 */
export function cacheWriteFailure(dir: string, error: unknown): CacheError | undefined {
  const cause = error as NodeJS.ErrnoException;
  // sharp reports libvips' failures as plain Errors: only the text tells a full disk.
  const code = cause?.code ?? (/No space left on device/i.test(String(cause?.message)) ? 'ENOSPC' : undefined);
  if (code === undefined || !['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM'].includes(code)) return undefined;
  return failure('cache', path.resolve(dir), reasonFor({ ...cause, code } as NodeJS.ErrnoException), { path: path.resolve(dir) }, cause, true) as CacheError;
}

function reasonFor(error: NodeJS.ErrnoException): MessageId {
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
      return 'dir.noPermission';
    case 'EROFS':
      return 'dir.readOnly';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'dir.full';
    case 'ENOTDIR':
      return 'dir.notFolder';
    default:
      return 'dir.other';
  }
}

const ROLES: Record<FolderRole, { failed: MessageId; notWritable: MessageId; hint: MessageId; make: (message: string, options: FolioErrorOptions) => FolioError }> = {
  output: { failed: 'cli.outputDirFailed', notWritable: 'cli.outputDirNotWritable', hint: 'cli.outputDirHint', make: (m, o) => new OutputError(m, o) },
  cache: { failed: 'cache.dirFailed', notWritable: 'cache.dirNotWritable', hint: 'cache.hint', make: (m, o) => new CacheError(m, o) },
};

function failure(role: FolderRole, dir: string, reason: MessageId, params: MessageParams, cause?: NodeJS.ErrnoException, writing = false): FolioError {
  const messages = ROLES[role];
  const because = t(reason, { ...params, code: cause?.code ?? '' });
  return messages.make(t(writing ? messages.notWritable : messages.failed, { dir, reason: because }), {
    cause,
    hint: t(reason === 'dir.full' && role === 'cache' ? 'cache.fullHint' : messages.hint),
  });
}
