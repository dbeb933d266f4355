// Chromium's profile folder: where it goes, and sweeping the ones a killed
// Folio left behind. Plain JS with no dependencies, like chromium-process.mjs.
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PREFIX = 'folio-chromium-';
/**
 * A unix socket path holds at most 107 bytes (sun_path). Chromium puts its
 * SingletonSocket at $TMPDIR/.org.chromium.Chromium.XXXXXX/SingletonSocket,
 * and Folio's TMPDIR for it is <profile>/tmp, so a TMPDIR of 37 characters or
 * more stopped every render (issue 16). The profile then goes under /tmp.
 */
const SOCKET_PATH_MAX = 107;
const PROFILE_AND_SOCKET = `/${PREFIX}XXXXXX/tmp/.org.chromium.Chromium.XXXXXX/SingletonSocket`.length;
/** A profile with no live Chromium, untouched this long, is a leftover (a profile being set up is younger). */
const STALE_MS = 10 * 60_000;

/** The folder profiles go in: TMPDIR when Chromium's socket path fits under it, else /tmp. */
export function profileParent(tmpdir = os.tmpdir()) {
  if (tmpdir.length + PROFILE_AND_SOCKET <= SOCKET_PATH_MAX) return tmpdir;
  if ('/tmp'.length + PROFILE_AND_SOCKET <= SOCKET_PATH_MAX) return '/tmp';
  throw new Error(`TMPDIR (${tmpdir}) is too long for Chromium's socket path (at most ${SOCKET_PATH_MAX} bytes)`);
}

/** A fresh profile folder with its tmp/ (Chromium's TMPDIR), after sweeping stale ones. */
export function makeProfile() {
  const parent = profileParent();
  sweepStaleProfiles([...new Set([os.tmpdir(), parent])]);
  let profile;
  try {
    profile = mkdtempSync(path.join(parent, PREFIX));
  } catch (cause) {
    throw new Error(`cannot make Chromium's profile folder in ${parent}: ${cause.code ?? cause.message}; set TMPDIR to a short, writable folder`, { cause });
  }
  mkdirSync(path.join(profile, 'tmp'));
  return { profile, tmp: path.join(profile, 'tmp') };
}

/** True while the process a SingletonLock names ("host-pid") runs on this host. */
function lockHolderAlive(profile) {
  let target;
  try {
    target = readlinkSync(path.join(profile, 'SingletonLock'));
  } catch {
    return undefined;
  }
  const match = /^(.*)-(\d+)$/.exec(target);
  if (!match || match[1] !== os.hostname()) return true;
  try {
    process.kill(Number(match[2]), 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Removes profiles a killed Folio left: their Chromium is gone (or never started) and they are old. */
export function sweepStaleProfiles(parents, now = Date.now()) {
  for (const parent of parents) {
    let entries;
    try {
      entries = readdirSync(parent);
    } catch {
      continue;
    }
    for (const name of entries) {
      if (!name.startsWith(PREFIX)) continue;
      const profile = path.join(parent, name);
      try {
        const alive = lockHolderAlive(profile);
        const old = now - statSync(profile).mtimeMs > STALE_MS;
        if (alive === false || (alive === undefined && old)) rmSync(profile, { recursive: true, force: true });
      } catch {
        // Removed meanwhile, or not ours to remove: leave it.
      }
    }
  }
}
