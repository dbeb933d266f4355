/**
 * Makes an output folder, or fails at once naming it and why (issue 15,
 * item 10). Node 20's `mkdir(p, { recursive: true })` never returns when a
 * parent refuses mkdir with ENOENT (e.g. under /proc): it spins at full CPU.
 * So the first existing ancestor is found with stat, and the missing levels
 * below it are made one by one, each with a plain mkdir.
 */
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { OutputError } from '../errors.ts';
import { t, type MessageParams } from '../i18n/locale.ts';
import type { MessageId } from '../i18n/messages.ts';

export async function ensureDir(dir: string): Promise<void> {
  const target = path.resolve(dir);
  const missing: string[] = [];
  let current = target;
  for (;;) {
    const info = await stat(current).catch((error: NodeJS.ErrnoException) => error);
    if (!(info instanceof Error)) {
      if (!info.isDirectory()) throw failure(target, 'dir.notFolder', { path: current });
      break;
    }
    const parent = path.dirname(current);
    // ENOTDIR: a file stands higher up; the walk finds it and names it.
    if ((info.code !== 'ENOENT' && info.code !== 'ENOTDIR') || parent === current) throw failure(target, reasonFor(info), { path: current }, info);
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
      throw failure(target, cause.code === 'ENOENT' ? 'dir.refusesFolders' : reasonFor(cause), { path: path.dirname(level) }, cause);
    }
  }
  await access(target, constants.W_OK).catch((cause: NodeJS.ErrnoException) => {
    throw failure(target, reasonFor(cause), { path: target }, cause, 'cli.outputDirNotWritable');
  });
}

function reasonFor(error: NodeJS.ErrnoException): MessageId {
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
      return 'dir.noPermission';
    case 'EROFS':
      return 'dir.readOnly';
    case 'ENOSPC':
      return 'dir.full';
    case 'ENOTDIR':
      return 'dir.notFolder';
    default:
      return 'dir.other';
  }
}

function failure(dir: string, reason: MessageId, params: MessageParams, cause?: NodeJS.ErrnoException, headline: MessageId = 'cli.outputDirFailed'): OutputError {
  return new OutputError(t(headline, { dir, reason: t(reason, { ...params, code: cause?.code ?? '' }) }), {
    cause,
    hint: t('cli.outputDirHint'),
  });
}
