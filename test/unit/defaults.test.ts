/** Where Folio writes by default (issue 14): the user's folders, never Folio's own. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTPUT_DIR, userCacheDir } from '../../src/defaults.ts';

describe('userCacheDir', () => {
  it('uses $XDG_CACHE_HOME/folio when it is absolute', () => {
    expect(userCacheDir({ XDG_CACHE_HOME: '/var/cache/editor' }, '/srv/editor')).toBe(path.join('/var/cache/editor', 'folio'));
  });

  it.each([
    ['unset', {}],
    ['empty', { XDG_CACHE_HOME: '' }],
    ['relative (the XDG spec says to ignore it)', { XDG_CACHE_HOME: 'cache' }],
  ])('falls back to ~/.cache/folio when $XDG_CACHE_HOME is %s', (_name, env) => {
    expect(userCacheDir(env, '/srv/editor')).toBe(path.join('/srv/editor', '.cache', 'folio'));
  });
});

describe('DEFAULT_OUTPUT_DIR', () => {
  it('is relative, so a build resolves it against its working directory rather than Folio\'s folder', () => {
    expect(path.isAbsolute(DEFAULT_OUTPUT_DIR)).toBe(false);
  });
});
